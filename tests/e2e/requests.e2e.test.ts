import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionOverrides, RecordedRequest } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { moderator, NEWSROOM } from '../support/people.ts';

interface Callback {
  type: number;
  data: {
    content?: string;
    flags?: number;
    embeds?: { title: string; description: string; footer?: { text: string } }[];
    components?: { components: { custom_id: string; label: string }[] }[];
    custom_id?: string;
    choices?: { name: string; value: string }[];
  };
}
interface Modal {
  type: number;
  data: { custom_id: string; components: { component: { custom_id: string; value?: string } }[] };
}

const EPHEMERAL = 64;
const readerA: Partial<InteractionOverrides> = { userId: '710000000000000001', username: 'reader-a' };
const readerB: Partial<InteractionOverrides> = { userId: '720000000000000002', username: 'reader-b' };

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM });
});
afterAll(() => t.stop());

const answer = async <T = Callback>(interaction: Promise<{ id: string; token: string }>): Promise<T> => (await t.discord.reply(await interaction)).body as T;
/** The answer as the moderator ends up seeing it: a deferred one ("thinking…", type 5) is replaced by its edit. */
const settled = async (interaction: Promise<{ id: string; token: string }>): Promise<Callback> => {
  const { id, token } = await interaction;
  const first = (await t.discord.reply({ id, token })).body as Callback;
  if (first.type !== 5) return first;
  const isEdit = (r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${t.discord.applicationId}/${token}/messages/@original`;
  const edit = t.discord.requests.find(isEdit) ?? (await t.discord.nextRequest(isEdit));
  return { type: 5, data: edit.body as Callback['data'] };
};
const check = (content: string, who = readerA) => answer(t.discord.messageContextMenu('Check claims', { content }, who));
const claims = (subcommand: string, options: { name: string; type: number; value: string | number }[] = []) =>
  answer(t.discord.slashCommand('claims', [{ name: subcommand, type: 1, options }], moderator));
const button = (reply: Callback, label: string) => reply.data.components![0]!.components.find((component) => component.label === label)!.custom_id;

describe('Check claims on a message', () => {
  it('finds the known claim a message repeats, with its verdict, only for the person who asked', async () => {
    const reply = await check(
      'Apparently North Korea has sent 10,000 troops to Russia to help its war against Ukraine, says the Kyiv Independent. Is that true??',
    );
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBe(EPHEMERAL);
    expect(reply.data.content).toMatch(/^This message matches/);
    expect(reply.data.embeds![0]!.footer!.text).toMatch(/^claim kyiv-independent-10000-troops /);
  });

  it('says "no known claim" for a message about something else, with a button to ask the desk', async () => {
    const reply = await check('anyone going to the canteen for lunch today? the weather is great and I need a break from the war news');
    expect(reply.data.content).toMatch(/^No known claim in this message/);
    expect(reply.data.embeds ?? []).toEqual([]);
    expect(button(reply, 'Ask the desk')).toMatch(/^Check claims:ask:/);
  });
});

describe('asking the desk', () => {
  const question = 'Did Kim Jong Un visit the front in Kursk in November?';
  let requestId = 0;

  it('records a request, counts a second person on the same request, and does not count anyone twice', async () => {
    const first = await check(question, readerA);
    const asked = await answer(t.discord.button(button(first, 'Ask the desk'), readerA));
    expect(asked.type).toBe(7);
    requestId = Number(/request #(\d+)/.exec(asked.data.content!)![1]);
    expect(asked.data.content).toContain('You will be told here when it is answered.');

    const again = await answer(t.discord.button(button(await check(question, readerA), 'Ask the desk'), readerA));
    expect(again.data.content).toContain(`request #${requestId}`);
    expect(again.data.content).not.toContain('other');
    const second = await answer(t.discord.button(button(await check(`${question.toLowerCase()}`, readerB), 'Ask the desk'), readerB));
    expect(second.data.content).toContain(`request #${requestId}`);
    expect(second.data.content).toContain('1 other person has asked for this too.');
    expect((await t.store.requests.get(requestId))!.askers).toBe(2);
  });

  it('lists open requests for moderators, most asked first', async () => {
    await answer(t.discord.button(button(await check('is the ISW report on drones in Belgorod out yet', readerA), 'Ask the desk'), readerA));
    const list = await claims('requests');
    const lines = list.data.embeds![0]!.description.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^#${requestId} ×2 “Did Kim Jong Un visit`));
    expect(lines[1]).toMatch(/×1 “is the ISW report on drones/);
  });

  it('answers with a claim and tells each asker once, in their channel, pinging only them', async () => {
    const posts: RecordedRequest[] = [];
    const collect = t.discord.nextRequest((r) => r.method === 'POST' && r.path === `/channels/${t.discord.channelId}/messages` && posts.push(r) === 2);
    const reply = await settled(
      t.discord.slashCommand(
        'claims',
        [
          {
            name: 'answer',
            type: 1,
            options: [
              { name: 'request', type: 4, value: requestId },
              { name: 'claim', type: 3, value: 'zelensky-weapons-and-people' },
            ],
          },
        ],
        moderator,
      ),
    );
    expect(reply.data.content).toBe(`Answered request #${requestId} with \`zelensky-weapons-and-people\`: told 2 of 2 who asked.`);
    await collect;
    const bodies = posts.map((post) => post.body as { content: string; allowed_mentions: unknown; embeds: { footer: { text: string } }[] });
    expect(bodies.map((body) => body.content.split(' ')[0]).sort()).toEqual([`<@${readerA.userId}>`, `<@${readerB.userId}>`]);
    for (const body of bodies) {
      const user = /^<@(\d+)>/.exec(body.content)![1];
      expect(body.allowed_mentions).toEqual({ users: [user] });
      expect(body.embeds[0]!.footer.text).toMatch(/^claim zelensky-weapons-and-people /);
    }
    const again = await settled(
      t.discord.slashCommand(
        'claims',
        [
          {
            name: 'answer',
            type: 1,
            options: [
              { name: 'request', type: 4, value: requestId },
              { name: 'claim', type: 3, value: 'zelensky-tehran-too' },
            ],
          },
        ],
        moderator,
      ),
    );
    expect(again.data.content).toBe(`Request #${requestId} was already answered with \`zelensky-weapons-and-people\` by desk-editor (${moderator.userId}).`);
    expect((await t.store.requests.log(requestId)).map((entry) => entry.action)).toEqual(['asked', 'asked', 'answered', 'notified', 'notified']);
  });

  it('answers by adding a claim from the request: the form comes filled with the words', async () => {
    const asked = await answer(t.discord.button(button(await check('were 200 North Korean soldiers captured near Sudzha', readerB), 'Ask the desk'), readerB));
    const id = Number(/request #(\d+)/.exec(asked.data.content!)![1]);
    const form = await answer<Modal>(
      t.discord.slashCommand('claims', [{ name: 'answer', type: 1, options: [{ name: 'request', type: 4, value: id }] }], moderator),
    );
    expect(form.type).toBe(9);
    expect(form.data.components[0]!.component).toMatchObject({ custom_id: 'statement', value: 'were 200 North Korean soldiers captured near Sudzha' });
    const values = {
      statement: '200 North Korean soldiers were captured near Sudzha',
      claimant: 'Some reports',
      citing: '',
      'reported-by': 'Euronews',
      flags: [],
    };
    const saved = await settled(t.discord.modalSubmit(form.data.custom_id, values, moderator));
    expect(saved.data.content).toMatch(new RegExp(`^Added claim \`some-reports-200-north-korean-soldiers-were-captured\`\\. Answered request #${id} with`));
    expect((await t.store.requests.get(id))!.status).toBe('answered');
  });

  it('dismisses a request with a reason, which is kept', async () => {
    const [open] = await t.store.requests.open(1);
    const reply = await claims('dismiss', [
      { name: 'request', type: 4, value: open!.id },
      { name: 'reason', type: 3, value: 'not a claim: a question about a report' },
    ]);
    expect(reply.data.content).toBe(`Dismissed request #${open!.id}: not a claim: a question about a report`);
    expect(await t.store.requests.get(open!.id)).toMatchObject({ status: 'dismissed', note: 'not a claim: a question about a report' });
    expect((await claims('requests')).data.content).toBe('No open requests: nobody has asked the desk for anything yet.');
  });
});

describe('asking the desk from /claim', () => {
  it('turns a "no claim matches" into a request with the words searched for', async () => {
    const reply = await answer(t.discord.slashCommand('claim', [{ name: 'query', type: 3, value: 'banana smoothie recipe' }], readerA));
    expect(reply.data.content).toMatch(/^No claim matches/);
    const asked = await answer(t.discord.button(button(reply, 'Ask the desk'), readerA));
    const id = Number(/request #(\d+)/.exec(asked.data.content!)![1]);
    expect(await t.store.requests.get(id)).toMatchObject({ words: 'banana smoothie recipe', status: 'open', askers: 1 });
  });
});
