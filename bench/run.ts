// `npm run bench`: claimbot's search side by side with raw fuse.js and minisearch, same data, same queries.
// `npm run bench -- --quick`: 1,000 claims and a few queries, to prove the benchmark still works (CI).
// With TEST_DATABASE_URL or BENCH_DATABASE_URL naming a PostgreSQL server, the scale part runs on it too.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CORPUS_DIR } from '../tests/support/eval-queries.ts';
import { REPO } from '../tests/support/files.ts';
import { ENGINES } from './engines.ts';
import { latencyPlot } from './plot.ts';
import { medianLatency, type Latency } from './stats.ts';

const run = promisify(execFile);
const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000] : [1_000, 10_000, 100_000];

interface EngineResult extends Latency {
  engine: string;
  /** Synthetic claims, beside the curated ones. */
  distractors: number;
  claims: number;
  queries: number;
  passes: number;
  buildMs: number;
  indexHeapMb: number;
  rssMb: number;
  publicTop3: string;
  extraTop3?: string;
  update?: Latency;
  storeOpenMs?: number;
}
interface EndToEnd {
  claims: number;
  interactions: number;
  readyMs: number;
  firstCommandMs: number;
  command: Latency;
  autocomplete: Latency;
  rssMb: number;
  idleRssMb: number;
  peakRssMb: number;
}

async function node(script: string, args: (string | number)[], flags: string[] = []): Promise<string> {
  const { stdout } = await run(process.execPath, [...flags, '--import', 'tsx', join(REPO, 'bench', script), ...args.map(String)], {
    cwd: REPO,
    maxBuffer: 2 ** 24,
  });
  return stdout;
}

/** Raw fuse.js takes seconds per query at 100,000 claims: it gets a third of the query mix and one pass there. */
function plan(engine: string, claims: number) {
  const slowPeer = engine.startsWith('fuse') && claims >= 100_000;
  if (quick) return { passes: 1, fullQueries: 10, extra: 'yes' };
  return slowPeer ? { passes: 1, fullQueries: 13, extra: 'no' } : { passes: 5, fullQueries: 40, extra: 'yes' };
}

const results: EngineResult[] = [];
for (const claims of SIZES) {
  for (const { name } of ENGINES) {
    const { passes, fullQueries, extra } = plan(name, claims);
    process.stderr.write(`${name} at ${claims} claims…\n`);
    const result = JSON.parse(await node('worker.ts', [name, claims, passes, fullQueries, extra], ['--expose-gc'])) as EngineResult;
    results.push({ ...result, distractors: claims });
  }
}
process.stderr.write('end to end…\n');
await run('npm', ['run', 'build', '--silent'], { cwd: REPO });
// Resident memory varies from run to run with V8's garbage collection: three bot processes, the worst one reported.
const endToEndRuns: EndToEnd[] = [];
for (let i = 0; i < (quick ? 1 : 3); i++) endToEndRuns.push(JSON.parse(await node('e2e.ts', quick ? [1_000, 100] : [10_000, 1_000])) as EndToEnd);
const worst = (pick: (run: EndToEnd) => number) => Math.max(...endToEndRuns.map(pick));
const endToEnd = {
  ...endToEndRuns[0]!,
  command: medianLatency(endToEndRuns.map((run) => run.command)),
  autocomplete: medianLatency(endToEndRuns.map((run) => run.autocomplete)),
  readyMs: worst((run) => run.readyMs),
  firstCommandMs: worst((run) => run.firstCommandMs),
  rssMb: worst((run) => run.rssMb),
  idleRssMb: worst((run) => run.idleRssMb),
  peakRssMb: worst((run) => run.peakRssMb),
};

