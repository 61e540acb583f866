// Answer quality: the eval sets through /claim's decision, and the real LIAR corpus side by side with minisearch and fuse.js.
// Usage: node --import tsx bench/quality.ts [--scores] [--corpus DIR]   (--scores prints every query's top hits)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../src/core/dataset.ts';
import type { Claim, Dataset } from '../src/core/schema.ts';
import { answer } from '../src/search/answer.ts';
import { ClaimSearch } from '../src/search/claim-search.ts';
import { CORPUS_DIR, EVAL_DIR, evalText, EXTRA_QUERIES, loadCorpus, readQueries, readTsv } from '../tests/support/eval-queries.ts';
import { SHIPPED_CLAIMS } from '../tests/support/files.ts';
import { ENGINES } from './engines.ts';
import { latency, timed } from './stats.ts';
import { QUESTION_TABLE_HEAD, questionRow, refusedCount, share, tallyQuestions } from './answer-sets.ts';
import { liarQuestions, secondStoryQuestions, SECOND_STORY_CLAIMS, storyQuestions, unrelatedQueries } from '../tests/support/answer-sets.ts';

const showScores = process.argv.includes('--scores');
/** `--claimbot-only`: skip the other engines (fuse.js takes seconds per query on the real corpus). */
const claimbotOnly = process.argv.includes('--claimbot-only');
const corpusArg = process.argv.indexOf('--corpus');
const corpus = corpusArg > 0 ? process.argv[corpusArg + 1]! : CORPUS_DIR;
const lines: string[] = [];
const line = (...texts: string[]) => lines.push(...(texts.length ? texts : ['']));
const debug = (text: string) => showScores && process.stderr.write(`${text}\n`);
const pct = (score: number) => `${Math.round(score * 100)}%`;

/** /claim's decision on the first story: eval queries in the top 3, questions answered right, unrelated not answered. */
async function firstStory(): Promise<void> {
  const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
  const index = new ClaimSearch(claims, stories);
  const search = index.search.bind(index);
  const top3 = readQueries(join(EVAL_DIR, 'queries.tsv')).filter(({ query, expected }) => {
    const { hits } = answer(search, query);
    debug(
      `queries  ${hits.slice(0, 3).some((hit) => expected.test(evalText(hit.claim))) ? 'ok ' : 'BAD'} ${query} → ${hits
        .slice(0, 3)
        .map((h) => `${h.claim.id} ${pct(h.score)}`)
        .join(', ')}`,
    );
    return hits.slice(0, 3).some((hit) => expected.test(evalText(hit.claim)));
  });
  const extra = readQueries(EXTRA_QUERIES).filter(({ query, expected }) => {
    const ok = search(query, { limit: 3 }).some((hit) => expected.test(evalText(hit.claim)));
    debug(`extra    ${ok ? 'ok ' : 'BAD'} ${query}`);
    return ok;
  });
  const questions = readQueries(join(EVAL_DIR, 'questions.tsv'));
  const answered = questions.filter(({ query, expected }) => {
    const result = answer(search, query);
    const ok = result.answered && expected.test(evalText(result.hits[0]!.claim));
    debug(`question ${ok ? 'ok ' : 'BAD'} ${query} → ${result.hits[0]?.claim.id} ${pct(result.hits[0]?.score ?? 0)}`);
    return ok;
  });
  const unrelated = readTsv(join(EVAL_DIR, 'unrelated.tsv')).map(([query]) => query!);
  const declined = unrelated.filter((query) => {
    const result = answer(search, query);
    debug(`unrelated ${result.answered ? 'BAD' : 'ok '} ${query} → ${result.hits[0]?.claim.id} ${pct(result.hits[0]?.score ?? 0)}`);
    return !result.answered;
  });
  line("### The first story, through /claim's decision");
  line();
  line('| set | result |');
  line('|---|---|');
  line(`| eval queries: a right claim in the top 3 | ${top3.length}/20 |`.replace('/20', `/${readQueries(join(EVAL_DIR, 'queries.tsv')).length}`));
  line(`| extra sloppy queries (tests/fixtures): a right claim in the top 3 | ${extra.length}/${readQueries(EXTRA_QUERIES).length} |`);
  line(`| plain questions: answered with the right claim | ${answered.length}/${questions.length} |`);
  line(`| unrelated queries: "No claim matches" | ${declined.length}/${unrelated.length} |`);
  line();
  await ownSets(search);
}

