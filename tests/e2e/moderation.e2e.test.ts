import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/core/dataset.ts';
import { FakeDiscord, type ApplicationCommandOptionLike, type InteractionOverrides } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { MANAGE_MESSAGES, MEMBER, moderator, NEW_CLAIM_FORM as FORM, NEWSROOM, reader } from '../support/people.ts';

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
  options?: { value: string; default: boolean }[];
  component?: Component;
  components?: Component[];
}
interface Callback {
  type: number;
  data: { content?: string; embeds?: Embed[]; flags?: number; custom_id?: string; title?: string; components?: Component[]; choices?: { value: string }[] };
}

const EPHEMERAL = 64;

// Each test has its own bot and database, and makes the changes it checks itself: none depends on another or on their order.
let t: BotUnderTest;
beforeEach(async () => {
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM });
});
afterEach(() => t.stop());

const sub = (name: string, options: ApplicationCommandOptionLike[] = []): ApplicationCommandOptionLike[] => [{ name, type: 1, options }];
const text = (name: string, value: string | boolean): ApplicationCommandOptionLike => ({ name, type: typeof value === 'boolean' ? 5 : 3, value });

async function answer(interaction: Promise<{ id: string; token: string }>): Promise<Callback> {
  return (await t.discord.reply(await interaction)).body as Callback;
}
const claims = (subcommand: string, options: ApplicationCommandOptionLike[], who = moderator) =>
  answer(t.discord.slashCommand('claims', sub(subcommand, options), who));
const lookUp = (query: string) => answer(t.discord.slashCommand('claim', [text('query', query)]));
const inputs = (modal: Callback['data']): Record<string, Component> =>
  Object.fromEntries(modal.components!.map((label) => [label.component!.custom_id, label.component!]));
const buttons = (reply: Callback) => reply.data.components?.[0]?.components ?? [];
const addClaim = async (form: Record<string, string | string[]>) => answer(t.discord.modalSubmit((await claims('add', [])).data.custom_id!, form, moderator));
/** Takes a claim out of search as a moderator does: the command, then the confirmation. */
async function removeClaim(id: string, reason: string): Promise<Callback> {
  const [remove] = buttons(await claims('remove', [text('id', id), text('reason', reason)]));
  return answer(t.discord.button(remove!.custom_id!, moderator));
}

