import { describe, expect, it } from 'vitest';
import { ellipsis, embedLength, fitChoices, fitModal, fitReply, LIMITS, messageLimitProblems } from '../../src/views/limits.ts';
import type { ModalForm, ReplyEmbed } from '../../src/views/reply.ts';

// The property tests (limits.property.test.ts) say nothing is ever over a limit; these say what is kept: a reply is
// shortened only as far as Discord needs, from the places a reader misses least.

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i % 10}`).join(' ');

describe('ellipsis', () => {
  it('keeps a text that fits, to the last character', () => {
    expect(ellipsis('a'.repeat(100), 100)).toBe('a'.repeat(100));
  });

  it('cuts at the last space when it is near the end, and drops the punctuation before the ellipsis', () => {
    expect(ellipsis('Pyongyang entered the warwarwarwarwarwar', 30)).toBe('Pyongyang entered the…');
    expect(ellipsis('North Korean troops, in Kursk', 22)).toBe('North Korean troops…');
  });

  it('cuts inside a word when the last space is far back (under 60 % of the limit)', () => {
    expect(ellipsis('abcde fghijklmnop', 10)).toBe('abcde fgh…');
    expect(ellipsis('abcdef ghijklmnop', 10)).toBe('abcdef…');
  });

  it('keeps the whole last word when the cut falls just before a space', () => {
    expect(ellipsis('troops entered Kursk region', 15)).toBe('troops entered…');
  });

  it('drops every punctuation mark and space the cut leaves at the end, not only the last', () => {
    expect(ellipsis('Kursk, Belgorod.. and Bryansk', 20)).toBe('Kursk, Belgorod…');
  });

  it('never leaves half of a markdown escape before the ellipsis', () => {
    expect(ellipsis('abcdefgh\\*ijk', 10)).toBe('abcdefgh…');
  });

  it('gives nothing for a limit under one character', () => {
    expect(ellipsis('abc', 0)).toBe('');
  });

  it('gives only the ellipsis for a limit of one', () => {
    expect(ellipsis('abc', 1)).toBe('…');
  });
});

describe('fitReply', () => {
  it('keeps content of exactly 2,000 characters and shortens 2,001 to within the limit', () => {
    expect(fitReply({ content: 'x'.repeat(LIMITS.content) }).content).toBe('x'.repeat(LIMITS.content));
    const fitted = fitReply({ content: 'x'.repeat(LIMITS.content + 1) }).content!;
    expect(fitted).toBe(`${'x'.repeat(LIMITS.content - 1)}…`);
  });

  it('shares the 6,000 characters across a message’s embeds: each gets what the ones before it left', () => {
    const first: ReplyEmbed = { description: 'a'.repeat(4000) };
    const second: ReplyEmbed = { description: 'b'.repeat(3000) };
    const fitted = fitReply({ embeds: [first, second] }).embeds!;
    expect(fitted[0]).toEqual({ description: 'a'.repeat(4000), fields: [] });
    expect(fitted[1]!.description).toBe(`${'b'.repeat(1999)}…`);
    expect(fitted.reduce((sum, embed) => sum + embedLength(embed), 0)).toBe(LIMITS.embedTotal);
  });

  it('leaves out an embed for which nothing is left, and the ones after it', () => {
    const full: ReplyEmbed = {
      description: 'a'.repeat(4000),
      fields: [
        { name: 'n', value: 'v'.repeat(1000) },
        { name: 'm', value: 'w'.repeat(998) },
      ],
    };
    expect(embedLength(full)).toBe(LIMITS.embedTotal);
    const fitted = fitReply({ embeds: [full, { title: 'second' }, { title: 'third' }] }).embeds!;
    expect(fitted).toHaveLength(1);
    expect(fitted[0]!.fields).toHaveLength(2);
  });

  it('keeps what has no limit as it is: an embed’s link and colour, a field’s layout, an empty title at the full 6,000', () => {
    const embed: ReplyEmbed = { title: '', url: 'https://www.euronews.com/', color: 0xe67e22, description: 'd'.repeat(4096), footer: 'f'.repeat(1904) };
    expect(fitReply({ embeds: [embed] }).embeds).toEqual([{ ...embed, fields: [] }]);
  });

  it('keeps at most 10 embeds and 25 fields, the first ones', () => {
    const embeds = Array.from({ length: 12 }, (_, i) => ({ title: `embed ${i}` }));
    expect(fitReply({ embeds }).embeds!.map((embed) => embed.title)).toEqual(embeds.slice(0, 10).map((embed) => embed.title));
    const fields = Array.from({ length: 27 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    expect(fitReply({ embeds: [{ fields }] }).embeds![0]!.fields!.map((field) => field.name)).toEqual(fields.slice(0, 25).map((field) => field.name));
  });

  it('shortens each text of an embed to its own limit', () => {
    const [fitted] = fitReply({
      embeds: [{ title: 't'.repeat(300), footer: 'f'.repeat(100), fields: [{ name: 'n'.repeat(300), value: 'v'.repeat(1100), inline: true }] }],
    }).embeds!;
    expect(fitted).toEqual({
      title: `${'t'.repeat(LIMITS.embedTitle - 1)}…`,
      footer: 'f'.repeat(100),
      fields: [{ name: `${'n'.repeat(LIMITS.fieldName - 1)}…`, value: `${'v'.repeat(LIMITS.fieldValue - 1)}…`, inline: true }],
    });
  });

  it('over the 6,000, drops fields from the end first, then shortens the description, the footer and the title', () => {
    const fields = Array.from({ length: 6 }, (_, i) => ({ name: `field ${i}`, value: `${i}`.repeat(1000) }));
    const [fewerFields] = fitReply({ embeds: [{ title: 'Title', description: 'd'.repeat(1000), fields }] }).embeds!;
    expect(fewerFields!.fields!.map((field) => field.name)).toEqual(['field 0', 'field 1', 'field 2', 'field 3']);
    expect(fewerFields!.description).toBe('d'.repeat(1000));

    const [shorter] = fitReply({ embeds: [{ title: 'Title', description: 'd'.repeat(4096), footer: 'f'.repeat(2048) }] }).embeds!;
    expect(shorter!.title).toBe('Title');
    expect(shorter!.footer).toBe('f'.repeat(2048));
    expect(shorter!.description).toBe(`${'d'.repeat(LIMITS.embedTotal - 2048 - 5 - 1)}…`);
    expect(embedLength(shorter!)).toBe(LIMITS.embedTotal);
  });

  it('shortens the footer when the description is gone, then the title', () => {
    const [fitted] = fitReply({
      embeds: [
        { title: 't'.repeat(256), footer: 'f'.repeat(2048) },
        { title: 'T'.repeat(256), footer: 'F'.repeat(2048) },
        { title: 'x'.repeat(256), footer: 'y'.repeat(2048) },
      ],
    }).embeds!.slice(2);
    expect(fitted!.title).toBe('x'.repeat(256));
    expect(fitted!.footer).toBe(`${'y'.repeat(6000 - 2 * 2304 - 256 - 1)}…`);
    const [titleOnly] = fitReply({
      embeds: [{ description: 'd'.repeat(4096) }, { description: 'e'.repeat(1894) }, { title: 'abcdefghij klmnop', footer: 'f' }],
    }).embeds!.slice(2);
    expect(titleOnly).toEqual({ title: 'abcdefghi…', fields: [] });
  });

  it('attaches files up to 10 MB, and says which file is larger instead of dropping it silently', () => {
    const small = { name: 'claims.csv', content: 'id\n1\n' };
    const large = { name: 'claims.json', content: 'x'.repeat(LIMITS.attachmentBytes + 1) };
    const fitted = fitReply({ content: 'Your export:', files: [small, large] });
    expect(fitted.files).toEqual([small]);
    expect(fitted.content).toBe('Your export:\nclaims.json is larger than Discord allows (11 MB); use `claimbot export` on the server.');
    const exact = { name: 'exact.json', content: 'x'.repeat(LIMITS.attachmentBytes) };
    expect(fitReply({ files: [exact] })).toEqual({ files: [exact] });
  });

  it('names every file that is too large, one line each, even in a reply that had no text', () => {
    const large = (name: string) => ({ name, content: 'x'.repeat(LIMITS.attachmentBytes + 1) });
    expect(fitReply({ files: [large('claims.json'), large('claims.csv')] })).toEqual({
      files: [],
      content:
        'claims.json is larger than Discord allows (11 MB); use `claimbot export` on the server.\n' +
        'claims.csv is larger than Discord allows (11 MB); use `claimbot export` on the server.',
    });
  });

  it('keeps what it does not fit as it was: who sees the reply, whether it replaces a message, its form', () => {
    const form: ModalForm = { id: 'claims:add', title: 'Add a claim', inputs: [] };
    expect(fitReply({ content: 'Saved.', ephemeral: true, update: true, modal: form })).toEqual({
      content: 'Saved.',
      ephemeral: true,
      update: true,
      modal: form,
    });
  });

  it('keeps at most five buttons, their labels within 80 characters', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({
      id: `claims:b:${i}`,
      label: i === 0 ? 'L'.repeat(90) : `Button ${i}`,
      style: 'secondary' as const,
    }));
    const fitted = fitReply({ buttons }).buttons!;
    expect(fitted.map((button) => button.id)).toEqual(buttons.slice(0, 5).map((button) => button.id));
    expect(fitted[0]!.label).toBe(`${'L'.repeat(79)}…`);
    expect(fitted[1]!.label).toBe('Button 1');
  });
});

describe('fitModal', () => {
  const text = (id: string, extra: Partial<Extract<ModalForm['inputs'][number], { kind: 'text' }>> = {}) =>
    ({ kind: 'text', id, label: id, required: true, long: false, maxLength: 200, ...extra }) as const;

  it('keeps title, labels, descriptions and placeholders within their limits, and at most five inputs', () => {
    const form: ModalForm = {
      id: 'claims:add',
      title: 'T'.repeat(50),
      inputs: [
        text('a', { label: 'L'.repeat(50), description: 'D'.repeat(120), placeholder: 'P'.repeat(120) }),
        text('b'),
        text('c'),
        text('d'),
        text('e'),
        text('f'),
      ],
    };
    const fitted = fitModal(form);
    expect(fitted.id).toBe('claims:add');
    expect(fitted.title).toBe(`${'T'.repeat(44)}…`);
    expect(fitted.inputs.map((input) => input.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fitted.inputs[0]).toMatchObject({ label: `${'L'.repeat(44)}…`, description: `${'D'.repeat(99)}…`, placeholder: `${'P'.repeat(99)}…` });
    expect(fitted.inputs[1]).toEqual({ ...text('b'), description: undefined, placeholder: undefined, value: undefined });
  });

  it('never shortens a prefilled value: one within the field’s maximum is kept whole, a longer one is left out', () => {
    const [kept, atMost, tooLong] = fitModal({
      id: 'claims:edit',
      title: 'Edit',
      inputs: [
        text('kept', { value: 'v'.repeat(200) }),
        text('capped', { maxLength: 9000, value: 's'.repeat(4000) }),
        text('long', { value: 'v'.repeat(201) }),
      ],
    }).inputs;
    expect(kept).toMatchObject({ value: 'v'.repeat(200), maxLength: 200 });
    expect(atMost).toMatchObject({ value: 's'.repeat(4000), maxLength: LIMITS.textInputValue });
    expect(tooLong).toMatchObject({ value: undefined, maxLength: 200 });
  });

  it('keeps at most 25 options of a select, each name within 100 characters and its value whole', () => {
    const options = Array.from({ length: 27 }, (_, i) => ({ name: i === 0 ? 'N'.repeat(120) : `option ${i}`, value: `value-${i}-${'x'.repeat(110)}` }));
    const [select] = fitModal({
      id: 'claims:flags',
      title: 'Flags',
      inputs: [{ kind: 'select', id: 'flags', label: 'Flags', description: 'D'.repeat(101), options, selected: [], maxValues: 3 }],
    }).inputs;
    if (select?.kind !== 'select') throw new Error('expected a select');
    expect(select.options).toHaveLength(25);
    expect(select.options[0]).toEqual({ name: `${'N'.repeat(99)}…`, value: options[0]!.value });
    expect(select.options[24]).toEqual(options[24]);
    expect(select.description).toBe(`${'D'.repeat(99)}…`);
  });
});

describe('fitChoices', () => {
  it('keeps the first 25 choices; a name gets an ellipsis, a value is cut whole graphemes only and never gets one', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ name: `${words(30)} ${i}`, value: `${'v'.repeat(99)}👍🏽${i}` }));
    const fitted = fitChoices(choices);
    expect(fitted).toHaveLength(25);
    expect(fitted[0]!.name).toBe(ellipsis(choices[0]!.name, 100));
    expect(fitted[0]!.name.endsWith('…')).toBe(true);
    expect(fitted[0]!.value).toBe('v'.repeat(99));
    expect(fitted[24]!.name.startsWith('word0 word1')).toBe(true);
    expect(fitChoices([{ name: 'short', value: 'kept' }])).toEqual([{ name: 'short', value: 'kept' }]);
  });
});

describe('messageLimitProblems', () => {
  it('finds nothing in a message that fits, even at every limit', () => {
    expect(messageLimitProblems([{ title: 't'.repeat(256), description: 'd'.repeat(4096), footer: 'f'.repeat(1648), fields: [] }])).toEqual([]);
    const fields = Array.from({ length: 25 }, () => ({ name: 'n', value: 'v' }));
    expect(messageLimitProblems([{ footer: 'f'.repeat(2048), fields }, ...Array.from({ length: 9 }, () => ({ title: 'x' }))])).toEqual([]);
  });

  it('names each limit a message breaks, with the figures', () => {
    const fields = Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' }));
    expect(
      messageLimitProblems([
        { title: 't'.repeat(257), description: 'd'.repeat(4097), footer: 'f'.repeat(2049), fields },
        ...Array.from({ length: 10 }, () => ({ title: 'x' })),
      ]),
    ).toEqual([
      '11 embeds (at most 10)',
      '6465 characters across embeds (at most 6000)',
      'embed 1: title of 257 characters (at most 256)',
      'embed 1: description of 4097 characters (at most 4096)',
      'embed 1: footer of 2049 characters (at most 2048)',
      'embed 1: 26 fields',
    ]);
  });
});
