import { comparableText, type Claim, type Story } from '../core/schema.ts';
import { duplicateKey, importedClaimId, sameContent } from './identity.ts';
import type { ImportedClaim, ImportResult } from './import.ts';
import type { ImportProblem, RecordRef } from './problems.ts';

export interface ClaimUpdate {
  record: RecordRef;
  before: Claim;
  after: Claim;
}

export interface SkippedClaim {
  record: RecordRef;
  claim: Claim;
  /**
   * `unchanged`: the dataset already holds this claim as it is. `duplicate`: the same claimant and statement under
   * another id. `older`: the dataset's claim changed after the file's version of it (an old export would undo that).
   * `removed`: the claim (or the same claimant and statement) was taken out of search; only `restoreRemoved` brings it back.
   */
  reason: 'unchanged' | 'duplicate' | 'older' | 'removed';
  /** The id of the claim it is the same as: in the dataset, or earlier in the same file. */
  of: string;
  /** For `removed`: when and by whom. */
  removal?: Removal;
}

/** When and by whom a claim was taken out of search (its last `remove` in the audit trail). */
export interface Removal {
  at: string;
  by: string;
}

export interface RemovedClaim {
  claim: Claim;
  removal: Removal;
}

/** A foreign record whose identifier is one of our ids: it gets an id of its own. */
export interface RenamedClaim {
  record: RecordRef;
  from: string;
  to: string;
}

export interface PlanOptions {
  /** Bring back removed claims the file has (by id), instead of skipping them. Only when asked explicitly. */
  restoreRemoved?: boolean;
}

export interface ImportPlan {
  add: Claim[];
  update: ClaimUpdate[];
  /** Removed claims brought back (`restoreRemoved`): `before` is the removed claim. */
  restore: ClaimUpdate[];
  renamed: RenamedClaim[];
  skip: SkippedClaim[];
  /** The file's invalid records, and those that would break the dataset (unknown story, a statement already claimed by someone else). */
  invalid: ImportProblem[];
  /** Stories the file brings that the dataset lacks and the added claims need. A story the dataset has is never changed by an import. */
  addStories: Story[];
}

export interface ExistingClaims {
  claims: readonly Claim[];
  stories: readonly Story[];
  /** Claims taken out of search: an import never brings one back unless asked (`PlanOptions.restoreRemoved`). */
  removed?: readonly RemovedClaim[];
}

/** What a claim says, without when and by whom it was added: re-importing a feed with new timestamps changes nothing. */
function content({ createdAt: _created, updatedAt: _updated, addedBy: _addedBy, ...rest }: Claim) {
  return rest;
}

/**
 * What importing `incoming` into `existing` would do, writing nothing. A claim with a known id is an update when
 * what it says changed, else skipped; a new id with the same claimant and statement as another claim is a duplicate.
 * An update keeps when and by whom the claim was first added; a file's version older than the dataset's is skipped.
 * A removed claim is skipped, saying when and by whom it was removed, unless `restoreRemoved`; a foreign record
 * (another newsroom's review) whose identifier is one of our ids gets an id of its own.
 */
