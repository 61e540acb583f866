// The bot as deployed, in its own process, against the loopback Discord: interaction dispatched → reply received.
// Usage: node --import tsx bench/e2e.ts <claims | liar> <interactions>   (liar: the real corpus in ../shared/corpus, its queries)
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDataset } from '../src/core/dataset.ts';
import { ClaimStore } from '../src/store/claim-store.ts';
import { FakeDiscord } from '../tests/support/fake-discord.ts';
import { datasetFile, REPO, SHIPPED_CLAIMS, startArguments } from '../tests/support/files.ts';
import { loadCorpus } from '../tests/support/eval-queries.ts';
import { corpusQueryMix, queryMix } from './queries.ts';
import { latency } from './stats.ts';
import { withDistractors } from './synthetic/index.ts';

const [claimsArg, interactionsArg] = process.argv.slice(2);
const interactions = Number(interactionsArg);
const realCorpus = claimsArg === 'liar';
const dataset = realCorpus ? await loadCorpus() : withDistractors(await loadDataset(SHIPPED_CLAIMS), Number(claimsArg));
const { dir, file, cleanup } = await datasetFile(dataset);
// The bot's database, filled from the dataset here first: what is measured is a restart, not the first import.
const databaseUrl = `file:${join(dir, 'claimbot.db')}`;
await (await ClaimStore.open({ databaseUrl, seedFile: file })).close();

const discord = await FakeDiscord.start();
// What `npm start` runs once it has built the bundle (bench/run.ts builds it first).
const bot = spawn(process.execPath, await startArguments(), {
  cwd: REPO,
  env: {
    PATH: process.env.PATH,
    DISCORD_TOKEN: 'bench.token.not-real',
    DISCORD_API_BASE_URL: discord.apiBaseUrl,
    CLAIMS_PATH: file,
    DATABASE_URL: databaseUrl,
  },
  stdio: ['ignore', 'ignore', 'ignore'],
});
const started = performance.now();
await discord.connected();
await discord.nextRequest((r) => r.path.endsWith('/commands'), 30_000);
const readyMs = performance.now() - started;

const queries = (realCorpus ? corpusQueryMix() : queryMix(78)).filter((query) => query.length >= 3);
async function measure(kind: 'command' | 'autocomplete', count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const value = queries[i % queries.length]!;
    const start = performance.now();
    const interaction =
      kind === 'command'
        ? await discord.slashCommand('claim', [{ name: 'query', type: 3, value }])
        : await discord.autocomplete('claim', [{ name: 'query', type: 3, value, focused: true }]);
    await discord.reply(interaction, 10_000);
    times.push(performance.now() - start);
    discord.requests.length = 0; // keep the fake's lookups short over a long run
  }
  return times;
}

// The first query after startup counts: it is measured on its own before any warm-up.
const first = (await measure('command', 1))[0]!;
await measure('command', 50); // warm up
const command = latency(await measure('command', interactions));
const autocomplete = latency(await measure('autocomplete', interactions));
const memory = async () => {
  const status = await readFile(`/proc/${bot.pid}/status`, 'utf8');
  return (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
};
const busy = await memory();
// A bot is idle most of the time: V8 gives memory back a few seconds after a burst.
await new Promise((resolve) => setTimeout(resolve, 8_000));
const idle = await memory();

bot.kill('SIGTERM');
await new Promise((resolve) => bot.once('exit', resolve));
await discord.close();
await cleanup();
process.stdout.write(
  JSON.stringify({
    claims: dataset.claims.length,
    interactions,
    readyMs,
    firstCommandMs: first,
    command,
    autocomplete,
    rssMb: busy('VmRSS'),
    idleRssMb: idle('VmRSS'),
    peakRssMb: idle('VmHWM'),
  }),
);
