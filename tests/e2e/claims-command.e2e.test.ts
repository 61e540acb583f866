import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statementSimilarity } from '../../src/core/claim-id.ts';
import { NEAR_DUPLICATE } from '../../src/curation/claim-form.ts';
import { documentedShare } from '../support/documented.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { moderator, NEW_CLAIM_FORM, NEWSROOM } from '../support/people.ts';
import { buttonsOf, callback, EPHEMERAL, field, formInputs, option, subcommand, type Callback } from '../support/replies.ts';

// Each test has its own bot and database: none depends on what another did, or on their order.
let t: BotUnderTest;
beforeEach(async () => {
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM });
});
afterEach(() => t.stop());

const claims = (name: string, options: Parameters<typeof option>[] = []) =>
  callback(
    t.discord,
    t.discord.slashCommand(
      'claims',
      subcommand(
        name,
        options.map(([key, value]) => option(key, value)),
      ),
      moderator,
    ),
  );
const lookUp = (query: string) => callback(t.discord, t.discord.slashCommand('claim', [option('query', query)]));
const submit = (form: Callback, values: Record<string, string | string[]>) =>
  callback(t.discord, t.discord.modalSubmit(form.data.custom_id!, values, moderator));
const historyOf = async (id: string) => (await claims('history', [['id', id]])).data.embeds![0]!.description;

/** What the form holds when it opens: text inputs by value, the flags select by its selected options. */
function formValues(form: Callback): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(formInputs(form.data)).map(([id, input]) => [
      id,
      input.options ? input.options.filter((choice) => choice.default).map((choice) => choice.value) : (input.value ?? ''),
    ]),
  );
}

describe('/claims edit', () => {
  const id = 'zelensky-tehran-too';

  it('opens the form filled in with the claim, and submitting it saves the edit: /claim shows it and the history tells it', async () => {
    const before = t.store.claim(id)!;
    const form = await claims('edit', [['id', id]]);
    expect(form.type).toBe(9);
    expect(form.data.title).toBe('Edit a claim');
    const filled = formValues(form);
    expect(filled.statement).toBe(before.statement);
    expect(filled.claimant).toBe(`${before.claimant.name}, ${before.claimant.description}`);

    const statement = 'North Korean troops could also be sent to Tehran, and to Minsk';
    const saved = await submit(form, { ...filled, statement, flags: ['single-source'] });
    expect(saved.type).toBe(4);
    expect(saved.data.flags).toBe(EPHEMERAL);
    expect(saved.data.content).toBe(`Saved your edit of \`${id}\`.`);
    expect(saved.data.embeds![0]!.description).toContain('Minsk');

    const shown = (await lookUp(id)).data.embeds![0]!;
    expect(shown.footer.text).toMatch(new RegExp(`^claim ${id} `));
    expect(shown.description).toContain('and to Minsk');
    expect(field(shown, 'Sourcing')).toBe('1️⃣ single source');
    // The form edits statement, claimant, attribution and flags only: the verdict stays.
    expect(field(shown, 'Verdict')).toBe('⚠️ Unverified');

    const history = await historyOf(id);
    expect(history).toContain('edit · desk-editor (600000000000000006)');
    expect(history).toContain('and to Minsk');
  });

  it('keeps the claim as it was when the edited form is invalid, and says which field is wrong', async () => {
    const before = t.store.claim(id)!;
    const form = await claims('edit', [['id', id]]);
    const rejected = await submit(form, { ...formValues(form), statement: 'A new wording nobody saved', claimant: '' });
    expect(rejected.data.content).toMatch(/^Nothing was saved:\n• \*\*Claimant\*\*/);
    expect(rejected.data.embeds![0]!.description).toContain('A new wording nobody saved');
    expect((await lookUp(id)).data.embeds![0]!.description).toContain(before.statement.slice(0, 40));
  });
});

describe('/claims verdict', () => {
  const id = 'kyiv-independent-10000-troops';

  it('stores the note: the reply and /claim show it under Note, and the history keeps it as the reason', async () => {
    const note = 'Seoul’s intelligence service gives a lower figure';
    const reply = await claims('verdict', [
      ['id', id],
      ['verdict', 'disputed'],
      ['note', note],
    ]);
    expect(reply.data.content).toBe(`Re-rated \`${id}\`: ⚠️ Unverified → ⚖️ Disputed.`);
    expect(field(reply.data.embeds![0]!, 'Note')).toBe(note);

    const shown = (await lookUp(id)).data.embeds![0]!;
    expect(field(shown, 'Verdict')).toBe('⚖️ Disputed');
    expect(field(shown, 'Note')).toBe(note);
    expect(await historyOf(id)).toContain(`reason: ${note}`);
  });

  it('without a note, keeps the note the claim had', async () => {
    await claims('verdict', [
      ['id', id],
      ['verdict', 'disputed'],
      ['note', 'First look'],
    ]);
    const reply = await claims('verdict', [
      ['id', id],
      ['verdict', 'misleading'],
    ]);
    expect(field(reply.data.embeds![0]!, 'Verdict')).toBe('🟠 Misleading');
    expect(field(reply.data.embeds![0]!, 'Note')).toBe('First look');
  });
});

