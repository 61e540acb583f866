import type { Verdict } from '../core/schema.ts';
import type { SearchHit, SearchOptions } from './claim-search.ts';
import type { ReadingMode } from './reading.ts';

/**
 * The least score that answers, per way of reading: below it the best claim is only the closest, not a match.
 * Scores mean the same across queries (the share of the query's informative content a claim covers; for a
 * message, the share of the claim it repeats), so one bar per mode holds for every query. Measured in
 * BENCHMARKS.md ("Answers"): every eval question answered, every unrelated query not.
 */
export const ANSWER_THRESHOLD: Readonly<Record<ReadingMode, number>> = { query: 0.5, typing: 0.5, message: 0.35 };

export interface AnswerOptions {
  mode?: ReadingMode;
  verdict?: Verdict;
  story?: string;
  /** How many claims to return: the answer and the next ones, or the closest when nothing answers. */
  limit?: number;
}

export interface Answer {
  /** True when the first hit answers the text; false when the hits are only the closest claims (maybe none). */
  answered: boolean;
  /** Best first. When answered, every hit after the first that also clears the bar is a match too. */
  hits: SearchHit[];
}

export type Search = (text: string, options: SearchOptions) => SearchHit[];

/**
 * What `/claim` (and "Check claims" on a message) answers: the best claim when it clearly matches,
 * else "no claim matches" with the closest ones. Filters apply to the search, so the answer obeys them.
 */
export function answer(search: Search, text: string, { mode = 'query', verdict, story, limit = 3 }: AnswerOptions = {}): Answer {
  const hits = search(text, { mode, verdict, story, limit });
  return { answered: hits.length > 0 && hits[0]!.score >= ANSWER_THRESHOLD[mode], hits };
}

/** Whether a hit clears the bar for the way its text was read: which of several hits are matches, not just close. */
export function isMatch(hit: SearchHit, mode: ReadingMode = 'query'): boolean {
  return hit.score >= ANSWER_THRESHOLD[mode];
}
