import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { REPO } from '../support/files.ts';
import { moderator, NEWSROOM } from '../support/people.ts';
import { REFUSED_REGISTRATION } from '../support/refusals.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function bot(discord?: FakeDiscord): Promise<BotUnderTest> {
  const t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM }, discord);
  cleanups.push(() => t.stop());
  return t;
}

const REFUSAL_LINE = 'Discord refused it (400, code 50035): /claims options[0].options[7].description: Must be between 1 and 100 in length';

describe('the bot keeps Discord’s contract', () => {
  it('offers /claims answer’s integer option `request` integer values', async () => {
    const t = await bot();
    const check = await t.discord.messageContextMenu('Check claims', { content: 'were 200 North Korean soldiers captured near Sudzha' });
    const noMatch = (await t.discord.reply(check)).body as { data: { components: { components: { custom_id: string; label: string }[] }[] } };
    const ask = noMatch.data.components[0]!.components.find((component) => component.label === 'Ask the desk')!;
    await t.discord.reply(await t.discord.button(ask.custom_id));

    const typing = await t.discord.autocomplete(
      'claims',
      [{ name: 'answer', type: 1, options: [{ name: 'request', type: 4, value: '', focused: true }] }],
      moderator,
    );
    const { body } = await t.discord.reply(typing);
    expect(body).toEqual({ type: 8, data: { choices: [{ name: expect.stringMatching(/^#1 ×1: /), value: 1 }] } });
  });

  it('logs a refused registration once, naming the field, and keeps answering', async () => {
    const discord = await FakeDiscord.start();
    discord.failNext('PUT', /\/commands$/, 400, REFUSED_REGISTRATION);
    const t = await bot(discord);
    const refusals = t.logs.filter((line) => line.message === 'could not sync commands');
    expect(refusals).toEqual([expect.objectContaining({ level: 'error', reason: REFUSAL_LINE })]);
    expect(JSON.stringify(refusals)).not.toMatch(/\n\s+at /);

    const asked = await t.discord.slashCommand('claim', [{ name: 'query', type: 3, value: 'north korea troops' }]);
    expect((await t.discord.reply(asked)).body).toMatchObject({ type: 4, data: { embeds: [{ title: expect.any(String) }] } });
  });
});

// A child process that loads the TypeScript: slow on a busy machine, so more time than the default 20 s (not a speed test).
describe('npm run deploy-commands', { timeout: 60_000 }, () => {
  /** The deploy script as `npm run deploy-commands` runs it, from its TypeScript (the build is esbuild's bundle of the same file). */
  const deploy = async (env: Record<string, string>) => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/deploy-commands.ts'], {
      cwd: REPO,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_GUILD_ID: NEWSROOM, ...env },
    });
    return run.then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  };

  it('registers every command and says so', async () => {
    const discord = await FakeDiscord.start();
    cleanups.push(() => discord.close());
    const { code, stdout } = await deploy({ DISCORD_TOKEN: 'deploy.token.not-real', DISCORD_API_BASE_URL: discord.apiBaseUrl });
    expect(code).toBe(0);
    expect(stdout).toBe(`Registered /claim, /claims, “Check claims” (on messages), /summary, “Draft claims” (on messages) in guild ${NEWSROOM}.\n`);
    expect(discord.commands('guild')).toHaveLength(5);
  });

  it('exits 1 with one line naming the field Discord refused, and no stack', async () => {
    const discord = await FakeDiscord.start();
    cleanups.push(() => discord.close());
    discord.failNext('PUT', /\/commands$/, 400, REFUSED_REGISTRATION);
    const { code, stdout, stderr } = await deploy({ DISCORD_TOKEN: 'deploy.token.not-real', DISCORD_API_BASE_URL: discord.apiBaseUrl });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Could not register the commands: ${REFUSAL_LINE}.\n`);
  });

  it('exits 1 with one line when Discord cannot be reached', async () => {
    const discord = await FakeDiscord.start();
    const unreachable = discord.apiBaseUrl;
    await discord.close();
    const { code, stderr } = await deploy({ DISCORD_TOKEN: 'deploy.token.not-real', DISCORD_API_BASE_URL: unreachable });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Could not register the commands: Discord could not be reached or answered oddly: connect ECONNREFUSED 127\.0\.0\.1:\d+\.\n$/);
  });
});