export function planImport(existing: ExistingClaims, incoming: Pick<ImportResult, 'claims' | 'stories' | 'problems'>, options: PlanOptions = {}): ImportPlan {
  const plan: ImportPlan = { add: [], update: [], restore: [], renamed: [], skip: [], invalid: [...incoming.problems], addStories: [] };
  const existingStoryIds = new Set(existing.stories.map((story) => story.id));
  const newStories = incoming.stories.filter((story) => !existingStoryIds.has(story.id));
  const storyIds = new Set([...existingStoryIds, ...newStories.map((story) => story.id)]);

  const byId = new Map(existing.claims.map((claim) => [claim.id, claim]));
  /** Claim ids by claimant and statement, and claims by statement alone (a statement is claimed by one claimant only). */
  const byKey = new Map<string, string>();
  const byStatement = new Map<string, Claim>();
  for (const claim of existing.claims) {
    const statement = comparableText(claim.statement);
    byKey.set(duplicateKey(claim.claimant.name, statement), claim.id);
    byStatement.set(statement, claim);
  }
  const removedById = new Map((existing.removed ?? []).map((removed) => [removed.claim.id, removed]));
  const removedByKey = new Map(
    (existing.removed ?? []).map((removed) => [duplicateKey(removed.claim.claimant.name, comparableText(removed.claim.statement)), removed]),
  );
  /** Claims of this file already planned, by id, so a file that repeats itself is caught too. */
  const planned = new Map<string, ImportedClaim>();

  for (const incomingItem of incoming.claims) {
    const item = ownId(incomingItem, (id) => byId.has(id) || removedById.has(id), plan.renamed);
    const { record, claim } = item;
    const invalid = (field: string, message: string) => plan.invalid.push({ record, field, message });
    if (!storyIds.has(claim.story)) {
      invalid('story', `no story has the id "${claim.story}"`);
      continue;
    }
    const earlier = planned.get(claim.id);
    if (earlier) {
      if (sameContent(content(earlier.claim), content(claim))) plan.skip.push({ record, claim, reason: 'duplicate', of: claim.id });
      else invalid('id', `${earlier.record.label} already has the id "${claim.id}" for another claim`);
      continue;
    }
    const before = byId.get(claim.id);
    const statement = comparableText(claim.statement);
    const key = duplicateKey(claim.claimant.name, statement);
    const removed = removedById.get(claim.id) ?? (before ? undefined : removedByKey.get(key));
    if (removed && options.restoreRemoved && removed.claim.id === claim.id) {
      const newer =
        claim.updatedAt >= removed.claim.updatedAt ? { ...claim, createdAt: removed.claim.createdAt, addedBy: removed.claim.addedBy } : removed.claim;
      plan.restore.push({ record, before: removed.claim, after: newer });
      planned.set(claim.id, item);
      continue;
    }
    if (removed) {
      plan.skip.push({ record, claim, reason: 'removed', of: removed.claim.id, removal: removed.removal });
      continue;
    }
    const duplicateOf = before ? undefined : byKey.get(key);
    const sameStatement = byStatement.get(statement);
    if (before && sameContent(content(before), content(claim))) {
      plan.skip.push({ record, claim, reason: 'unchanged', of: claim.id });
    } else if (duplicateOf) {
      plan.skip.push({ record, claim, reason: 'duplicate', of: duplicateOf });
    } else if (sameStatement && sameStatement.id !== claim.id) {
      invalid('statement', `claim "${sameStatement.id}" (${sameStatement.claimant.name}) already has this statement`);
    } else if (before && claim.updatedAt < before.updatedAt) {
      plan.skip.push({ record, claim, reason: 'older', of: claim.id });
    } else if (before) {
      const after = { ...claim, createdAt: before.createdAt, addedBy: before.addedBy };
      plan.update.push({ record, before, after });
      byKey.set(key, claim.id);
      byStatement.set(statement, after);
    } else {
      plan.add.push(claim);
      byKey.set(key, claim.id);
      byStatement.set(statement, claim);
    }
    planned.set(claim.id, item);
  }
  // A story is added for the claims that go in, not for claims skipped or refused.
  const neededStories = new Set([...plan.add, ...[...plan.update, ...plan.restore].map(({ after }) => after)].map((claim) => claim.story));
  plan.addStories = newStories.filter((story) => neededStories.has(story.id));
  return plan;
}

/**
 * A foreign record whose identifier is one of our ids, under an id of its own (from its claimant and statement, as
 * for a record without an identifier): another newsroom's review never rewrites or shadows our claim.
 */
function ownId(item: ImportedClaim, ours: (id: string) => boolean, renamed: RenamedClaim[]): ImportedClaim {
  if (!item.foreign || !ours(item.claim.id)) return item;
  const id = importedClaimId(item.claim.claimant.name, item.claim.statement);
  if (id === item.claim.id) return item;
  renamed.push({ record: item.record, from: item.claim.id, to: id });
  return { ...item, record: { ...item.record, id }, claim: { ...item.claim, id } };
}
