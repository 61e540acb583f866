// One engine at one size, in a fresh process so memory figures are its own.
// Usage: node --expose-gc --import tsx bench/worker.ts <engine> <claims> <passes> <full queries> <extra queries: yes|no>
import { join } from 'node:path';
import { loadDataset } from '../src/core/dataset.ts';
import type { Claim } from '../src/core/schema.ts';
import { ClaimSearch } from '../src/search/claim-search.ts';
import { ClaimStore } from '../src/store/claim-store.ts';
import { evalText } from '../tests/support/eval-queries.ts';
import { datasetFile, SHIPPED_CLAIMS } from '../tests/support/files.ts';
import { ENGINES } from './engines.ts';
import { extraEval, publicEval, queryMix } from './queries.ts';
import { latency, median, medianLatency, timed } from './stats.ts';
import { withDistractors } from './synthetic/index.ts';

const [engineName, claimsArg, passesArg, queriesArg, extraArg] = process.argv.slice(2);
const engine = ENGINES.find((candidate) => candidate.name === engineName);
if (!engine || !global.gc) throw new Error('usage: node --expose-gc --import tsx bench/worker.ts <engine> <claims> <passes> <full queries> <yes|no>');
const gc = global.gc;
const LIMIT = 25; // what autocomplete asks for

const dataset = withDistractors(await loadDataset(SHIPPED_CLAIMS), Number(claimsArg));
const mix = queryMix(Number(queriesArg));

gc();
const heapBefore = process.memoryUsage().heapUsed;
const builds: number[] = [];
let search: (query: string, limit: number) => Claim[] = () => [];
for (let i = 0; i < (dataset.claims.length > 50_000 && engine.name.startsWith('fuse') ? 1 : 3); i++) {
  search = () => []; // let the previous build go before collecting
  gc();
  let ms: number;
  [search, ms] = timed(() => engine.build(dataset));
  builds.push(ms);
}
gc();
const indexHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
const rssMb = process.memoryUsage().rss / 2 ** 20;

for (const query of mix.slice(0, 10)) search(query, LIMIT); // warm up
const passes = Array.from({ length: Number(passesArg) }, () => latency(mix.map((query) => timed(() => search(query, LIMIT))[1])));

const hits = (queries: typeof publicEval) => queries.filter(({ query, expected }) => search(query, 3).some((claim) => expected.test(evalText(claim)))).length;

const result: Record<string, unknown> = {
  engine: engine.name,
  claims: dataset.claims.length,
  queries: mix.length,
  passes: passes.length,
  buildMs: median(builds),
  ...medianLatency(passes),
  indexHeapMb,
  rssMb,
  publicTop3: `${hits(publicEval)}/${publicEval.length}`,
  extraTop3: extraArg === 'yes' ? `${hits(extraEval)}/${extraEval.length}` : undefined,
};

if (engine.name === 'claimbot') {
  // One moderator change: the claim is taken out of the index and put back edited, without a rebuild.
  const index = new ClaimSearch(dataset.claims, dataset.stories);
  const changes = dataset.claims.slice(0, 200).map((claim) => () => {
    index.remove(claim.id);
    index.add({ ...claim, statement: `${claim.statement} (updated)`, verdict: 'disputed' });
  });
  result.update = latency(changes.map((change) => timed(change)[1]));
  // A restart as the bot does it once its database is filled: claims and index from the cache the first start saved.
  const { dir, file, cleanup } = await datasetFile(dataset);
  const options = { databaseUrl: `file:${join(dir, 'claimbot.db')}`, seedFile: file };
  await (await ClaimStore.open(options)).close(); // the first start imports the seed file
  const start = performance.now();
  const store = await ClaimStore.open(options);
  result.storeOpenMs = performance.now() - start;
  await store.close();
  await cleanup();
}

process.stdout.write(JSON.stringify(result));
