import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationCommandOptionLike } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { holdWriteLock } from '../support/lock-holder.ts';
import { moderator, NEWSROOM, reader } from '../support/people.ts';
import { enginesUnderTest } from '../support/postgres.ts';
import { tcpProxy } from '../support/tcp-proxy.ts';

interface Callback {
  data: { content?: string; flags?: number; embeds?: { title: string; footer: { text: string } }[] };
}

const EPHEMERAL = 64;
const CLAIM = 'zelensky-tehran-too';

/**
 * What an outage is for each engine: PostgreSQL cut off from the bot (its connections dropped, new ones refused);
 * the SQLite file held locked by another process for longer than a write waits.
 */
async function outageFor(engine: 'sqlite' | 'postgres', url: string) {
  if (engine === 'postgres') {
    const proxy = await tcpProxy(url);
    return { url: proxy.url, begin: () => proxy.cut().then(() => ({ end: () => proxy.restore() })), close: () => proxy.close() };
  }
  return { url, begin: async () => ({ end: (await holdWriteLock(url)).release }), close: async () => undefined };
}

describe.each(enginesUnderTest())('a database outage ($engine)', ({ engine, scratch }) => {
  let t: BotUnderTest;
  let outage: Awaited<ReturnType<typeof outageFor>>;
  let dropDatabase: () => Promise<void>;
  beforeAll(async () => {
    const database = await scratch();
    dropDatabase = database.cleanup;
    outage = await outageFor(engine, database.url);
    t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: outage.url });
  }, 30_000);
  afterAll(async () => {
    await t?.stop();
    await outage?.close();
    await dropDatabase?.();
  });

  const answer = async (interaction: Promise<{ id: string; token: string }>) => (await t.discord.reply(await interaction)).body as Callback;
  const text = (name: string, value: string): ApplicationCommandOptionLike => ({ name, type: 3, value });
  const lookUp = () => answer(t.discord.slashCommand('claim', [text('query', 'tehran too')], reader));
  const rerate = () =>
    answer(
      t.discord.slashCommand(
        'claims',
        [{ name: 'verdict', type: 1, options: [text('id', CLAIM), text('verdict', 'disputed'), text('note', 'Tehran denies it')] }],
        moderator,
      ),
    );

  it('readers keep their answers; a moderator is told the database is unreachable and nothing was saved, which is so', async () => {
    const historyBefore = await t.store.history(CLAIM);
    const during = await outage.begin();
    try {
      const found = await lookUp();
      expect(found.data.embeds![0]!.footer.text).toMatch(new RegExp(`^claim ${CLAIM} `));
      const refused = await rerate();
      expect(refused.data).toMatchObject({ content: 'The claims database is unreachable: nothing was saved.', flags: EPHEMERAL });
      expect(t.store.claim(CLAIM)!.verdict).toBe('unverified');
      expect((await lookUp()).data.embeds![0]!.footer.text).toMatch(new RegExp(`^claim ${CLAIM} `));
    } finally {
      await during.end();
    }
    expect(await t.store.history(CLAIM)).toEqual(historyBefore);
    // The database back: the same re-rate is saved.
    expect((await rerate()).data.content).toMatch(new RegExp(`^Re-rated \`${CLAIM}\`: ⚠️ Unverified → ⚖️ Disputed`));
    expect(t.store.claim(CLAIM)!.verdict).toBe('disputed');
  }, 30_000);
});
