import type { Claim, Story } from '../core/schema.ts';
import { comparableText } from '../core/schema.ts';
import { duplicateKey, sameContent } from './identity.ts';
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
   */
  reason: 'unchanged' | 'duplicate' | 'older';
  /** The id of the claim it is the same as: in the dataset, or earlier in the same file. */
  of: string;
}

export interface ImportPlan {
  add: Claim[];
  update: ClaimUpdate[];
  skip: SkippedClaim[];
  /** The file's invalid records, and those that would break the dataset (unknown story, a statement already claimed by someone else). */
  invalid: ImportProblem[];
  /** Stories the file brings that the dataset lacks and the added claims need. A story the dataset has is never changed by an import. */
  addStories: Story[];
}

export interface ExistingClaims {
  claims: readonly Claim[];
  stories: readonly Story[];
}

/** What a claim says, without when and by whom it was added: re-importing a feed with new timestamps changes nothing. */
function content({ createdAt: _created, updatedAt: _updated, addedBy: _addedBy, ...rest }: Claim) {
  return rest;
}

/**
 * What importing `incoming` into `existing` would do, writing nothing. A claim with a known id is an update when
 * what it says changed, else skipped; a new id with the same claimant and statement as another claim is a duplicate.
 * An update keeps when and by whom the claim was first added; a file's version older than the dataset's is skipped.
 */
export function planImport(existing: ExistingClaims, incoming: Pick<ImportResult, 'claims' | 'stories' | 'problems'>): ImportPlan {
  const plan: ImportPlan = { add: [], update: [], skip: [], invalid: [...incoming.problems], addStories: [] };
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
  /** Claims of this file already planned, by id, so a file that repeats itself is caught too. */
  const planned = new Map<string, ImportedClaim>();

  for (const item of incoming.claims) {
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
  const neededStories = new Set([...plan.add, ...plan.update.map(({ after }) => after)].map((claim) => claim.story));
  plan.addStories = newStories.filter((story) => neededStories.has(story.id));
  return plan;
}
