import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type DispatchedInteraction, type InteractionOverrides, type RecordedRequest } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { moderator, NEWSROOM } from '../support/people.ts';
import { enginesUnderTest } from '../support/postgres.ts';

// Issue 19, items 2, 3, 5 and 17, through the real discord.js client against the loopback Discord, on each engine.

interface Callback {
  type: number;
  data: {
    content?: string;
    flags?: number;
    custom_id?: string;
    components?: { components: { custom_id: string; label: string }[] }[];
    choices?: { name: string; value: string }[];
  };
}

const EPHEMERAL = 64;
const person = (n: number): Partial<InteractionOverrides> => ({ userId: `7300000000000000${String(n).padStart(2, '0')}`, username: `reader-${n}` });
/** The message a button is on (discord.js builds one from it). */
const botMessage = {
  id: '380000000000000038',
  channel_id: '390000000000000039',
  author: { id: '100000000000000001', username: 'FakeBot', discriminator: '0', bot: true },
  content: '',
  timestamp: new Date().toISOString(),
  edited_timestamp: null,
  tts: false,
  mention_everyone: false,
  mentions: [],
  mention_roles: [],
  attachments: [],
  embeds: [],
  components: [],
  pinned: false,
  type: 0,
  flags: 0,
};
const otherModerator: Partial<InteractionOverrides> = { ...moderator, userId: '610000000000000061', username: 'night-editor' };