// The real corpus, when it is beside the clone: the bot end to end on it, and answer quality side by side.
const corpusPresent = existsSync(join(CORPUS_DIR, 'liar.json'));
let corpusEndToEnd: EndToEnd | undefined;
if (corpusPresent && !quick) {
  process.stderr.write('end to end on the real corpus…\n');
  corpusEndToEnd = JSON.parse(await node('e2e.ts', ['liar', 1_000])) as EndToEnd;
}
process.stderr.write('answer quality…\n');
const quality = await node('quality.ts', quick ? ['--claimbot-only'] : []);
// The bot as deployed at 10,000 and 100,000 claims: startup, memory, /claim; PostgreSQL too when a server is given.
process.stderr.write('scale…\n');
const scale = await node('scale.ts', quick ? ['--quick'] : ['--interactions', 300]);

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (base: number, value: number) => `${(base / value).toFixed(base / value >= 10 ? 0 : 1)}×`;
const lines: string[] = [];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
lines.push(`Machine: ${machine}.`, '');
for (const claims of SIZES) {
  const rows = results.filter((result) => result.distractors === claims);
  const base = rows.find((row) => row.engine === 'fuse.js defaults')!;
  lines.push(`### ${claims.toLocaleString('en')} claims (+${rows[0]!.claims - claims} curated)`, '');
  lines.push(
    '| engine | build ms | p50 ms | p95 ms | p99 ms | p50 vs fuse.js defaults | index heap MB | RSS MB | public top-3 | extra top-3 | queries × passes |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    lines.push(
      `| ${row.engine} | ${ms(row.buildMs)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${ratio(base.p50, row.p50)} | ${row.indexHeapMb.toFixed(1)} | ${row.rssMb.toFixed(0)} | ${row.publicTop3} | ${row.extraTop3 ?? 'not run'} | ${row.queries} × ${row.passes} |`,
    );
  }
  const claimbot = rows.find((row) => row.engine === 'claimbot')!;
  lines.push(
    '',
    `claimbot: one moderator change (remove + add) p50 ${ms(claimbot.update!.p50)} ms, p99 ${ms(claimbot.update!.p99)} ms; restart (claims and index read back from the cache) ${ms(claimbot.storeOpenMs!)} ms.`,
    '',
  );
}
lines.push(
  `### End to end, ${endToEnd.claims.toLocaleString('en')} claims, ${endToEnd.interactions.toLocaleString('en')} interactions each, ${endToEndRuns.length} bot process${endToEndRuns.length === 1 ? '' : 'es'}`,
  '',
);
lines.push('| interaction | p50 ms | p95 ms | p99 ms |', '|---|---|---|---|');
lines.push(`| /claim (dispatch → reply callback) | ${ms(endToEnd.command.p50)} | ${ms(endToEnd.command.p95)} | ${ms(endToEnd.command.p99)} |`);
lines.push(`| autocomplete (dispatch → choices) | ${ms(endToEnd.autocomplete.p50)} | ${ms(endToEnd.autocomplete.p95)} | ${ms(endToEnd.autocomplete.p99)} |`);
lines.push(
  '',
  'Latencies: per statistic, the median over the bot processes. Memory and startup: the worst bot process.',
  `Bot RSS: peak ${endToEnd.peakRssMb.toFixed(0)} MB over its whole life (startup included), ${endToEnd.rssMb.toFixed(0)} MB right after the run, ${endToEnd.idleRssMb.toFixed(0)} MB after 8 s idle (each process: ${endToEndRuns.map((run) => run.peakRssMb.toFixed(0)).join(', ')} MB peak); start to commands synced ${ms(endToEnd.readyMs)} ms; the first /claim after startup ${ms(endToEnd.firstCommandMs)} ms.`,
);

if (corpusEndToEnd) {
  const { command, autocomplete, firstCommandMs, claims, interactions } = corpusEndToEnd;
  lines.push(
    '',
    `### End to end on the real corpus (LIAR, ${claims.toLocaleString('en')} claims), ${interactions.toLocaleString('en')} interactions each, 1 bot process`,
    '',
  );
  lines.push('| interaction | p50 ms | p95 ms | p99 ms |', '|---|---|---|---|');
  lines.push(`| /claim (dispatch → reply callback) | ${ms(command.p50)} | ${ms(command.p95)} | ${ms(command.p99)} |`);
  lines.push(`| autocomplete (dispatch → choices) | ${ms(autocomplete.p50)} | ${ms(autocomplete.p95)} | ${ms(autocomplete.p99)} |`);
  lines.push('', `The first /claim after startup: ${ms(firstCommandMs)} ms.`);
}
lines.push('', quality.trim());
lines.push('', '### Scale: the bot at 10,000 and 100,000 claims (bench/scale.ts)', '', scale.trim());

const report = lines.join('\n');
process.stdout.write(`${report}\n`);
if (!quick) {
  const file = join(REPO, 'BENCHMARKS.md');
  const current = await readFile(file, 'utf8');
  const updated = current.replace(/(<!-- results:start -->\n)[\s\S]*(<!-- results:end -->)/, `$1${report}\n$2`);
  await writeFile(file, updated);
  await writeFile(join(REPO, 'bench/latency.svg'), latencyPlot(results));
  await writeFile(join(REPO, 'bench/results.json'), `${JSON.stringify({ machine, results, endToEnd: endToEndRuns, corpusEndToEnd }, null, 2)}\n`);
}
