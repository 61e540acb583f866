import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationCommandOptionLike, InteractionOverrides } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { moderator, NEWSROOM } from '../support/people.ts';
import { enginesUnderTest } from '../support/postgres.ts';

interface Callback {
  data: { content?: string; components?: { components: { custom_id: string; label: string }[] }[] };
}

const READERS: Partial<InteractionOverrides>[] = [
  { userId: '730000000000000003', username: 'aardvark' },
  { userId: '740000000000000004', username: 'wombat' },
];
/** Presses per reader and re-rates by the moderator: the mix the issue reproduced (10 of 20 re-rates failed). */
const PRESSES = 20;
const RERATES = 20;
const CLAIM = 'zelensky-tehran-too';
const VERDICTS = ['disputed', 'false', 'misleading', 'confirmed'] as const;

describe.each(enginesUnderTest())('readers asking the desk while a moderator re-rates ($engine)', ({ engine, scratch }) => {
  let t: BotUnderTest;
  let dropDatabase: () => Promise<void>;
  beforeAll(async () => {
    const database = engine === 'postgres' ? await scratch() : undefined;
    dropDatabase = database?.cleanup ?? (async () => undefined);
    t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, ...(database && { DATABASE_URL: database.url }) });
  }, 30_000);
  afterAll(async () => {
    await t?.stop();
    await dropDatabase?.();
  });

  const answer = async (interaction: Promise<{ id: string; token: string }>) => (await t.discord.reply(await interaction, 20_000)).body as Callback;
  const text = (name: string, value: string): ApplicationCommandOptionLike => ({ name, type: 3, value });

  /**
   * An "Ask the desk" button under a /claim that matches nothing: each press is a new request. Each press of a lane is
   * another person's (a lane stands for a crowd of readers): one person may have only a few open requests at a time.
   */
  async function askButton(
    lane: Partial<InteractionOverrides>,
    n: number,
  ): Promise<{ customId: string; words: string; reader: Partial<InteractionOverrides> }> {
    const reader = { userId: `${lane.userId!.slice(0, -3)}${String(n).padStart(3, '0')}`, username: `${lane.username}-${n}` };
    const words = `the ${reader.username} wonders about marmalade exports of zanzibar, question ${n + 1}`;
    const reply = await answer(t.discord.slashCommand('claim', [text('query', words)], reader));
    expect(reply.data.content).toMatch(/^No claim matches/);
    return { customId: reply.data.components![0]!.components.find((button) => button.label === 'Ask the desk')!.custom_id, words, reader };
  }

  it('lands every write: each press is a request, each re-rate is in the history, none fails for a lock', async () => {
    const buttons = await Promise.all(
      READERS.map(async (lane) => ({ asks: await Promise.all(Array.from({ length: PRESSES }, (_, n) => askButton(lane, n))) })),
    );
    const historyBefore = (await t.store.history(CLAIM)).length;

    const pressing = buttons.map(async ({ asks }) => {
      const replies: { words: string; content: string }[] = [];
      for (const { customId, words, reader } of asks) replies.push({ words, content: (await answer(t.discord.button(customId, reader))).data.content ?? '' });
      return replies;
    });
    const rerating = (async () => {
      const replies: string[] = [];
      for (let n = 0; n < RERATES; n++) {
        const options = [text('id', CLAIM), text('verdict', VERDICTS[n % VERDICTS.length]!), text('note', `load re-rate ${n + 1}`)];
        replies.push((await answer(t.discord.slashCommand('claims', [{ name: 'verdict', type: 1, options }], moderator))).data.content ?? '');
      }
      return replies;
    })();
    const [presses, rerates] = [(await Promise.all(pressing)).flat(), await rerating];

    const asked = presses.filter((press) => /^Asked the desk \(request #\d+\)/.test(press.content));
    const rerated = rerates.filter((content) => content.startsWith(`Re-rated \`${CLAIM}\``));
    console.log(
      `${engine}: ${READERS.length} readers pressing Ask the desk + 1 moderator re-rating: ${asked.length + rerated.length} of ${presses.length + rerates.length} writes landed`,
    );
    expect(presses.map((press) => press.content).filter((content) => !content.startsWith('Asked the desk'))).toEqual([]);
    expect(rerates.filter((content) => !content.startsWith('Re-rated'))).toEqual([]);

    // Every acknowledged write is in the database: each request with its words, each re-rate with its note, in order.
    for (const press of asked) {
      const id = Number(/request #(\d+)/.exec(press.content)![1]);
      expect(await t.store.requests.get(id)).toMatchObject({ words: press.words, status: 'open', askers: 1 });
    }
    const history = (await t.store.history(CLAIM)).slice(historyBefore);
    expect(history.map((entry) => entry.reason)).toEqual(Array.from({ length: RERATES }, (_, n) => `load re-rate ${n + 1}`));
    expect(t.store.claim(CLAIM)!.verdict).toBe(VERDICTS[(RERATES - 1) % VERDICTS.length]);
  }, 120_000);
});
