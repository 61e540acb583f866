import type { Verdict } from '../core/schema.ts';
import type { SearchHit, SearchOptions } from './claim-search.ts';
import type { ReadingMode } from './reading.ts';

/**
 * The least score that answers, per way of reading: below it the best claim is only the closest, not a match.
 * Scores mean the same across queries (the share of the query's informative content a claim covers; for a
 * message, the share of the claim it repeats), so one bar per mode holds for every query. Set with the margin and
 * the strong level on the question sets of tests/fixtures/answers: BENCHMARKS.md, "Answers people can trust".
 */
export const ANSWER_THRESHOLD: Readonly<Record<ReadingMode, number>> = { query: 0.45, typing: 0.45, message: 0.35 };
/**
 * Between the bar and STRONG_ANSWER a query or a typed text is answered only when the best claim is this far
 * ahead of the next: two claims that match about as well are a choice the bot should not make for the reader.
 * (A message is scored by how much of each claim it repeats: there two claims can both be repeated, so no margin.)
 */
export const ANSWER_MARGIN = 0.075;
/** From this score on, the best claim answers even with another close behind (near-duplicates: the next is listed too). */
export const STRONG_ANSWER = 0.65;

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
  // The next claim is needed for the margin even when only the best is shown.
  const hits = search(text, { mode, verdict, story, limit: Math.max(limit, 2) });
  return { answered: clearlyAnswers(hits, mode), hits: hits.slice(0, limit) };
}

/** Whether the best hit answers: over the bar, and either strong or clearly ahead of the next hit. */
export function clearlyAnswers(hits: readonly SearchHit[], mode: ReadingMode = 'query'): boolean {
  const [best, next] = hits;
  if (!best || best.score < ANSWER_THRESHOLD[mode]) return false;
  if (mode === 'message' || best.score >= STRONG_ANSWER) return true;
  return best.score - (next?.score ?? 0) >= ANSWER_MARGIN;
}

/** Whether a hit clears the bar for the way its text was read: which of several hits are matches, not just close. */
export function isMatch(hit: SearchHit, mode: ReadingMode = 'query'): boolean {
  return hit.score >= ANSWER_THRESHOLD[mode];
}
