// Issue 20's sets through /claim's decision: natural questions on each story (answered with a right claim, answered
// wrong, refused), unrelated queries (refused), natural questions on LIAR (answered first, top 3).
import { answer, type Search } from '../src/search/answer.ts';
import type { AskedQuestion } from '../tests/support/answer-sets.ts';

export interface QuestionTally {
  total: number;
  /** Answered, and the answer is a right claim. */
  right: number;
  /** Answered with a claim that is not right: what precision counts against. */
  wrong: number;
  /** A right claim first, answered or not. */
  first: number;
  /** A right claim among the first three. */
  top3: number;
}

export function tallyQuestions(search: Search, questions: AskedQuestion[], label: string, debug: (text: string) => void): QuestionTally {
  const tally: QuestionTally = { total: questions.length, right: 0, wrong: 0, first: 0, top3: 0 };
  for (const { question, rightIds } of questions) {
    const { answered, hits } = answer(search, question);
    const rank = hits.findIndex((hit) => rightIds.includes(hit.claim.id));
    if (rank === 0) tally.first += 1;
    if (rank >= 0 && rank < 3) tally.top3 += 1;
    if (answered && rank === 0) tally.right += 1;
    if (answered && rank !== 0) tally.wrong += 1;
    const verdict = answered ? (rank === 0 ? 'ok ' : 'WRONG') : 'REFUSED';
    if (verdict !== 'ok ')
      debug(`${label} ${verdict} ${question} [${rightIds.join(',')}] → ${hits.map((h) => `${h.claim.id} ${h.score.toFixed(2)}`).join(', ')}`);
  }
  return tally;
}

export function refusedCount(search: Search, queries: string[], label: string, debug: (text: string) => void): number {
  return queries.filter((query) => {
    const { answered, hits } = answer(search, query);
    if (answered) debug(`${label} ANSWERED ${query} → ${hits[0]!.claim.id} ${hits[0]!.score.toFixed(2)}`);
    return !answered;
  }).length;
}

const share = (part: number, whole: number) => `${part}/${whole} (${whole ? ((100 * part) / whole).toFixed(1) : '–'} %)`;

/** A table row: right answers, wrong answers, precision when answering, first and top 3. */
export function questionRow(name: string, tally: QuestionTally): string {
  const answered = tally.right + tally.wrong;
  return `| ${name} | ${share(tally.right, tally.total)} | ${tally.wrong} | ${share(tally.right, answered)} | ${share(tally.first, tally.total)} | ${share(tally.top3, tally.total)} |`;
}

export const QUESTION_TABLE_HEAD = [
  '| set | answered with a right claim | answered wrong | precision when answering | right claim first | right claim in top 3 |',
  '|---|---|---|---|---|---|',
];
export { share };
