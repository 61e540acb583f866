import type { Claim, Story } from '../core/schema.ts';
import type { ImportProblem, RecordRef } from './problems.ts';

/** Clocks of two machines disagree a little: an export made elsewhere a moment ago is not "from the future". */
const CLOCK_ALLOWANCE_MS = 5 * 60_000;

/**
 * A record dated after the import (a ClaimReview "modified" in 2099) would count as newer than every later change
 * of ours, and make our own exports look older: such dates are refused, naming the field.
 */
export function futureClaimProblems(record: RecordRef, claim: Claim, now: Date): ImportProblem[] {
  const latest = new Date(now.getTime() + CLOCK_ALLOWANCE_MS).toISOString();
  const problems: ImportProblem[] = [];
  for (const field of ['createdAt', 'updatedAt'] as const) {
    if (claim[field] > latest)
      problems.push({ record, field, message: `is in the future (${claim[field]}); it must not be after the import (${now.toISOString()})` });
  }
  const date = futureDate(claim.attribution.reportedBy.date, now);
  if (date) problems.push({ record, field: 'attribution.reportedBy.date', message: date });
  return problems;
}

/** A story's report dated after the import. */
export function futureStoryProblems(record: RecordRef, story: Story, now: Date): ImportProblem[] {
  const date = futureDate(story.source.date, now);
  return date ? [{ record, field: 'source.date', message: date }] : [];
}

/** Why a calendar date is in the future, if it is. Somewhere east of UTC it is already tomorrow: that day is allowed. */
function futureDate(date: string | undefined, now: Date): string | undefined {
  const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  return date && date > latest ? `is in the future (${date}); the latest date an import takes is ${latest}` : undefined;
}
