// The bot as deployed at 10,000 and 100,000 claims, on SQLite and (with TEST_DATABASE_URL or
// BENCH_DATABASE_URL pointing at a PostgreSQL server) on PostgreSQL: startup, resident memory, /claim end to end,
// and how long a change committed by one process takes to reach another. Synthetic claims only (bench/synthetic/).
// Usage: node --import tsx bench/scale.ts [--quick] [--sizes 10000,100000] [--interactions N]
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ClaimDatabase } from '../src/store/database.ts';
import { loadDataset } from '../src/core/dataset.ts';
import { ClaimSearch } from '../src/search/claim-search.ts';
import { ClaimStore } from '../src/store/claim-store.ts';
import { FakeDiscord } from '../tests/support/fake-discord.ts';
import { datasetFile, REPO, SHIPPED_CLAIMS, startArguments } from '../tests/support/files.ts';
import { scratchPostgres } from '../tests/support/postgres.ts';
import { scratchDatabase } from '../tests/support/store.ts';
import { queryMix } from './queries.ts';
import { latency, timed, type Latency } from './stats.ts';
import { withDistractors } from './synthetic/index.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const SIZES = (option('sizes') ?? (quick ? '1000' : '10000,100000')).split(',').map(Number);
const INTERACTIONS = Number(option('interactions') ?? (quick ? 50 : 500));
const POSTGRES_SERVER = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const ENGINES = POSTGRES_SERVER ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

interface Row {
  engine: string;
  claims: number;
  importMs: number;
  readMs: number;
  /** CPU time of this (benchmark) process, user + system, for the same step. */
  readCpuMs: number;
  indexBuildMs: number;
  indexBuildCpuMs: number;
  /** Process spawned → "claims loaded" logged (claims and index read from the cache, or from the database and built). */
  storeReadyMs: number;
  /** Where the bot's claims and index came from: "cache" or "database" (its `claims loaded` log line). */
  loadedFrom: string;
  /** CPU time (user + system) the bot process had used by then: less dependent on what else the machine runs. */
  storeReadyCpuMs: number;
  /** The machine's 1-minute load average when the bot started (2 cores: above 2, other processes compete). */
  load: number;
  /** Process spawned → commands in sync with the (loopback) Discord. */
  botReadyMs: number;
  command: Latency;
  rssMb: number;
  peakRssMb: number;
}

async function scratch(engine: 'sqlite' | 'postgres') {
  return engine === 'postgres' ? scratchPostgres(POSTGRES_SERVER!) : scratchDatabase();
}

