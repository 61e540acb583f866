import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ellipsis, embedLength, fitChoices, fitReply, LIMITS } from '../../src/views/limits.ts';
import { escapeMarkdown, unescapeMarkdown } from '../../src/views/markdown.ts';
import type { Reply } from '../../src/views/reply.ts';
import { terminalSafe } from '../../src/terminal/terminal-text.ts';
import { hasLoneSurrogate, SEED, userText } from '../support/text-arbitraries.ts';

// endOnFailure: shrinking replies of thousands of characters would take minutes; the failing case is printed as found.
fc.configureGlobal({ seed: SEED, numRuns: 300, endOnFailure: true });

const graphemeEnds = (text: string) =>
  new Set([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(({ index, segment }) => index + segment.length));

describe('ellipsis (property)', () => {
  it('never exceeds the limit, never splits a grapheme, and keeps a start of the text', () => {
    fc.assert(
      fc.property(userText(), fc.integer({ min: 0, max: 320 }), (text, max) => {
        const short = ellipsis(text, max);
        expect(short.length).toBeLessThanOrEqual(Math.max(max, 0));
        if (text.length <= max) expect(short).toBe(text);
        else if (max < 1) expect(short).toBe('');
        else expect(short.endsWith('…')).toBe(true);
        if (text.length <= max || max < 1) return;
        const kept = short.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        if (kept.length > 0) expect(graphemeEnds(text).has(kept.length)).toBe(true);
        if (!hasLoneSurrogate(text)) expect(hasLoneSurrogate(short)).toBe(false);
      }),
    );
  });
});

const field = fc.record({ name: userText(270), value: userText(1100), inline: fc.boolean() });
const embed = fc.record(
  { title: userText(270), description: fc.oneof(userText(300), userText(4200)), footer: userText(2100), fields: fc.array(field, { maxLength: 26 }) },
  { requiredKeys: [] },
);
const reply: fc.Arbitrary<Reply> = fc.record(
  { content: fc.oneof(userText(300), userText(2100)), embeds: fc.array(embed, { maxLength: 11 }), ephemeral: fc.boolean() },
  { requiredKeys: [] },
);

describe('fitReply (property)', () => {
  it('keeps every text of any reply within Discord’s limits, without half characters', () => {
    fc.assert(
      fc.property(reply, (original) => {
        const fitted = fitReply(original);
        const texts: string[] = [];
        if (fitted.content !== undefined) texts.push(fitted.content);
        expect(fitted.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
        expect(fitted.embeds?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
        for (const e of fitted.embeds ?? []) {
          expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
          expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
          expect(e.footer?.length ?? 0).toBeLessThanOrEqual(LIMITS.footerText);
          expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
          for (const f of e.fields ?? []) {
            expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
            expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
            texts.push(f.name, f.value);
          }
          texts.push(e.title ?? '', e.description ?? '', e.footer ?? '');
        }
        expect((fitted.embeds ?? []).reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
        const allOriginal = JSON.stringify(original);
        if (!hasLoneSurrogate(allOriginal)) expect(texts.filter(hasLoneSurrogate)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps autocomplete choices within 25, and names and values within 100', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: userText(150), value: userText(150) }), { maxLength: 40 }), (choices) => {
        const fitted = fitChoices(choices);
        expect(fitted.length).toBeLessThanOrEqual(LIMITS.choices);
        for (const choice of fitted) {
          expect(choice.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
          expect(choice.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
        }
      }),
    );
  });
});

describe('markdown and terminal text (property)', () => {
  it('unescaping gives back exactly the text that was escaped', () => {
    fc.assert(
      fc.property(userText(), (text) => {
        expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
      }),
    );
  });

  it('leaves no live link and no unescaped markup character in escaped text', () => {
    fc.assert(
      fc.property(userText(), (text) => {
        const escaped = escapeMarkdown(text);
        // Without its escape pairs, the text must hold no markup character and no "://"…
        expect(escaped.replace(/\\[\s\S]/g, '')).not.toMatch(/[*_~`|[\]\\]|:\/\//);
        // …and no line may start as a heading, list or quote.
        expect(escaped).not.toMatch(/^ *(#{1,3} |-# |- |\d+\. |>)/m);
      }),
    );
  });

  it('lets no control character or bidi override through to a terminal', () => {
    fc.assert(
      fc.property(userText(), (text) => {
        expect(terminalSafe(text)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});
