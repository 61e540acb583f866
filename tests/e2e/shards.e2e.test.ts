import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord.ts';
import { REPO, SHIPPED_CLAIMS, startArguments } from '../support/files.ts';
import { freshDatabaseUrls } from '../support/store.ts';

const freshDatabaseUrl = freshDatabaseUrls();
let mainArguments: string[] = [];
beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: REPO });
  mainArguments = await startArguments();
});

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The built bot (what `npm start` runs) against a loopback Discord, with `env`; its log lines as they come. */
async function startMain(env: Record<string, string>) {
  const discord = await FakeDiscord.start();
  cleanups.push(() => discord.close());
  const child = spawn(process.execPath, mainArguments, {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: 'shard.token.not-real',
      DISCORD_API_BASE_URL: discord.apiBaseUrl,
      CLAIMS_PATH: SHIPPED_CLAIMS,
      DATABASE_URL: freshDatabaseUrl(),
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  const exited = once(child, 'exit');
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const logs = () =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { discord, child, logs, exited };
}

describe('sharded startup', () => {
  it('with SHARDS=2, starts two bot processes, shard 0 and shard 1 of 2, which answer /claim', async () => {
    const { discord, logs } = await startMain({ SHARDS: '2' });
    await expect.poll(() => logs().map((line) => line.message), { timeout: 45_000, interval: 200 }).toContain('all shards started');
    const loaded = logs().filter((line) => line.message === 'claims loaded');
    expect(loaded.map((line) => [line.shards, line.shardCount]).sort()).toEqual([
      [[0], 2],
      [[1], 2],
    ]);
    expect(
      logs()
        .filter((line) => line.message === 'shard process started')
        .map((line) => line.shard),
    ).toEqual([0, 1]);
    const reply = (await discord.reply(await discord.slashCommand('claim', [{ name: 'query', type: 3, value: 'north korea troops' }]))).body as {
      data: { embeds: { description: string }[] };
    };
    expect(reply.data.embeds[0]!.description).toContain('troops');
  }, 60_000);

  it('with the sharding variables empty, as in a .env copied from .env.example, runs one process on shard 0 of 1', async () => {
    const { discord, logs } = await startMain({ SHARDS: '', SHARD_IDS: '', SHARD_COUNT: '' });
    await discord.connected();
    await expect.poll(() => logs().map((line) => line.message), { timeout: 30_000, interval: 200 }).toContain('connected');
    expect(logs().find((line) => line.message === 'claims loaded')).toMatchObject({ shards: [0], shardCount: 1 });
  }, 45_000);

  it('with SHARD_IDS=0,1 and SHARD_COUNT=4, runs those two shards in one process', async () => {
    const { discord, logs } = await startMain({ SHARD_IDS: '0,1', SHARD_COUNT: '4' });
    await expect.poll(() => logs().map((line) => line.message), { timeout: 30_000, interval: 200 }).toContain('connected');
    expect(logs().find((line) => line.message === 'claims loaded')).toMatchObject({ shards: [0, 1], shardCount: 4 });
    expect(logs().filter((line) => line.message === 'shard process started')).toEqual([]);
    const reply = (await discord.reply(await discord.slashCommand('claim', [{ name: 'query', type: 3, value: 'zelenksy coalition' }]))).body as {
      data: { embeds: { description: string }[] };
    };
    expect(reply.data.embeds[0]!.description).toContain('coalition');
  }, 45_000);
});
