import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type ApplicationCommandOptionLike } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { REPO, SHIPPED_CLAIMS, startArguments } from '../support/files.ts';
import { POSTGRES_SKIPPED, scratchPostgres, TEST_DATABASE_URL } from '../support/postgres.ts';
import { moderator, NEW_CLAIM_FORM as FORM, NEWSROOM } from '../support/people.ts';

if (!TEST_DATABASE_URL) console.log(POSTGRES_SKIPPED);

interface Callback {
  type: number;
  data: { content?: string; custom_id?: string; embeds?: { description: string; fields: { name: string; value: string }[] }[] };
}

const answer = async (discord: FakeDiscord, interaction: Promise<{ id: string; token: string }>) => (await discord.reply(await interaction)).body as Callback;
const text = (name: string, value: string): ApplicationCommandOptionLike => ({ name, type: 3, value });
const claims = (discord: FakeDiscord, subcommand: string, options: ApplicationCommandOptionLike[]) =>
  answer(discord, discord.slashCommand('claims', [{ name: subcommand, type: 1, options }], moderator));
const lookUp = (discord: FakeDiscord, query: string) => answer(discord, discord.slashCommand('claim', [text('query', query)]));

/** Asks `/claim` until the answer satisfies `found`, for at most `withinMs`; returns the last answer. */
async function lookUpUntil(discord: FakeDiscord, query: string, found: (reply: Callback) => boolean, withinMs: number): Promise<Callback> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const reply = await lookUp(discord, query);
    if (found(reply) || Date.now() > deadline) return reply;
  }
}

describe.skipIf(!TEST_DATABASE_URL)('two bot processes on one PostgreSQL database, each with its own Discord', () => {
  let inProcess: BotUnderTest;
  let childDiscord: FakeDiscord;
  let stopChild: () => Promise<void>;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: REPO });
    const database = await scratchPostgres(TEST_DATABASE_URL!);
    dropDatabase = database.cleanup;
    // The first process seeds the database; the second finds it filled.
    inProcess = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: database.url });
    childDiscord = await FakeDiscord.start();
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: 'child.token.not-real',
      DISCORD_GUILD_ID: NEWSROOM,
      DISCORD_API_BASE_URL: childDiscord.apiBaseUrl,
      DATABASE_URL: database.url,
      CLAIMS_PATH: SHIPPED_CLAIMS,
      LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, await startArguments(), { cwd: REPO, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const exited = once(child, 'exit');
    stopChild = async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    };
    await childDiscord.connected();
  }, 60_000);

  afterAll(async () => {
    await stopChild?.();
    await childDiscord?.close();
    await inProcess?.stop();
    await dropDatabase?.();
  });

  it('a claim a moderator adds through one bot is found by /claim in the other within a second', async () => {
    const opened = await claims(inProcess.discord, 'add', []);
    const saved = await answer(inProcess.discord, inProcess.discord.modalSubmit(opened.data.custom_id!, FORM, moderator));
    expect(saved.data.content).toMatch(/Added claim `[a-z0-9-]+`/);
    const found = await lookUpUntil(
      childDiscord,
      'special forces vladivostok',
      (reply) => reply.data.embeds?.[0]?.description.includes('1,500 special forces') ?? false,
      1000,
    );
    expect(found.data.embeds![0]!.description).toContain('1,500 special forces');
  });

  it('a re-rate made through the other bot is shown by the first', async () => {
    const id = inProcess.store.search('special forces vladivostok', { limit: 1 })[0]!.claim.id;
    const rated = await claims(childDiscord, 'verdict', [text('id', id), text('verdict', 'false')]);
    expect(rated.data.content).toContain(`Re-rated \`${id}\``);
    const verdictOf = (reply: Callback) => reply.data.embeds?.[0]?.fields.find((field) => field.name === 'Verdict')?.value;
    const shown = await lookUpUntil(inProcess.discord, 'special forces vladivostok', (reply) => verdictOf(reply)?.includes('False') ?? false, 1000);
    expect(verdictOf(shown)).toContain('False');
  });
});