describe('/claims add', () => {
  it('opens a form of Label components, then saves the claim, which /claim finds at once', async () => {
    const opened = await claims('add', [text('verdict', 'unverified')]);
    expect(opened.type).toBe(9);
    expect(opened.data.title).toBe('Add a claim');
    expect(opened.data.components!.map((component) => component.type)).toEqual([18, 18, 18, 18, 18]);
    expect(Object.keys(inputs(opened.data))).toEqual(['statement', 'claimant', 'citing', 'reported-by', 'flags']);

    const saved = await answer(t.discord.modalSubmit(opened.data.custom_id!, FORM, moderator));
    expect(saved.type).toBe(4);
    expect(saved.data.flags).toBe(EPHEMERAL);
    const id = /Added claim `([a-z0-9-]+)`/.exec(saved.data.content!)![1]!;
    expect(saved.data.embeds![0]!.title).toBe('Some reports, unnamed outlets');
    expect(saved.data.embeds![0]!.footer.text).toMatch(new RegExp(`^claim ${id} `));

    const found = await lookUp('special forces vladivostok');
    expect(found.data.embeds![0]!.description).toContain('1,500 special forces');
    expect(found.data.embeds![0]!.fields.find((field) => field.name === 'Attribution')!.value).toBe('reported by [Euronews](https://www.euronews.com/example)');
    const [entry] = await t.store.history(id);
    expect(entry).toMatchObject({ action: 'add', actor: { id: moderator.userId, name: 'desk-editor', guildId: NEWSROOM }, before: null });
  });

  it('names each wrong field, keeps the text, and reopens the form filled in as it was', async () => {
    const opened = await claims('add', []);
    const bad = { ...FORM, statement: 'Troops were seen at the border', claimant: '', 'reported-by': 'Euronews notaurl://x', flags: ['secondhand'] };
    const before = t.store.claims.length;
    const rejected = await answer(t.discord.modalSubmit(opened.data.custom_id!, bad, moderator));
    expect(rejected.data.flags).toBe(EPHEMERAL);
    expect(rejected.data.content).toMatch(/^Nothing was saved:/);
    expect(rejected.data.content).toContain('**Claimant**');
    expect(rejected.data.content).toContain('**Citing**: a secondhand claim must say whom it cites');
    expect(rejected.data.embeds![0]!.description).toContain('Troops were seen at the border');
    expect(t.store.claims.length).toBe(before);

    const [fix] = buttons(rejected);
    expect(fix!.label).toBe('Fix it');
    const reopened = await answer(t.discord.button(fix!.custom_id!, moderator));
    expect(reopened.type).toBe(9);
    expect(inputs(reopened.data).statement!.value).toBe('Troops were seen at the border');
    expect(
      inputs(reopened.data)
        .flags!.options!.filter((option) => option.default)
        .map((option) => option.value),
    ).toEqual(['secondhand']);
  });

  it('shows a near-duplicate before saving: Cancel saves nothing, Save anyway saves it', async () => {
    expect((await addClaim(FORM)).data.content).toMatch(/^Added claim `/);
    const similar = { ...FORM, statement: 'Pyongyang has sent 1,500 special forces troops to Vladivostok' };
    const first = await answer(t.discord.modalSubmit((await claims('add', [])).data.custom_id!, similar, moderator));
    expect(first.data.content).toMatch(/^This looks like a claim we already have/);
    const [, cancel] = buttons(first);
    const before = t.store.claims.length;
    const cancelled = await answer(t.discord.button(cancel!.custom_id!, moderator));
    expect(cancelled).toMatchObject({ type: 7, data: { content: 'Cancelled: nothing was changed.' } });
    expect(t.store.claims.length).toBe(before);

    const second = await answer(t.discord.modalSubmit((await claims('add', [])).data.custom_id!, similar, moderator));
    const [confirm] = buttons(second);
    expect(confirm!.label).toBe('Save anyway');
    const confirmed = await answer(t.discord.button(confirm!.custom_id!, moderator));
    expect(confirmed.type).toBe(7);
    expect(confirmed.data.content).toMatch(/^Added claim `/);
    expect(t.store.claims.length).toBe(before + 1);
  });
});

