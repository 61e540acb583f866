import { statementSimilarity } from '../core/claim-id.ts';
import { comparableText, type Claim, type Verdict } from '../core/schema.ts';
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
 * ahead of its rival (`rival`): two different claims that match about as well are a choice the bot should not make
 * for the reader. (A message is scored by how much of each claim it repeats: there two claims
 * can both be repeated, so no margin.)
 */
export const ANSWER_MARGIN = 0.075;
/**
 * Statements sharing at least this share of their words (`statementSimilarity`) report the same thing: "10,000 North
 * Korean troops are in Russia" from one outlet, "North Korea had sent 10,000 troops to Russia" from another.
 */
export const KINDRED_STATEMENTS = 0.5;
/** How many claims the margin looks through for the best one's rival: past them, there is none. */
const MARGIN_LOOKAHEAD = 6;
/**
 * From this score on, the best claim answers even with a rival close behind (which is listed under it). Set by the
 * grid of bench/answer-grid.ts: at 0.65 the own sets had 3 confident wrong answers on the first story, at 0.9 none.
 */
export const STRONG_ANSWER = 0.9;

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
  // The next claims are needed for the margin even when only the best is shown: its rival may come after a few.
  const hits = search(text, { mode, verdict, story, limit: Math.max(limit, MARGIN_LOOKAHEAD) });
  return { answered: clearlyAnswers(hits, mode), hits: hits.slice(0, limit) };
}

/**
 * Whether the best hit answers: over the bar, and either strong or clearly ahead of its rival. A claim close behind
 * that is no rival is no choice withheld from the reader: it is listed under the answer as a match.
 */
export function clearlyAnswers(hits: readonly SearchHit[], mode: ReadingMode = 'query'): boolean {
  const [best] = hits;
  if (!best || best.score < ANSWER_THRESHOLD[mode]) return false;
  if (mode === 'message' || best.score >= STRONG_ANSWER) return true;
  return best.score - (rival(hits, mode)?.score ?? 0) >= ANSWER_MARGIN;
}

/**
 * The hit the best one must be clearly ahead of: the first that neither reports the same thing (kindred) nor is
 * another match said by the same claimant ("what did zelensky say about iran": two of his claims name Tehran). One
 * claimant's claim under the bar is a rival: a query that names only the claimant ("isw report on sudan") ties them all.
 */
export function rival(hits: readonly SearchHit[], mode: ReadingMode = 'query'): SearchHit | undefined {
  const [best, ...rest] = hits;
  return best && rest.find((hit) => !kindred(hit.claim, best.claim) && !(sameClaimant(hit.claim, best.claim) && isMatch(hit, mode)));
}

/** Two claims that report the same thing in other words: a reader may be given one for the other. */
export function kindred(a: Claim, b: Claim): boolean {
  return statementSimilarity(a.statement, b.statement) >= KINDRED_STATEMENTS;
}

/** Whether a hit clears the bar for the way its text was read: which of several hits are matches, not just close. */
export function isMatch(hit: SearchHit, mode: ReadingMode = 'query'): boolean {
  return hit.score >= ANSWER_THRESHOLD[mode];
}

function sameClaimant(a: Claim, b: Claim): boolean {
  return comparableText(a.claimant.name) === comparableText(b.claimant.name);
}
