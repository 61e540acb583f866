// How the answer bar was set: every question and unrelated query of issue 20's sets through the search, the best
// and rival scores kept, and each (bar, margin, strong bar) tried on them. Prints the grid's best rows and, with
// --dump, every query's first two scores. Usage: node --import tsx bench/answer-grid.ts [--dump] [--corpus]
import { loadDataset } from '../src/core/dataset.ts';
import { rival } from '../src/search/answer.ts';
import { ClaimSearch } from '../src/search/claim-search.ts';
import { SHIPPED_CLAIMS } from '../tests/support/files.ts';
import { loadCorpus } from '../tests/support/eval-queries.ts';
import {
  liarQuestions,
  secondStoryQuestions,
  SECOND_STORY_CLAIMS,
  storyQuestions,
  unrelatedQueries,
  type AskedQuestion,
} from '../tests/support/answer-sets.ts';

interface Scored {
  set: string;
  query: string;
  related: boolean;
  first: number;
  second: number;
  right: boolean;
}

function scoreAll(index: ClaimSearch, set: string, questions: AskedQuestion[], unrelated: string[]): Scored[] {
  const one = (query: string, rightIds: string[] | undefined): Scored => {
    // The margin is measured against the best one's rival (answer.ts), not always the second.
    const hits = index.search(query, { limit: 6 });
    const next = rival(hits);
    return {
      set,
      query,
      related: !!rightIds,
      first: hits[0]?.score ?? 0,
      second: next?.score ?? 0,
      right: !!rightIds && !!hits[0] && rightIds.includes(hits[0].claim.id),
    };
  };
  return [...questions.map((q) => one(q.question, q.rightIds)), ...unrelated.map((query) => one(query, undefined))];
}

const first = await loadDataset(SHIPPED_CLAIMS);
const second = await loadDataset(SECOND_STORY_CLAIMS);
const rows = [
  ...scoreAll(new ClaimSearch(first.claims, first.stories), 'story1', storyQuestions(), unrelatedQueries()),
  ...scoreAll(new ClaimSearch(second.claims, second.stories), 'story2', secondStoryQuestions(), unrelatedQueries()),
];
if (process.argv.includes('--corpus')) {
  const liar = await loadCorpus();
  rows.push(...scoreAll(new ClaimSearch(liar.claims, liar.stories), 'liar', liarQuestions(), []));
}
if (process.argv.includes('--dump')) {
  for (const r of rows)
    process.stdout.write(`${r.set}\t${r.related ? (r.right ? 'right' : 'WRONG') : 'unrel'}\t${r.first.toFixed(3)}\t${r.second.toFixed(3)}\t${r.query}\n`);
}
const decide = (r: Scored, bar: number, margin: number, strong: number) => r.first >= strong || (r.first >= bar && r.first - r.second >= margin);
const results: string[] = [];
for (let bar = 0.3; bar <= 0.61; bar += 0.025)
  for (let margin = 0; margin <= 0.31; margin += 0.025)
    for (let strong = bar; strong <= 1.01; strong += 0.05) {
      const sets = ['story1', 'story2', 'liar'].map((set) => {
        const inSet = rows.filter((r) => r.set === set);
        const questions = inSet.filter((r) => r.related);
        const right = questions.filter((r) => r.right && decide(r, bar, margin, strong)).length;
        const wrong = questions.filter((r) => !r.right && decide(r, bar, margin, strong)).length;
        const answeredUnrelated = inSet.filter((r) => !r.related && decide(r, bar, margin, strong)).length;
        return { set, right, wrong, answeredUnrelated, total: questions.length };
      });
      const cost = sets.reduce((sum, s) => sum + (s.total - s.right) + 3 * s.wrong + 5 * s.answeredUnrelated, 0);
      results.push(
        `${cost}\tbar ${bar.toFixed(3)} margin ${margin.toFixed(3)} strong ${strong.toFixed(2)}\t${sets.map((s) => `${s.set} ${s.right}/${s.total} wrong ${s.wrong} unrelated-answered ${s.answeredUnrelated}`).join(' | ')}`,
      );
    }
process.stdout.write(
  `${results
    .sort((a, b) => parseFloat(a) - parseFloat(b))
    .slice(0, 15)
    .join('\n')}\n`,
);