describe.each(enginesUnderTest())('the desk on $engine', ({ scratch }) => {
  let t: BotUnderTest;
  let database: { url: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    database = await scratch();
    t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await t.stop();
    await database.cleanup();
  });

  const first = async (interaction: Promise<DispatchedInteraction>) => (await t.discord.reply(await interaction)).body as Callback;
  /** The answer as the user ends up seeing it: a deferred one ("thinking…") is replaced by its edit. */
  const final = async (interaction: Promise<DispatchedInteraction>, discord = t.discord): Promise<Callback> => {
    const { id, token } = await interaction;
    const reply = (await discord.reply({ id, token })).body as Callback;
    if (reply.type !== 5 && reply.type !== 6) return reply;
    const isEdit = (r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${discord.applicationId}/${token}/messages/@original`;
    const edit = discord.requests.find(isEdit) ?? (await discord.nextRequest(isEdit, 15_000));
    return { type: reply.type, data: edit.body as Callback['data'] };
  };
  const check = (content: string, who: Partial<InteractionOverrides>) => first(t.discord.messageContextMenu('Check claims', { content }, who));
  const button = (reply: Callback, label: string) => reply.data.components![0]!.components.find((component) => component.label === label)!.custom_id;
  /** Asks the desk for `words` (a message that matches no claim) as `who`; returns the reply to the press. */
  const ask = async (words: string, who: Partial<InteractionOverrides>) => first(t.discord.button(button(await lookUp(words, who), 'Ask the desk'), who));
  const lookUp = (words: string, who: Partial<InteractionOverrides>) => first(t.discord.slashCommand('claim', [{ name: 'query', type: 3, value: words }], who));
  const requestNumber = (reply: Callback) => Number(/request #(\d+)/.exec(reply.data.content!)![1]);
  const channelPosts = (discord = t.discord) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${discord.channelId}/messages`);

  describe('Check claims: one person can ask only so often', () => {
    it('checks six messages a minute for one person, then says when to try again, and still checks for others', async () => {
      const who = person(1);
      for (let i = 0; i < 6; i++) expect((await check(`did north korea send troops to kursk, take ${i}`, who)).data.content).not.toMatch(/try again/);
      const refused = await check('did north korea send troops to kursk, once more', who);
      expect(refused.data.flags).toBe(EPHEMERAL);
      expect(refused.data.content).toMatch(/^You have checked as many messages as one person can in a minute: try again in \d+ s\. Nothing was checked\.$/);
      const other = await check(
        'Apparently North Korea has sent 10,000 troops to Russia to help its war against Ukraine, says the Kyiv Independent.',
        person(2),
      );
      expect(other.data.content).toMatch(/^This message matches/);
    });
  });

  describe('Ask the desk cannot be flooded', () => {
    it('offers no request for a message longer than a request can be, and says why', async () => {
      const long = `${'the canteen menu and the weather and the parking '.repeat(12)}end`;
      const reply = await check(long, person(3));
      expect(reply.data.content).toMatch(/^No known claim in this message/);
      expect(reply.data.content).toContain(`The desk takes requests of up to 500 characters, and this message has ${long.length}: ask with \`/claim\``);
      expect(reply.data.components ?? []).toEqual([]);
    });

    it('takes three open requests from one person, refuses a fourth with their words and open requests, and still counts them on the same request', async () => {
      const who = person(4);
      const ids = [];
      for (const words of ['banana harvest figures in ecuador', 'penguin census on the falklands', 'opera house roof repairs in sydney'])
        ids.push(requestNumber(await ask(words, who)));
      const refused = await ask('lighthouse keepers strike in brittany', who);
      expect(refused.type).toBe(4);
      expect(refused.data.flags).toBe(EPHEMERAL);
      expect(refused.data.content).toBe(
        `You already have 3 open requests (${ids.map((id) => `#${id}`).join(', ')}), the most one person can have at a time: you can ask again once the desk has answered one. Not recorded: “lighthouse keepers strike in brittany”.`,
      );
      expect(await t.store.requests.findOpen('lighthouse', 25)).toEqual([]);
      // Asking again for what they already asked is the same request, not a fourth.
      expect(requestNumber(await ask('Penguin census on the Falklands', who))).toBe(ids[1]);
      // Once the desk answers one, they can ask again.
      await final(
        t.discord.slashCommand(
          'claims',
          [
            {
              name: 'dismiss',
              type: 1,
              options: [
                { name: 'request', type: 4, value: ids[0]! },
                { name: 'reason', type: 3, value: 'not news' },
              ],
            },
          ],
          moderator,
        ),
      );
      expect(requestNumber(await ask('lighthouse keepers strike in brittany', who))).toBeGreaterThan(ids[2]!);
    });

    it('refuses a request from a direct message or from another server, saying where to ask', async () => {
      const who = person(5);
      const offer = await lookUp('glacier melt in patagonia this spring', who);
      const inDm = await first(
        t.discord.dispatchInteraction({
          type: 3,
          data: { custom_id: button(offer, 'Ask the desk'), component_type: 2 },
          guild_id: undefined,
          member: undefined,
          context: 1,
          user: { id: who.userId, username: who.username, discriminator: '0', global_name: null, avatar: null, bot: false },
          channel: { id: '390000000000000039', type: 1, recipients: [] },
          channel_id: '390000000000000039',
          message: botMessage,
        }),
      );
      expect(inDm.data.content).toBe('The desk takes requests in the newsroom’s server, not in direct messages: ask there. Nothing was recorded.');
      const elsewhere = await first(
        t.discord.dispatchInteraction({
          type: 3,
          data: { custom_id: button(offer, 'Ask the desk'), component_type: 2 },
          guild_id: '250000000000000025',
          message: botMessage,
        }),
      );
      expect(elsewhere.data.content).toBe('The desk takes requests only in the newsroom’s own server, not in this one. Nothing was recorded.');
      expect(await t.store.requests.findOpen('glacier patagonia', 25)).toEqual([]);
    });

    it('finds any open request by its words as a moderator types, not only the newest hundred', async () => {
      const oldest = await t.store.requests.record(
        'zebra crossing ribbon',
        'Zebra crossings painted with ribbon stripes?',
        { userId: '740000000000000000', guildId: NEWSROOM, channelId: t.discord.channelId },
        { id: '740000000000000000', name: 'early reader' },
        3,
      );
      for (let i = 1; i <= 110; i++) {
        const words = `question number ${i} about the harbour`;
        await t.store.requests.record(
          words,
          words,
          { userId: `7400000000000${String(i).padStart(5, '0')}`, guildId: NEWSROOM, channelId: t.discord.channelId },
          { id: String(i), name: `reader ${i}` },
          3,
        );
      }
      const choices = async (typed: string) =>
        (
          await first(
            t.discord.autocomplete('claims', [{ name: 'answer', type: 1, options: [{ name: 'request', type: 4, value: typed, focused: true }] }], moderator),
          )
        ).data.choices!;
      expect(await choices('ribbon ZEBRA')).toEqual([{ name: `#${oldest.id} ×1: Zebra crossings painted with ribbon stripes?`, value: oldest.id }]);
      expect((await choices(`#${oldest.id}`)).map((choice) => choice.value)).toContain(oldest.id);
      expect((await choices('harbour')).length).toBe(25);
      expect(await choices('100% off')).toEqual([]);
    });
  });

  describe('/claims answer with many askers', () => {
    it('defers before telling anyone, tells each of six askers once, and records each as told', async () => {
      const words = 'did the kremlin open a new embassy in pyongyang';
      const askers = [6, 7, 8, 9, 10, 11].map(person);
      let id = 0;
      for (const who of askers) id = requestNumber(await ask(words, who));
      const before = channelPosts().length;
      const interaction = t.discord.slashCommand(
        'claims',
        [
          {
            name: 'answer',
            type: 1,
            options: [
              { name: 'request', type: 4, value: id },
              { name: 'claim', type: 3, value: 'zelensky-tehran-too' },
            ],
          },
        ],
        moderator,
      );
      expect((await first(interaction)).type).toBe(5);
      expect((await final(interaction)).data.content).toBe(`Answered request #${id} with \`zelensky-tehran-too\`: told 6 of 6 who asked.`);
      const told = channelPosts()
        .slice(before)
        .map((post) => /^<@(\d+)>/.exec((post.body as { content: string }).content)![1]);
      expect(told.sort()).toEqual(askers.map((who) => who.userId!).sort());
      const log = await t.store.requests.log(id);
      expect(
        log
          .filter((entry) => entry.action === 'notified')
          .map((entry) => entry.detail)
          .sort(),
      ).toEqual(askers.map((who) => who.userId!).sort());
    });

    it('tells at the next start those Discord refused, and nobody twice', async () => {
      const words = 'is the danube ferry to vidin running again';
      const askers = [12, 13, 14].map(person);
      let id = 0;
      for (const who of askers) id = requestNumber(await ask(words, who));
      const before = channelPosts().length;
      // The second notice is refused (Missing Access); the others go out.
      const channel = new RegExp(`^/channels/${t.discord.channelId}/messages$`);
      void t.discord
        .nextRequest((r) => r.method === 'POST' && channel.test(r.path))
        .then(() => t.discord.failNext('POST', channel, 403, { message: 'Missing Access', code: 50001 }));
      const reply = await final(
        t.discord.slashCommand(
          'claims',
          [
            {
              name: 'answer',
              type: 1,
              options: [
                { name: 'request', type: 4, value: id },
                { name: 'claim', type: 3, value: 'zelensky-tehran-too' },
              ],
            },
          ],
          moderator,
        ),
      );
      expect(reply.data.content).toBe(
        `Answered request #${id} with \`zelensky-tehran-too\`: told 2 of 3 who asked (the others asked in the console, or where the bot could not post: it tries again when it next starts).`,
      );
      expect(channelPosts().length - before).toBe(3);
      expect((await t.store.requests.log(id)).filter((entry) => entry.action === 'not-notified')).toHaveLength(1);
      const untold = (await t.store.requests.untold(3)).find((entry) => entry.request.id === id)!.askers.map((asker) => asker.userId);
      expect(untold).toHaveLength(1);

      // The bot restarts on the same database: only the one not told is told now.
      await t.stop();
      const discord = await FakeDiscord.start();
      const restarted = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: database.url }, discord);
      try {
        const post = await discord.nextRequest((r) => r.method === 'POST' && r.path === `/channels/${discord.channelId}/messages`, 15_000);
        expect((post.body as { content: string }).content).toMatch(
          new RegExp(`^<@${untold[0]}> you asked the desk about “is the danube ferry to vidin running again”`),
        );
        expect((post.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ users: [untold[0]] });
        await expect.poll(async () => (await restarted.store.requests.untold(3)).length).toBe(0);
        expect(channelPosts(discord)).toHaveLength(1);
      } finally {
        await restarted.bot.stop();
        await restarted.store.close();
        await discord.close();
      }
      t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: database.url });
    });
  });

  describe('a claim added for a request another moderator closed meanwhile', () => {
    it('says the claim was added and that the request was already dismissed, by whom, so nobody was notified', async () => {
      const id = requestNumber(await ask('were 300 north korean engineers sent to the kerch bridge', person(15)));
      const form = await first(t.discord.slashCommand('claims', [{ name: 'answer', type: 1, options: [{ name: 'request', type: 4, value: id }] }], moderator));
      expect(form.type).toBe(9);
      const dismissed = await final(
        t.discord.slashCommand(
          'claims',
          [
            {
              name: 'dismiss',
              type: 1,
              options: [
                { name: 'request', type: 4, value: id },
                { name: 'reason', type: 3, value: 'duplicate of an older question' },
              ],
            },
          ],
          otherModerator,
        ),
      );
      expect(dismissed.data.content).toBe(`Dismissed request #${id}: duplicate of an older question`);
      const values = {
        statement: '300 North Korean engineers were sent to the Kerch bridge',
        claimant: 'Some reports',
        citing: '',
        'reported-by': 'Euronews',
        flags: [],
      };
      const before = channelPosts().length;
      const saved = await final(t.discord.modalSubmit(form.data.custom_id!, values, moderator));
      expect(saved.data.content).toBe(
        `Added claim \`some-reports-300-north-korean-engineers-were-sent\`. Request #${id} was already dismissed by night-editor (${otherModerator.userId}) as “duplicate of an older question”, so nobody was notified.`,
      );
      expect(t.store.claim('some-reports-300-north-korean-engineers-were-sent')?.statement).toBe(values.statement);
      expect(await t.store.requests.get(id)).toMatchObject({ status: 'dismissed', claimId: null });
      expect(channelPosts().length).toBe(before);
    });
  });
});
