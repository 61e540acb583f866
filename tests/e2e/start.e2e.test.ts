import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord.ts';
import { REPO, startArguments, tempDataset } from '../support/files.ts';
import { freshDatabaseUrls } from '../support/store.ts';

/** The environment of a fresh shell: no token unless a test gives one, whatever a developer's .env says. */
const baseEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  DISCORD_TOKEN: '',
  DISCORD_GUILD_ID: '',
  CLAIMS_PATH: '',
  LOG_LEVEL: '',
  DISCORD_API_BASE_URL: '',
};

const freshDatabaseUrl = freshDatabaseUrls();

/** Starts a process in the repository, on a fresh database unless DATABASE_URL is given. */
function start(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { cwd: REPO, env: { ...baseEnv, DATABASE_URL: freshDatabaseUrl(), ...env } });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk));
  children.push(child);
  return { child, output, exit: once(child, 'exit') as Promise<[number | null, string | null]> };
}
// What `npm start` runs after building, without npm in between: one process, so signals reach the bot itself.
let mainArguments: string[] = [];
const startMain = (env: Record<string, string> = {}) => start(process.execPath, mainArguments, env);
beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: REPO });
  mainArguments = await startArguments();
});

const children: ChildProcessWithoutNullStreams[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('npm start', () => {
  it('without a token, opens the offline console and answers /claim from stdin', async () => {
    const { child, output, exit } = start('npm', ['start', '--silent']);
    child.stdin.end('/claim north korea troops\n/suggest /claim zelenksy\n/frobnicate\n/quit\n');
    const [code] = await exit;
    expect(code).toBe(0);
    expect(output.stdout).toContain('offline, not connected to Discord');
    expect(output.stdout).toContain('put DISCORD_TOKEN in .env');
    expect(output.stdout).toMatch(/> North Korea had sent 10,000 troops to Russia|> 10,000 North Korean troops are in Russia/);
    expect(output.stdout).toContain('Verdict: ⚠️ Unverified');
    expect(output.stdout).toMatch(/ {2}Volodymyr Zelensky: .*\[zelensky-/);
    expect(output.stdout).toContain('There is no /frobnicate. Commands: /claim, /claims, /summary, /suggest, /help, /quit.');
  });
});

describe('the bot entry point', () => {
  it('with a token, connects to the configured Discord, registers its commands, answers, and shuts down on SIGTERM', async () => {
    const discord = await FakeDiscord.start();
    cleanups.push(() => discord.close());
    const { child, output, exit } = startMain({ DISCORD_TOKEN: 'child.token.not-real', DISCORD_API_BASE_URL: discord.apiBaseUrl });
    await discord.connected();
    await discord.nextRequest((r) => r.method === 'PUT' && r.path === `/applications/${discord.applicationId}/commands`);
    const interaction = await discord.slashCommand('claim', [{ name: 'query', type: 3, value: 'north korea troops' }]);
    const reply = (await discord.reply(interaction)).body as { data: { embeds: { description: string }[] } };
    expect(reply.data.embeds[0]!.description).toContain('10,000');
    child.kill('SIGTERM');
    const [code] = await exit;
    expect(code).toBe(0);
    const logs = output.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logs.map((line) => line.message)).toEqual(
      expect.arrayContaining(['claims loaded', 'commands in sync', 'connected', 'interaction', 'shutting down']),
    );
    expect(output.stderr).not.toContain('child.token.not-real');
  });

  it.each([
    [{ DISCORD_GUILD_ID: 'not-an-id' }, 'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits)'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error, silent'],
    [
      { DISCORD_GUILD_ID: '200000000000000002', MODERATOR_ROLE_IDS: '210000000000000021, 200000000000000002' },
      'MODERATOR_ROLE_IDS holds the server’s own id (DISCORD_GUILD_ID), which is its @everyone role: every member would be a moderator',
    ],
  ])('refuses to start on an invalid variable (%j), naming it in one line', async (setting, sentence) => {
    const { output, exit } = startMain({ DISCORD_TOKEN: 'secret.token.value', ...setting });
    const [code] = await exit;
    expect(code).toBe(1);
    expect(output.stderr.trim()).toBe(`claimbot cannot start: Invalid configuration: ${sentence} (see .env.example)`);
  });

  it('refuses to start on an invalid dataset, naming file, record and field, and leaves the file alone', async () => {
    const { file, cleanup } = await tempDataset((dataset) => {
      (dataset.claims![2] as Record<string, unknown>).flags = ['gossip'];
    });
    cleanups.push(cleanup);
    const before = await readFile(file, 'utf8');
    const { output, exit } = startMain({ CLAIMS_PATH: file });
    const [code] = await exit;
    expect(code).toBe(1);
    expect(output.stderr).toContain(`claimbot cannot start: ${file}: invalid dataset (1 problem)`);
    expect(output.stderr).toContain('claims[2] (id "euronews-pyongyang-entered-the-war"), field flags[0]: must be one of anonymous-source, secondhand,');
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('npm run deploy-commands', () => {
  const deploy = (env: Record<string, string>) => start(process.execPath, ['dist/deploy-commands.js'], env);

  it('registers the commands in the configured guild', async () => {
    const discord = await FakeDiscord.start();
    cleanups.push(() => discord.close());
    const { output, exit } = deploy({ DISCORD_TOKEN: 'deploy.token.not-real', DISCORD_API_BASE_URL: discord.apiBaseUrl, DISCORD_GUILD_ID: discord.guildId });
    const [code] = await exit;
    expect(code).toBe(0);
    expect(output.stdout.trim()).toBe(
      `Registered /claim, /claims, “Check claims” (on messages), /summary, “Draft claims” (on messages) in guild ${discord.guildId}.`,
    );
    expect((discord.commands('guild') as { name: string }[]).map((command) => command.name)).toEqual([
      'claim',
      'claims',
      'Check claims',
      'summary',
      'Draft claims',
    ]);
    expect(discord.commands('global')).toEqual([]);
  });

  it('refuses without a token, saying what is missing', async () => {
    const { output, exit } = deploy({});
    const [code] = await exit;
    expect(code).toBe(1);
    expect(output.stderr.trim()).toBe('DISCORD_TOKEN is not set: registering commands needs the bot token (see .env.example).');
  });
});
