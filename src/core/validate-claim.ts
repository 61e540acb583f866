import { ClaimSchema, type Claim } from './schema.ts';

/** A claim the schema rejects: each problem names the field, so a moderator knows what to fix. */
export class InvalidClaimError extends Error {
  override name = 'InvalidClaimError';
  constructor(readonly problems: readonly { field: string; message: string }[]) {
    super(`invalid claim: ${problems.map(({ field, message }) => `${field}: ${message}`).join('; ')}`);
  }
}

/** Validates a claim with the dataset's schema before it is written. */
export function checkClaim(claim: unknown): Claim {
  const parsed = ClaimSchema.safeParse(claim);
  if (parsed.success) return parsed.data;
  throw new InvalidClaimError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'claim', message: issue.message })));
}
