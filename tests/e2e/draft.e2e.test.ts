import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationCommandOptionLike } from '../support/fake-discord.ts';
import { SEED_ARTICLE } from '../support/draft-scoring.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { moderator, NEWSROOM, reader } from '../support/people.ts';

interface Embed {
  title: string;
  description: string;
  fields: { name: string; value: string }[];
  footer: { text: string };
}
interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  value?: string;
  component?: Component;
  components?: Component[];
}
interface Message {
  content?: string;
  embeds?: Embed[];
  flags?: number;
  custom_id?: string;
  title?: string;
  components?: Component[];
}

const EPHEMERAL = 64;
const ARTICLE = [
  'Port strike enters second week',
  'The strike has cost exporters $40 million a day, the chamber of commerce said on Monday.',
  '"We will stay out until the contract is signed," union leader Maria Santos told reporters. She added that 3,000 workers had joined the walkout.',
].join('\n');

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM });
});
afterAll(() => t.stop());

/** The bot's answer to an interaction: its callback's message, or what a deferred answer was edited to. */
async function answer(interaction: Promise<{ id: string; token: string }>): Promise<{ type: number; data: Message }> {
  const sent = await interaction;
  const first = (await t.discord.reply(sent)).body as { type: number; data: Message };
  if (first.type !== 5) return first;
  const edit = await t.discord.nextRequest((request) => request.method === 'PATCH' && request.path.endsWith(`/${sent.token}/messages/@original`), 15_000);
  return { type: 5, data: edit.body as Message };
}
const buttons = (message: Message) => message.components?.[0]?.components ?? [];
const press = (message: Message, label: string, who = moderator) => {
  const id = buttons(message).find((button) => button.label === label)?.custom_id;
  if (!id) throw new Error(`no button ${label} in ${JSON.stringify(buttons(message))}`);
  return answer(t.discord.button(id, who));
};
const draftWith = (options: ApplicationCommandOptionLike[], attachments: Record<string, unknown>[] = [], who = moderator) =>
  answer(t.discord.slashCommandWithAttachments('claims', [{ name: 'draft', type: 1, options }], attachments, who));
const inputs = (modal: Message): Record<string, Component> =>
  Object.fromEntries(modal.components!.map((label) => [label.component!.custom_id, label.component!]));

describe('Draft claims (message command)', () => {
  it('pages through the drafts, only to the moderator: Save goes through the store with an audit of where it was drafted from', async () => {
    const first = await answer(t.discord.messageContextMenu('Draft claims', { content: `${ARTICLE}\nhttps://www.portnews.example/strike` }, moderator));
    expect(first.data.flags).toBe(EPHEMERAL);
    expect(first.data.content).toBe(
      'Drafted 3 claims from portnews.example (https://www.portnews.example/strike). Nothing is saved until you press Save.\n**Draft 1 of 3**',
    );
    expect(first.data.embeds![0]).toMatchObject({ title: 'The chamber of commerce', description: '> The strike has cost exporters $40 million a day' });
    expect(buttons(first.data).map(({ label }) => label)).toEqual(['Save', 'Edit', 'Skip', 'Save all']);

    const second = await press(first.data, 'Save');
    expect(second.type).toBe(7);
    const id = /^Saved claim `([a-z0-9-]+)`\.\n\*\*Draft 2 of 3\*\*$/.exec(second.data.content!)![1]!;
    expect(second.data.embeds![0]).toMatchObject({ title: 'Maria Santos, union leader', description: '> “We will stay out until the contract is signed”' });
    expect(t.store.claim(id)).toMatchObject({
      statement: 'The strike has cost exporters $40 million a day',
      claimant: { name: 'The chamber of commerce' },
      addedBy: 'desk-editor',
      verdict: 'unverified',
    });
    const [entry] = await t.store.history(id);
    expect(entry).toMatchObject({
      action: 'add',
      actor: { id: moderator.userId, name: 'desk-editor' },
      reason: 'drafted from portnews.example https://www.portnews.example/strike',
    });

    const third = await press(second.data, 'Skip');
    expect(third.data.content).toBe('**Draft 3 of 3**');
    expect(third.data.embeds![0]).toMatchObject({ title: 'Maria Santos, union leader', description: '> 3,000 workers had joined the walkout' });
    const done = await press(third.data, 'Save all');
    expect(done.data.content).toMatch(
      new RegExp(`^Done with the 3 drafts\\. Saved 2: \`${id}\`, \`maria-santos-3000-workers-had-joined-the-walkout\`; skipped 1\\.$`),
    );
    expect(done.data.components ?? []).toEqual([]);
  });

  it('refuses a reader, and says when a message holds no attributed statement', async () => {
    const refused = await answer(t.discord.messageContextMenu('Draft claims', { content: ARTICLE }, reader));
    expect(refused.data.flags).toBe(EPHEMERAL);
    expect(refused.data.content).toMatch(/moderator/i);
    const none = await answer(t.discord.messageContextMenu('Draft claims', { content: 'Lunch is at noon. The canteen has soup.' }, moderator));
    expect(none.data).toMatchObject({ content: 'No claims found in this text: no statement in it is attributed to anyone.', flags: EPHEMERAL });
  });
});

