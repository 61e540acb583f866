import { DatabaseUnreachableError, FormatError, QueryError, RefusedError, UserError, type Refusal } from '../core/errors.ts';
import { InvalidClaimError } from '../core/validate-claim.ts';

/** Told when the database cannot be reached: the change was not made (readers' answers, from memory, go on). */
export const DATABASE_UNREACHABLE = 'The claims database is unreachable: nothing was saved.';

/**
 * What to tell the person for an error: theirs to fix, or an outage they should know of; undefined for a fault of
 * ours (logged, with a generic answer). The edges (Discord, console, CLI) call this; nothing below them writes
 * sentences for users.
 */
export function errorWords(error: unknown): string | undefined {
  if (error instanceof DatabaseUnreachableError) return DATABASE_UNREACHABLE;
  if (error instanceof UserError || error instanceof FormatError) return error.message;
  if (error instanceof RefusedError) return refusalWords(error.refusal);
  if (error instanceof InvalidClaimError)
    return `This claim cannot be saved: ${error.problems.map(({ field, message }) => `${field}: ${message}`).join('; ')}.`;
  if (error instanceof QueryError) {
    const { problem } = error;
    if (problem.kind === 'empty')
      return problem.forMessage ? 'That message has no text to check.' : 'Type a few words to search for, like "north korea troops".';
    return `A ${problem.forMessage ? 'message to check' : 'search'} can be at most ${problem.limit} characters; yours has ${problem.length}.`;
  }
  return undefined;
}

function refusalWords(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'no-claim':
      return `There is no claim “${refusal.id}”. Pick one from the list as you type.`;
    case 'claim-removed':
      return `The claim “${refusal.id}” was removed; \`/claims restore\` brings it back.`;
    case 'claim-already-removed':
      return `The claim “${refusal.id}” is already removed.`;
    case 'claim-not-removed':
      return `The claim “${refusal.id}” is not removed.`;
    case 'claim-id-taken':
      return `A claim with the id “${refusal.id}” already exists.`;
    case 'statement-taken':
      return `The claim “${refusal.owner}” already has this statement.`;
    case 'no-story':
      return `There is no story “${refusal.story}”. Pick one from the list as you type.`;
    case 'no-summary':
      return `There is no summary of “${refusal.story}” in <#${refusal.channelId}>. \`/summary list\` shows where they are.`;
  }
}

/** Whether an error is ours to look into (logged), even when the person is told something: not the user's doing. */
export function isFault(error: unknown): boolean {
  return error instanceof DatabaseUnreachableError || errorWords(error) === undefined;
}