describe('re-rating, flags, removal and history', () => {
  const id = 'kyiv-independent-10000-troops';

  it('re-rates with a note, and /claim shows the new verdict at once', async () => {
    const reply = await claims('verdict', [text('id', id), text('verdict', 'disputed'), text('note', 'Seoul gives a lower figure')]);
    expect(reply.data.content).toBe(`Re-rated \`${id}\`: ⚠️ Unverified → ⚖️ Disputed.`);
    const shown = await lookUp(id);
    expect(shown.data.embeds![0]!.fields.find((field) => field.name === 'Verdict')!.value).toBe('⚖️ Disputed');
  });

  it('adds and removes a flag, refusing one that is already there', async () => {
    expect((await claims('flag', [text('id', id), text('flag', 'single-source'), text('action', 'add')])).data.content).toBe(
      `Flagged \`${id}\`: single-source.`,
    );
    expect((await claims('flag', [text('id', id), text('flag', 'single-source'), text('action', 'add')])).data.content).toBe(
      `\`${id}\` already has the flag single-source.`,
    );
    expect((await claims('flag', [text('id', id), text('flag', 'single-source'), text('action', 'remove')])).data.content).toBe(
      `Unflagged \`${id}\`: single-source.`,
    );
  });

  it('removes a claim only after confirmation, and restore brings it back', async () => {
    const prompt = await claims('remove', [text('id', id), text('reason', 'duplicate of the Euronews figure')]);
    expect(prompt.data.content).toMatch(/^Remove this claim from search\?/);
    expect(t.store.claim(id)?.id).toBe(id);
    const [remove] = buttons(prompt);
    const removed = await answer(t.discord.button(remove!.custom_id!, moderator));
    expect(removed).toMatchObject({ type: 7, data: { content: `Removed \`${id}\` from search. \`/claims restore id:${id}\` brings it back.`, embeds: [] } });
    // Its id now finds the claim next closest to it: the other 10,000-troops claim, with no other match listed.
    const [after] = (await lookUp(id)).data.embeds!;
    expect(after!.footer.text).toMatch(/^claim reports-10000-troops-in-russia · updated /);
    expect(after!.fields.map((field) => field.name)).toEqual(['Verdict', 'Sourcing', 'Attribution', 'Story']);
    expect(t.store.removedClaim(id)?.id).toBe(id);

    const restoreChoices = await answer(t.discord.autocomplete('claims', sub('restore', [{ name: 'id', type: 3, value: 'kyiv', focused: true }]), moderator));
    expect(restoreChoices.data.choices!.map((choice) => choice.value)).toEqual([id]);
    expect((await claims('restore', [text('id', id)])).data.content).toBe(`Restored \`${id}\`: it is back in search.`);
    expect((await lookUp(id)).data.embeds![0]!.footer.text).toMatch(new RegExp(`^claim ${id} `));
  });

  it('tells the history: who, what changed, and why', async () => {
    await claims('verdict', [text('id', id), text('verdict', 'disputed'), text('note', 'Seoul gives a lower figure')]);
    await removeClaim(id, 'duplicate of the Euronews figure');
    await claims('restore', [text('id', id)]);
    const { data } = await claims('history', [text('id', id)]);
    const history = data.embeds![0]!.description;
    expect(history).toContain('verdict · desk-editor (600000000000000006)');
    expect(history).toContain('reason: Seoul gives a lower figure');
    expect(history).toContain('verdict: “unverified” → “disputed”');
    expect(history).toContain('remove · desk-editor');
    expect(history).toContain('reason: duplicate of the Euronews figure');
    expect(history.indexOf('verdict ·')).toBeLessThan(history.indexOf('restore ·'));
  });
});

describe('/claims export', () => {
  it('attaches the current claims as a dataset file that validates, for moderators only', async () => {
    const interaction = await t.discord.slashCommand('claims', sub('export'), moderator);
    const reply = await t.discord.reply(interaction);
    expect((reply.body as Callback).data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^\d+ claims as json, as of /) });
    const [file] = reply.files!;
    expect(file!.name).toBe('claims.json');
    const dataset = parseDataset(JSON.parse(file!.text), file!.name);
    expect(dataset.claims.map((claim) => claim.id).sort()).toEqual(t.store.claims.map((claim) => claim.id).sort());
    const reviews = await t.discord.reply(await t.discord.slashCommand('claims', sub('export', [text('format', 'claimreview')]), moderator));
    expect(reviews.files![0]!.name).toBe('claims.jsonld');
    expect(
      (JSON.parse(reviews.files![0]!.text) as { '@graph': { '@type': string }[] })['@graph'].filter((node) => node['@type'] === 'ClaimReview'),
    ).toHaveLength(t.store.claims.length);
    const denied = await claims('export', [], reader);
    expect(denied.data.content).toContain('Only the newsroom’s moderators');
  });
});

