import { describe, expect, it } from 'vitest';
import { DatabaseUnreachableError, FormatError, QueryError, RefusedError, UserError } from '../../src/core/errors.ts';
import { InvalidClaimError } from '../../src/core/validate-claim.ts';
import { DATABASE_UNREACHABLE, errorWords, isFault } from '../../src/views/error-words.ts';

// What each refusal of the store says. Some are met only in a race (another moderator removed or restored the claim
// between the command's own check and the write), so the words are checked here, where every kind can be made.
describe('the words for an error', () => {
  it.each([
    [{ kind: 'no-claim', id: 'x' }, 'There is no claim “x”. Pick one from the list as you type.'],
    [{ kind: 'claim-removed', id: 'x' }, 'The claim “x” was removed; `/claims restore` brings it back.'],
    [{ kind: 'claim-already-removed', id: 'x' }, 'The claim “x” is already removed.'],
    [{ kind: 'claim-not-removed', id: 'x' }, 'The claim “x” is not removed.'],
    [{ kind: 'claim-id-taken', id: 'x' }, 'A claim with the id “x” already exists.'],
    [{ kind: 'statement-taken', owner: 'y' }, 'The claim “y” already has this statement.'],
    [{ kind: 'no-story', story: 's' }, 'There is no story “s”. Pick one from the list as you type.'],
    [{ kind: 'no-summary', story: 's', channelId: '42' }, 'There is no summary of “s” in <#42>. `/summary list` shows where they are.'],
  ] as const)('refusal %j → %s', (refusal, words) => {
    const error = new RefusedError(refusal);
    expect(errorWords(error)).toBe(words);
    expect(isFault(error)).toBe(false);
  });

  it('says what was wrong with a query, a claim, a file or the database', () => {
    expect(errorWords(new QueryError({ kind: 'empty', forMessage: false }))).toBe('Type a few words to search for, like "north korea troops".');
    expect(errorWords(new QueryError({ kind: 'empty', forMessage: true }))).toBe('That message has no text to check.');
    expect(errorWords(new QueryError({ kind: 'too-long', forMessage: false, limit: 200, length: 201 }))).toBe(
      'A search can be at most 200 characters; yours has 201.',
    );
    expect(errorWords(new QueryError({ kind: 'too-long', forMessage: true, limit: 4000, length: 4001 }))).toBe(
      'A message to check can be at most 4000 characters; yours has 4001.',
    );
    const invalid = new InvalidClaimError([
      { field: 'Statement', message: 'must not be empty' },
      { field: 'Claimant', message: 'is required' },
    ]);
    expect(errorWords(invalid)).toBe('This claim cannot be saved: Statement: must not be empty; Claimant: is required.');
    expect(errorWords(new FormatError('feed.json: not ClaimReview'))).toBe('feed.json: not ClaimReview');
    expect(errorWords(new UserError('Pick a story.'))).toBe('Pick a story.');
    expect(errorWords(new DatabaseUnreachableError({ cause: new Error('down') }))).toBe(DATABASE_UNREACHABLE);
  });

  it('counts an outage and a fault of ours as faults to look into, and the user’s mistakes not', () => {
    expect(isFault(new DatabaseUnreachableError({ cause: new Error('down') }))).toBe(true);
    expect(isFault(new TypeError('x is undefined'))).toBe(true);
    expect(errorWords(new TypeError('x is undefined'))).toBeUndefined();
    expect(isFault(new UserError('Pick a story.'))).toBe(false);
    expect(isFault(new QueryError({ kind: 'empty', forMessage: false }))).toBe(false);
  });
});