describe('/claims draft', () => {
  it('fetches an attached article from Discord’s attachment host, and holds back drafts that repeat claims we have', async () => {
    const file = t.discord.attach('article.txt', readFileSync(SEED_ARTICLE));
    const before = t.store.claims.length;
    const first = await draftWith([{ name: 'file', type: 11, value: file.id }], [file]);
    expect(t.discord.requests.some((request) => request.method === 'GET' && request.path === new URL(file.url).pathname)).toBe(true);
    expect(first.data.content).toBe(
      'Drafted 15 claims from Euronews. Nothing is saved until you press Save.\n**Draft 1 of 15** · repeats claim `reports-10000-troops-in-russia`',
    );
    const second = await press(first.data, 'Save');
    expect(second.data.content).toBe(
      'Not saved: this statement is already claim `reports-10000-troops-in-russia`.\n**Draft 2 of 15** · repeats claim `zelensky-weapons-and-people`',
    );
    const done = await press(second.data, 'Save all');
    expect(done.data.content).toBe('Done with the 15 drafts. No claim was saved; 15 not saved (they repeat claims we hold).');
    expect(t.store.claims.length).toBe(before);
  });

  it.each([
    ['scan.pdf', '%PDF-1.7', 'scan.pdf is not an article the drafter reads: give it as text (.txt), markdown (.md) or a web page (.html).'],
    ['huge.txt', 'said '.repeat(220_000), 'huge.txt is larger than the 1 MB the drafter reads: attach a shorter article, or paste its text.'],
    [
      'latin1.txt',
      Buffer.from('Officials said the caf\xe9 closed.', 'latin1'),
      'latin1.txt is not UTF-8 text (byte 24 cannot be read): save it as UTF-8 text and try again.',
    ],
  ])('answers a bad attachment (%s) with one line, saving nothing', async (name, content, message) => {
    const file = t.discord.attach(name, content);
    const reply = await draftWith([{ name: 'file', type: 11, value: file.id }], [file]);
    expect(reply.data.content).toBe(message);
  });

  it('fetches nothing from any other host', async () => {
    const file = { ...t.discord.attach('article.txt', ARTICLE), url: 'https://example.org/article.txt' };
    const reply = await draftWith([{ name: 'file', type: 11, value: file.id }], [file]);
    expect(reply.data.content).toBe('The article must be a file attached to the command: other links are not fetched.');
  });

  it('without a file opens a form to paste the article; Edit opens the add form prefilled and saves the edit', async () => {
    const form = await draftWith([{ name: 'outlet', type: 3, value: 'Port News' }]);
    expect(form.type).toBe(9);
    expect(Object.keys(inputs(form.data))).toEqual(['article', 'outlet', 'url']);
    expect(inputs(form.data).outlet!.value).toBe('Port News');
    const first = await answer(
      t.discord.modalSubmit(form.data.custom_id!, { article: ARTICLE, outlet: 'Port News', url: 'https://portnews.example/strike' }, moderator),
    );
    expect(first.data.content).toMatch(/^Drafted 3 claims from Port News \(https:\/\/portnews\.example\/strike\)\./);

    const edit = await press(first.data, 'Edit');
    expect(edit.type).toBe(9);
    const fields = inputs(edit.data);
    expect(fields.statement!.value).toBe('The strike has cost exporters $40 million a day');
    expect(fields.claimant!.value).toBe('The chamber of commerce');
    expect(fields['reported-by']!.value).toBe('Port News https://portnews.example/strike');

    const bad = await answer(
      t.discord.modalSubmit(
        edit.data.custom_id!,
        {
          statement: 'The strike has cost exporters $40 million a day',
          claimant: '',
          citing: '',
          'reported-by': 'Port News https://portnews.example/strike',
          flags: [],
        },
        moderator,
      ),
    );
    expect(bad.data.content).toMatch(/^Nothing was saved:\n• \*\*Claimant\*\*/);
    expect(bad.data.embeds![0]!.description).toContain('The strike has cost exporters $40 million a day');

    const saved = await answer(
      t.discord.modalSubmit(
        edit.data.custom_id!,
        {
          statement: 'The strike has cost exporters at least $40 million each day',
          claimant: 'Chamber of Commerce of Santos, business group',
          citing: '',
          'reported-by': 'Port News https://portnews.example/strike',
          flags: ['interested-party'],
        },
        moderator,
      ),
    );
    const id = /^Saved claim `([a-z0-9-]+)`\./.exec(saved.data.content!)![1]!;
    expect(saved.data.content).toMatch(/\n\*\*Draft 2 of 3\*\*$/);
    expect(t.store.claim(id)).toMatchObject({
      statement: 'The strike has cost exporters at least $40 million each day',
      claimant: { name: 'Chamber of Commerce of Santos', description: 'business group' },
      flags: ['interested-party'],
      attribution: { reportedBy: { outlet: 'Port News', url: 'https://portnews.example/strike' } },
    });
    expect((await t.store.history(id))[0]!.reason).toBe('drafted from Port News https://portnews.example/strike');
  });
});
