import { describe, expect, it } from 'vitest';
import { ratingToVerdict, VERDICT_WORDS } from '../../src/exchange/ratings.ts';
import { verdictFromRatings } from '../../src/exchange/review-sources.ts';
import { VERDICTS } from '../../src/core/schema.ts';

describe('textual ratings', () => {
  it.each([
    ['False', 'false', true],
    ['Pants on Fire!', 'false', false],
    ['pants-on-fire', 'false', false],
    ['Four Pinocchios', 'false', false],
    ['Mostly False', 'misleading', false],
    ['Half True', 'misleading', false],
    ['Half-True', 'misleading', false],
    ['Misleading', 'misleading', true],
    ['Missing context', 'misleading', false],
    ['True', 'confirmed', false],
    ['Mostly True', 'confirmed', false],
    ['Mixture', 'disputed', false],
    ['Unproven', 'inconclusive', false],
    ['Retracted', 'retracted', true],
    ['Flip-flop', 'unverified', false],
    ['Satire', 'unverified', false],
  ] as const)('"%s" is %s (in our words: %s)', (rating, verdict, exact) => {
    expect(ratingToVerdict(rating)).toEqual({ verdict, exact });
  });

  it('reads every one of our verdict words back as that verdict', () => {
    for (const verdict of VERDICTS) expect(ratingToVerdict(VERDICT_WORDS[verdict])).toEqual({ verdict, exact: true });
  });

  it('keeps the original ratings in the note unless there is one, in our words', () => {
    expect(verdictFromRatings([{ words: 'False', by: 'Desk' }])).toEqual({ verdict: 'false' });
    expect(verdictFromRatings([{ words: 'Cherry Picks', by: 'Desk' }])).toEqual({ verdict: 'misleading', note: 'Rated “Cherry Picks” by Desk.' });
    expect(verdictFromRatings([{ words: 'Labeled Satire' }])).toEqual({ verdict: 'unverified', note: 'Rated “Labeled Satire”.' });
    // The first rating we know decides; an unknown one before it does not.
    expect(
      verdictFromRatings([
        { words: 'Flip-flop', by: 'A' },
        { words: 'Mostly False', by: 'B' },
      ]),
    ).toEqual({
      verdict: 'misleading',
      note: 'Rated “Flip-flop” by A, “Mostly False” by B.',
    });
    expect(verdictFromRatings([])).toEqual({ verdict: 'unverified' });
  });
});
