import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim, Story } from '../../src/core/schema.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { datasetFile, REPO, SHIPPED_CLAIMS } from '../support/files.ts';
import { NEWSROOM, reader } from '../support/people.ts';
import { scratchDatabase } from '../support/store.ts';

interface Callback {
  data: { content?: string; embeds?: { description: string; footer: { text: string } }[]; choices?: { name: string; value: string }[] };
}

const run = promisify(execFile);
const QUERY = 'artillery shells belgorod rail';

describe('a change another process commits to the SQLite file', () => {
  let t: BotUnderTest;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const database = await scratchDatabase();
    cleanups.push(database.cleanup);
    t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: database.url });
  }, 30_000);
  afterAll(async () => {
    await t?.stop();
    for (const cleanup of cleanups) await cleanup();
  });

  const answer = async (interaction: Promise<{ id: string; token: string }>) => (await t.discord.reply(await interaction)).body as Callback;
  const lookUp = () => answer(t.discord.slashCommand('claim', [{ name: 'query', type: 3, value: QUERY }], reader));
  const suggest = () => answer(t.discord.autocomplete('claim', [{ name: 'query', type: 3, value: 'artillery she', focused: true }], reader));

  it('reaches the running bot within a second: `claimbot import` in another process, then /claim and autocomplete find the claim', async () => {
    const shipped = JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as { stories: Story[]; claims: Claim[] };
    const claim: Claim = {
      ...shipped.claims[0]!,
      id: 'artillery-shells-by-rail',
      statement: 'Pyongyang shipped 300 artillery shells to Belgorod by rail',
      flags: [],
    };
    const file = await datasetFile({ stories: shipped.stories, claims: [claim] });
    cleanups.push(file.cleanup);
    expect((await lookUp()).data.content).toMatch(/^No claim matches/);

    const imported = await run(join(REPO, 'bin/claimbot.js'), ['import', file.file], { cwd: REPO, env: { ...process.env, DATABASE_URL: t.store.databaseUrl } });
    expect(imported.stderr).toContain('Imported: 1 added, 0 updated.');
    // Asked again and again from the moment the other process has exited, for at most a second.
    const deadline = Date.now() + 1000;
    let found = await lookUp();
    while (!found.data.embeds?.length && Date.now() < deadline) found = await lookUp();
    expect(found.data.embeds![0]!.footer.text).toMatch(/^claim artillery-shells-by-rail /);
    expect((await suggest()).data.choices!.map((choice) => choice.value)).toContain('artillery-shells-by-rail');
  }, 30_000);
});
