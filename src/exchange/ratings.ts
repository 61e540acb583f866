import { foldCase } from '../core/text.ts';
import type { Verdict } from '../core/schema.ts';

/** Our verdicts as ClaimReview's `alternateName` writes them: the words a reader sees. */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  unverified: 'Unverified',
  confirmed: 'Confirmed',
  false: 'False',
  misleading: 'Misleading',
  disputed: 'Disputed',
  inconclusive: 'Inconclusive',
  retracted: 'Retracted',
};

/**
 * Fact-checkers' textual ratings (PolitiFact, Snopes, the Washington Post's Pinocchios, AFP, Full Fact…) and the
 * verdict each one comes closest to. Our verdicts have no grades, so "Mostly False" and "Half True" are `misleading`
 * (true in part, wrong in the impression they give) and the original words are kept in the claim's note.
 */
const RATING_TABLE: Readonly<Record<Verdict, readonly string[]>> = {
  unverified: ['unverified', 'not yet rated'],
  confirmed: ['confirmed', 'true', 'correct', 'accurate', 'verified', 'mostly true', 'mostly correct', 'mostly accurate', 'geppetto checkmark'],
  false: [
    'false',
    'pants on fire',
    'fake',
    'incorrect',
    'wrong',
    'not true',
    'untrue',
    'fabricated',
    'hoax',
    'baseless',
    'four pinocchios',
    'misattributed',
    'altered',
    'scam',
    'false claim',
    'fake news',
  ],
  misleading: [
    'misleading',
    'mostly false',
    'half true',
    'partly false',
    'partly true',
    'partially false',
    'partially true',
    'missing context',
    'needs context',
    'lacks context',
    'out of context',
    'exaggerated',
    'exaggeration',
    'distorted',
    'cherry picks',
    'spin',
    'miscaptioned',
    'outdated',
    'three pinocchios',
    'two pinocchios',
    'one pinocchio',
    'half flip',
  ],
  disputed: ['disputed', 'contested', 'mixture', 'mixed', 'conflicting'],
  inconclusive: [
    'inconclusive',
    'unproven',
    'unsupported',
    'unsubstantiated',
    'no evidence',
    'lacks evidence',
    'insufficient evidence',
    'undetermined',
    'unverifiable',
    'cannot be verified',
    'research in progress',
  ],
  retracted: ['retracted', 'withdrawn', 'correction'],
};

const VERDICT_BY_RATING: ReadonlyMap<string, Verdict> = new Map(
  Object.entries(RATING_TABLE).flatMap(([verdict, ratings]) => ratings.map((rating) => [rating, verdict as Verdict] as const)),
);

/** "Pants on Fire!", "pants-on-fire", " Pants on fire " → "pants on fire". */
function comparableRating(rating: string): string {
  return foldCase(rating)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface RatingReading {
  verdict: Verdict;
  /** True when the rating is one of our own verdict words, so nothing about it needs keeping in a note. */
  exact: boolean;
}

/** The verdict a textual rating stands for; an unknown rating stays `unverified`. */
export function ratingToVerdict(rating: string): RatingReading {
  const comparable = comparableRating(rating);
  const verdict = VERDICT_BY_RATING.get(comparable);
  if (!verdict) return { verdict: 'unverified', exact: false };
  return { verdict, exact: comparable === comparableRating(VERDICT_WORDS[verdict]) };
}