/** Issue 20's own sets (tests/fixtures/answers): natural questions on two stories, unrelated queries on both. */
async function ownSets(firstSearch: ClaimSearch['search']): Promise<void> {
  const second = await loadDataset(SECOND_STORY_CLAIMS);
  const secondIndex = new ClaimSearch(second.claims, second.stories);
  const secondSearch = secondIndex.search.bind(secondIndex);
  const unrelated = unrelatedQueries();
  line("### Natural questions written before measuring (tests/fixtures/answers), through /claim's decision");
  line();
  line(...QUESTION_TABLE_HEAD);
  line(questionRow('first story (Euronews)', tallyQuestions(firstSearch, storyQuestions(), 'story1', debug)));
  line(questionRow('second story (invented agency report)', tallyQuestions(secondSearch, secondStoryQuestions(), 'story2', debug)));
  line();
  line('| unrelated queries: "No claim matches" | result |');
  line('|---|---|');
  line(`| against the first story (25 share a word with it) | ${share(refusedCount(firstSearch, unrelated, 'unrelated1', debug), unrelated.length)} |`);
  line(`| against the second story | ${share(refusedCount(secondSearch, unrelated, 'unrelated2', debug), unrelated.length)} |`);
  line();
}

/** LIAR: the target claim's rank for each query, per engine; the share of unrelated queries claimbot declines; latency. */
async function realCorpus(): Promise<void> {
  const dataset: Dataset = await loadCorpus(corpus);
  const queries = readTsv(join(corpus, 'queries.tsv')).map(([query, id]) => ({ query: query!, id: id! }));
  const unrelated = readTsv(join(corpus, 'unrelated.tsv')).map(([query]) => query!);
  line(
    `### Real corpus: LIAR, ${dataset.claims.length.toLocaleString('en')} PolitiFact claims (Wang, ACL 2017), ${queries.length} sloppy queries, ${unrelated.length} unrelated`,
  );
  line();
  let liarTable = '';
  line('| engine | build ms | top-1 | top-3 | unrelated: "no match" | p50 ms | p99 ms |');
  line('|---|---|---|---|---|---|---|');
  for (const engine of [{ name: 'claimbot' }, ...ENGINES.filter((e) => e.name !== 'claimbot' && !claimbotOnly)]) {
    let run: (query: string) => Claim[];
    let declined = 'no such decision';
    let buildMs: number;
    if (engine.name === 'claimbot') {
      let index!: ClaimSearch;
      [index, buildMs] = timed(() => new ClaimSearch(dataset.claims, dataset.stories));
      const search = index.search.bind(index);
      run = (query) => search(query, { limit: 3 }).map((hit) => hit.claim);
      const first = timed(() => run(queries[0]!.query))[1];
      debug(`first query after build: ${first.toFixed(2)} ms`);
      declined = `${
        unrelated.filter((query) => {
          const result = answer(search, query);
          debug(`liar unrelated ${result.answered ? 'BAD' : 'ok '} ${query} → ${result.hits[0]?.claim.id} ${pct(result.hits[0]?.score ?? 0)}`);
          return !result.answered;
        }).length
      }/${unrelated.length}`;
      liarTable = questionRow('LIAR, statements chosen at random', tallyQuestions(search, liarQuestions(), 'liar', debug));
      for (const { query, id } of queries) {
        const result = answer(search, query);
        const rank = result.hits.findIndex((hit) => hit.claim.id === id);
        debug(
          `liar query ${rank >= 0 ? `#${rank + 1}` : 'BAD'} ${result.answered ? 'answered' : 'declined'} ${query} → ${result.hits.map((h) => `${h.claim.id} ${pct(h.score)}`).join(', ')}`,
        );
      }
    } else {
      const found = ENGINES.find((e) => e.name === engine.name)!;
      let search!: (query: string, limit: number) => Claim[];
      [search, buildMs] = timed(() => found.build(dataset));
      run = (query) => search(query, 3);
    }
    const times: number[] = [];
    const ranks = queries.map(({ query, id }) => {
      const [claims, ms] = timed(() => run(query));
      times.push(ms);
      return claims.findIndex((claim) => claim.id === id);
    });
    for (const query of unrelated) times.push(timed(() => run(query))[1]);
    const { p50, p99 } = latency(times);
    const top = (n: number) => `${ranks.filter((rank) => rank >= 0 && rank < n).length}/${queries.length}`;
    line(`| ${engine.name} | ${buildMs.toFixed(0)} | ${top(1)} | ${top(3)} | ${declined} | ${p50.toFixed(2)} | ${p99.toFixed(2)} |`);
    process.stderr.write(`${engine.name} done\n`);
  }
  line();
  line(
    `Natural questions on ${liarQuestions().length} LIAR statements chosen at random (tests/fixtures/answers/liar-questions.tsv), claimbot through /claim's decision:`,
  );
  line();
  line(...QUESTION_TABLE_HEAD);
  line(liarTable);
  line();
}

await firstStory();
if (existsSync(join(corpus, 'liar.json'))) await realCorpus();
else line(`(No LIAR corpus at ${corpus}: the real-corpus comparison was skipped.)`);
process.stdout.write(`${lines.join('\n')}\n`);
