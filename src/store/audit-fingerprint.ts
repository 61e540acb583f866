import { createHash } from 'node:crypto';

/** What identifies one audit entry beyond its sequence number: when, by whom, what was done, to which claim. */
export interface AuditIdentity {
  seq: number;
  at: string;
  actorId: string;
  action: string;
  claimId: string;
}

/**
 * A short fingerprint of one audit entry. The search index cache records the one of the last entry it holds; a
 * database restored from a backup and written past that number since holds another entry there (another time at
 * least), so the cache proves whether it is this database's state or not.
 */
export function auditFingerprint({ seq, at, actorId, action, claimId }: AuditIdentity): string {
  return createHash('sha256')
    .update(JSON.stringify([seq, at, actorId, action, claimId]))
    .digest('base64url');
}