describe('who may write', () => {
  it('refuses a reader, for the command, a forged form and a forged button, and writes nothing', async () => {
    const auditBefore = await t.store.countAudit();
    const denied = await claims('verdict', [text('id', 'zelensky-tehran-too'), text('verdict', 'false')], reader);
    expect(denied.data).toMatchObject({ flags: EPHEMERAL, content: 'Only the newsroom’s moderators can change claims. Nothing was changed.' });
    const forged = await answer(
      t.discord.modalSubmit('claims:add:north-korean-troops-in-russia:false:quote', { ...FORM, statement: 'Forged by a reader' }, reader),
    );
    expect(forged.data.content).toContain('Only the newsroom’s moderators');
    const pressed = await answer(t.discord.button('claims:confirm:anything', reader));
    expect(pressed.data.content).toContain('Only the newsroom’s moderators');
    const noChoices = await answer(t.discord.autocomplete('claims', sub('edit', [{ name: 'id', type: 3, value: 'zel', focused: true }]), reader));
    expect(noChoices.data.choices).toEqual([]);
    expect(await t.store.countAudit()).toBe(auditBefore);
    expect(t.store.claim('zelensky-tehran-too')!.verdict).toBe('unverified');
  });

  it('refuses an administrator of another server the bot is in', async () => {
    const admins = { id: '920000000000000002', name: 'admins', permissions: String((1n << 3n) | MANAGE_MESSAGES | MEMBER) };
    const elsewhere = await FakeDiscord.start({ guildId: '900000000000000009', roles: [admins] });
    const other = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM }, elsewhere);
    try {
      const admin = { userId: '800000000000000008', username: 'other-admin', roles: [admins.id], permissions: admins.permissions };
      const interaction = await elsewhere.slashCommand('claims', sub('verdict', [text('id', 'zelensky-tehran-too'), text('verdict', 'false')]), admin);
      const { data } = (await elsewhere.reply(interaction)).body as Callback;
      expect(data.content).toContain('Only the newsroom’s moderators');
      expect(other.store.claim('zelensky-tehran-too')!.verdict).toBe('unverified');
    } finally {
      await other.stop();
    }
  });

  it('with MODERATOR_ROLE_IDS, accepts a member with the role and refuses Manage Messages alone', async () => {
    const role = '910000000000000001';
    const roles = await FakeDiscord.start({ roles: [{ id: role, name: 'fact-checkers' }] });
    const bot = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, MODERATOR_ROLE_IDS: role }, roles);
    try {
      const ask = async (who: Partial<InteractionOverrides>) =>
        ((await roles.reply(await roles.slashCommand('claims', sub('history', [text('id', 'zelensky-tehran-too')]), who))).body as Callback).data;
      expect((await ask({ ...reader, roles: [role] })).embeds![0]!.title).toBe('History of zelensky-tehran-too');
      expect((await ask(moderator)).content).toContain('Only the newsroom’s moderators');
    } finally {
      await bot.stop();
    }
  });

  it('with neither setting, says curation is off and which variable turns it on', async () => {
    const open = await FakeDiscord.start();
    const bot = await startBotUnderTest({}, open);
    try {
      const { data } = (await open.reply(await open.slashCommand('claims', sub('history', [text('id', 'zelensky-tehran-too')]), moderator))).body as Callback;
      expect(data.content).toContain('MODERATOR_ROLE_IDS');
    } finally {
      await bot.stop();
    }
  });

  it('registers /claims for Manage Messages, in servers only', () => {
    const registered = (t.discord.commands('guild') as { name: string; default_member_permissions: string; contexts: number[] }[]).find(
      (command) => command.name === 'claims',
    );
    expect(registered).toMatchObject({ default_member_permissions: String(MANAGE_MESSAGES), contexts: [0] });
  });
});

describe('after a restart', () => {
  it('still has every change: a new bot on the same database finds the added claim and the new verdict', async () => {
    expect((await addClaim(FORM)).data.content).toMatch(/^Added claim `/);
    await claims('verdict', [text('id', 'kyiv-independent-10000-troops'), text('verdict', 'disputed')]);
    const url = t.store.databaseUrl;
    const again = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: url, CLAIMS_PATH: '/nonexistent/seed.json' });
    try {
      const interaction = await again.discord.slashCommand('claim', [text('query', 'special forces vladivostok')]);
      const { data } = (await again.discord.reply(interaction)).body as Callback;
      expect(data.embeds![0]!.description).toContain('1,500 special forces');
      expect(again.store.claim('kyiv-independent-10000-troops')!.verdict).toBe('disputed');
    } finally {
      await again.stop();
    }
  });
});