describe('near-duplicates', () => {
  const hostile = '[Ministry](https://evil.example)';

  it('lists the claims a new one repeats with the claimant’s name escaped, never as a live link', async () => {
    const first = await submit(await claims('add'), {
      ...NEW_CLAIM_FORM,
      claimant: `${hostile}, a ministry`,
      statement: 'The grain export quota doubles in March for wheat and barley',
    });
    expect(first.data.content).toMatch(/^Added claim `/);

    const similar = await submit(await claims('add'), {
      ...NEW_CLAIM_FORM,
      claimant: `${hostile}, a ministry`,
      statement: 'The grain export quota doubles in April for wheat and barley',
    });
    expect(similar.data.content).toMatch(/^This looks like a claim we already have/);
    expect(similar.data.content).toContain('• \\[Ministry\\](https\\://evil.example): The grain export quota doubles in March');
    expect(buttonsOf(similar).map((button) => button.label)).toEqual(['Save anyway', 'Cancel']);

    const same = await submit(await claims('add'), { ...NEW_CLAIM_FORM, statement: 'The grain export quota doubles in March for wheat and barley.' });
    expect(same.data.content).toMatch(
      /^Nothing was saved:\nThis statement is already claim `[a-z0-9-]+`: \\\[Ministry\\\]\(https\\:\/\/evil\.example\): The grain/,
    );
  });
});

describe('the near-duplicate bar', () => {
  /** Words the original statement does not have: each one added makes the rewording a little less alike. */
  const EXTRA_WORDS = 'reportedly during last winter near several border crossings while officials remained silent about numbers involved'.split(' ');

  /** The original reworded with more and more extra words: the last still at or above the bar, and the first below it. */
  function aroundTheBar(original: string) {
    const rewordings = EXTRA_WORDS.map((_, i) => `${original} ${EXTRA_WORDS.slice(0, i + 1).join(' ')}`);
    const below = rewordings.findIndex((statement) => statementSimilarity(original, statement) < NEAR_DUPLICATE);
    expect(below).toBeGreaterThan(0);
    return { above: rewordings[below - 1]!, below: rewordings[below]! };
  }

  it('is the 70 % of words in common the README documents', async () => {
    expect(NEAR_DUPLICATE).toBe(await documentedShare(/very like one the same claimant already has \((\d+) % or more of their words in common\)/));
  });

  it('asks before saving a rewording just above it, and saves one just below it at once', async () => {
    const original = t.store.claim('kyiv-independent-10000-troops')!;
    const { above, below } = aroundTheBar(original.statement);
    const claimant = `${original.claimant.name}, ${original.claimant.description}`;

    const asked = await submit(await claims('add'), { ...NEW_CLAIM_FORM, claimant, statement: above });
    expect(asked.data.content).toMatch(
      /^This looks like a claim we already have \(same claimant, very similar statement\):\n• The Kyiv Independent: North Korea had sent 10,000 troops .* \(`kyiv-independent-10000-troops`\)\n\nSave yours anyway\?$/,
    );
    expect(buttonsOf(asked).map((button) => button.label)).toEqual(['Save anyway', 'Cancel']);

    const saved = await submit(await claims('add'), { ...NEW_CLAIM_FORM, claimant, statement: below });
    expect(saved.data.content).toMatch(/^Added claim `[a-z0-9-]+`\.$/);
  });
});

describe('/claims export format:csv', () => {
  const desk = { id: moderator.userId!, name: 'desk-editor', guildId: NEWSROOM };

  it('quotes a cell holding only a quotation mark, only a comma, or only a line break, and reads back as it was', async () => {
    await t.store.update('zelensky-tehran-too', desk, 'edit', (claim) => ({ ...claim, note: 'He said "no"' }));
    await t.store.update('kyiv-independent-10000-troops', desk, 'edit', (claim) => ({ ...claim, note: 'Kyiv, Ukraine' }));
    await t.store.update('reports-10000-troops-in-russia', desk, 'edit', (claim) => ({ ...claim, note: 'first line\nsecond line' }));

    const reply = await t.discord.reply(await t.discord.slashCommand('claims', subcommand('export', [option('format', 'csv')]), moderator));
    const [file] = reply.files!;
    expect(file!.name).toBe('claims.csv');
    const csv = file!.text;
    const rowOf = (id: string) => csv.slice(csv.indexOf(`\r\n${id},`) + 2).split('\r\n')[0]!;
    expect(rowOf('zelensky-tehran-too')).toContain(',"He said ""no""",');
    expect(rowOf('kyiv-independent-10000-troops')).toContain(',"Kyiv, Ukraine",');
    expect(rowOf('reports-10000-troops-in-russia')).toContain(',"first line\nsecond line",');
    // A cell with none of them is written as it is.
    expect(rowOf('zelensky-tehran-too')).toMatch(/^zelensky-tehran-too,north-korean-troops-in-russia,/);

    const notes = Object.fromEntries((parse(csv, { columns: true }) as Record<string, string>[]).map((row) => [row.id, row.note]));
    expect(notes['zelensky-tehran-too']).toBe('He said "no"');
    expect(notes['kyiv-independent-10000-troops']).toBe('Kyiv, Ukraine');
    expect(notes['reports-10000-troops-in-russia']).toBe('first line\nsecond line');
  });
});