/** The built bot (what `npm start` runs) on `databaseUrl`, against a loopback Discord; /claim timed end to end. */
async function runBot(
  databaseUrl: string,
): Promise<Pick<Row, 'storeReadyMs' | 'storeReadyCpuMs' | 'loadedFrom' | 'botReadyMs' | 'command' | 'rssMb' | 'peakRssMb'>> {
  const discord = await FakeDiscord.start();
  const started = performance.now();
  const bot = spawn(process.execPath, await startArguments(), {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: 'bench.token.not-real',
      DISCORD_API_BASE_URL: discord.apiBaseUrl,
      DATABASE_URL: databaseUrl,
      CLAIMS_PATH: SHIPPED_CLAIMS,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let storeReadyMs = Number.NaN;
  let storeReadyCpuMs = Number.NaN;
  let loadedFrom = 'unknown';
  bot.stderr.on('data', (chunk: Buffer) => {
    const loaded = chunk
      .toString()
      .split('\n')
      .find((line) => line.includes('"claims loaded"'));
    if (!Number.isNaN(storeReadyMs) || !loaded) return;
    storeReadyMs = performance.now() - started;
    storeReadyCpuMs = cpuMs(bot.pid!);
    loadedFrom = (JSON.parse(loaded) as { from: string }).from;
  });
  await discord.connected();
  await discord.nextRequest((r) => r.path.endsWith('/commands'), 60_000);
  const botReadyMs = performance.now() - started;
  const queries = queryMix(78).filter((query) => query.length >= 3);
  const times: number[] = [];
  for (let i = 0; i < INTERACTIONS + 50; i++) {
    const start = performance.now();
    await discord.reply(await discord.slashCommand('claim', [{ name: 'query', type: 3, value: queries[i % queries.length]! }]), 10_000);
    if (i >= 50) times.push(performance.now() - start); // the first 50 warm up
    discord.requests.length = 0;
  }
  const status = await readFile(`/proc/${bot.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
  bot.kill('SIGTERM');
  await new Promise((resolve) => bot.once('exit', resolve));
  await discord.close();
  return { storeReadyMs, storeReadyCpuMs, loadedFrom, botReadyMs, command: latency(times), rssMb: kb('VmRSS'), peakRssMb: kb('VmHWM') };
}

/** What a start without the cache does: read every claim from the database, then index them. */
async function coldStart(databaseUrl: string): Promise<Pick<Row, 'readMs' | 'readCpuMs' | 'indexBuildMs' | 'indexBuildCpuMs'>> {
  const db = await ClaimDatabase.open(databaseUrl);
  const readCpu = process.cpuUsage();
  const readStart = performance.now();
  const stories = await db.claims.readStories();
  const read = await db.claims.readAll();
  const readMs = performance.now() - readStart;
  const readCpuMs = cpuSince(readCpu);
  await db.close();
  const indexCpu = process.cpuUsage();
  const [, indexBuildMs] = timed(
    () =>
      new ClaimSearch(
        read.claims.map((stored) => stored.claim),
        stories,
      ),
  );
  return { readMs, readCpuMs, indexBuildMs, indexBuildCpuMs: cpuSince(indexCpu) };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** utime + stime of a process, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Commit in one process → heard in another: two stores on one Postgres database, one change at a time. */
async function crossProcessLatency(databaseUrl: string, samples: number): Promise<Latency> {
  // No cache: saving one (after a first start) would stall these processes while the latency is measured.
  const writer = await ClaimStore.open({ databaseUrl, seedFile: SHIPPED_CLAIMS, cacheDir: false });
  const reader = await ClaimStore.open({ databaseUrl, seedFile: SHIPPED_CLAIMS, cacheDir: false });
  const template = writer.claims[0]!;
  const times: number[] = [];
  for (let n = 0; n < samples; n++) {
    const id = `latency-probe-${n}`;
    const heard = new Promise<number>((resolve) => {
      const unsubscribe = reader.subscribe((change) => {
        if (change.claimId !== id) return;
        unsubscribe();
        resolve(performance.now());
      });
    });
    const now = new Date().toISOString();
    let committed = 0;
    // The write's promise resolves right after COMMIT returns; the other process hears of it from then on.
    await writer
      .add({ ...template, id, statement: `Latency probe ${n}`, flags: [], createdAt: now, updatedAt: now }, { id: 'bench', name: 'bench' })
      .then(() => (committed = performance.now()));
    times.push(Math.max(0, (await heard) - committed));
  }
  await writer.close();
  await reader.close();
  return latency(times);
}

await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: REPO });
const curated = await loadDataset(SHIPPED_CLAIMS);
const rows: Row[] = [];
let crossProcess: Latency | undefined;
for (const claims of SIZES) {
  const seed = await datasetFile(withDistractors(curated, claims - curated.claims.length));
  for (const engine of ENGINES) {
    process.stderr.write(`${engine} at ${claims} claims…\n`);
    const database = await scratch(engine);
    // The first start imports (and validates) the seed; later starts read what was validated when written.
    const importStart = performance.now();
    await (await ClaimStore.open({ databaseUrl: database.url, seedFile: seed.file })).close();
    const importMs = performance.now() - importStart;
    const cold = await coldStart(database.url);
    // This process is the bot's Discord: with 100,000 claims still in its heap, its own garbage collection would
    // be timed as the bot's latency.
    gc();
    const load = loadavg()[0]!;
    const bot = await runBot(database.url);
    rows.push({ engine, claims, importMs, ...cold, load, ...bot });
    if (engine === 'postgres' && !crossProcess) crossProcess = await crossProcessLatency(database.url, quick ? 50 : 300);
    await database.cleanup();
  }
  await seed.cleanup();
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const lines = [`Machine: ${machine}. /claim: ${INTERACTIONS} interactions after 50 to warm up.`, ''];
lines.push(
  '| engine | claims | import (first start) ms | no cache: read all ms (CPU ms) | no cache: index build ms (CPU ms) | start → claims loaded ms (CPU ms), from | start → commands synced ms | /claim p50 / p99 ms | RSS after MB | peak RSS MB | load |',
);
lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  lines.push(
    `| ${row.engine} | ${row.claims.toLocaleString('en')} | ${ms(row.importMs)} | ${ms(row.readMs)} (${ms(row.readCpuMs)}) | ${ms(row.indexBuildMs)} (${ms(row.indexBuildCpuMs)}) | ${ms(row.storeReadyMs)} (${ms(row.storeReadyCpuMs)}), ${row.loadedFrom} | ${ms(row.botReadyMs)} | ${ms(row.command.p50)} / ${ms(row.command.p99)} | ${row.rssMb.toFixed(0)} | ${row.peakRssMb.toFixed(0)} | ${row.load.toFixed(1)} |`,
  );
}
lines.push('');
lines.push(
  crossProcess
    ? `PostgreSQL, commit in one process → its change applied in another (LISTEN/NOTIFY, then the audit rows read): p50 ${ms(crossProcess.p50)} ms, p95 ${ms(crossProcess.p95)} ms, p99 ${ms(crossProcess.p99)} ms.`
    : 'PostgreSQL not measured: set TEST_DATABASE_URL or BENCH_DATABASE_URL to a server (.ci/run starts one).',
);
process.stdout.write(`${lines.join('\n')}\n`);
