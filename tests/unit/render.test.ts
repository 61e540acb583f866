import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { ellipsis, embedLength, fitChoices, fitReply, LIMITS } from '../../src/views/limits.ts';
import { renderClaimReply, renderNoMatch } from '../../src/views/claim-view.ts';
import { escapeMarkdown, linkTarget, unescapeMarkdown } from '../../src/views/markdown.ts';
import { replyToText, terminalSafe } from '../../src/terminal/terminal-text.ts';
import type { Claim } from '../../src/core/schema.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
const claim = (id: string) => claims.find((c) => c.id === id)!;
const story = stories[0];

describe('renderClaimReply', () => {
  it('quotes a verbatim statement in quotation marks, inside a blockquote', () => {
    const [embed] = renderClaimReply(claim('zelensky-tehran-regime-support'), story).embeds!;
    expect(embed!.description).toBe('> “Everyone sees his regime’s support for Putin.”');
    expect(embed!.title).toBe('Volodymyr Zelensky, Ukrainian President');
  });

  it('shows a reported statement without quotation marks, and the flags and attribution in words', () => {
    const [embed] = renderClaimReply(claim('airborne-brigade-3000-battalion'), story).embeds!;
    expect(embed!.description).toBe('> Russia’s 11th Airborne Brigade is forming a 3,000-person “battalion” made up of North Korean citizens');
    expect(embed!.fields).toEqual(
      expect.arrayContaining([
        { name: 'Verdict', value: '⚠️ Unverified', inline: true },
        { name: 'Sourcing', value: '🕶️ anonymous source\n🔁 secondhand: citing anonymous military intelligence sources', inline: true },
        { name: 'Attribution', value: 'Suspilne and Liga, citing anonymous military intelligence sources · reported by Euronews' },
        { name: 'Story', value: 'North Korean troops in Russia' },
      ]),
    );
    expect(embed!.footer).toBe('claim airborne-brigade-3000-battalion · updated 2026-11-25');
  });

  it('links the outlet and gives the date when the report has them', () => {
    const linked: Claim = {
      ...claim('battalion-kursk-deployment'),
      attribution: { reportedBy: { outlet: 'Euronews', url: 'https://example.org/a', date: '2024-10-16' } },
    };
    const [embed] = renderClaimReply(linked, story).embeds!;
    expect(embed!.fields).toContainEqual({ name: 'Attribution', value: 'reported by [Euronews](https://example.org/a) on 2024-10-16' });
    expect(embed!.fields).toContainEqual({ name: 'Sourcing', value: expect.stringContaining('🚫 Euronews could not verify it'), inline: true });
  });

  it('links an outlet whose URL holds parentheses without letting them end the link early', () => {
    const linked: Claim = {
      ...claim('battalion-kursk-deployment'),
      attribution: { reportedBy: { outlet: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Kursk_(city)' } },
    };
    const [embed] = renderClaimReply(linked, story).embeds!;
    expect(embed!.fields).toContainEqual({ name: 'Attribution', value: 'reported by [Wikipedia](https://en.wikipedia.org/wiki/Kursk_%28city%29)' });
    // A backslash would escape the character after it: it is percent-encoded too, as a browser would send it.
    expect(linkTarget('https://e.example/a\\b(c)')).toBe('https://e.example/a%5Cb%28c%29');
    expect(linkTarget('https://e.example/plain?q=1#x')).toBe('https://e.example/plain?q=1#x');
  });

  it('lists up to the other matches under the top claim, one line each', () => {
    const [embed] = renderClaimReply(claim('kyiv-independent-10000-troops'), story, [claim('reports-10000-troops-in-russia')]).embeds!;
    expect(embed!.fields!.at(-1)).toEqual({
      name: 'Other matches',
      value: '• Some reports: 10,000 North Korean troops are in Russia to support Moscow’s war effort (`reports-10000-troops-in-russia`)',
    });
  });

  it('says so when nothing matches, offers the closest claims, and how to add one', () => {
    const reply = renderNoMatch('kim jong un birthday', [claim('zelensky-coalition-of-criminals')]);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^No claim matches “kim jong un birthday”\.\n\nClosest claims:\n• Volodymyr Zelensky: “In the coalition/);
    expect(reply.content).toContain('Press Ask the desk');
  });

  it('escapes markdown in claim text', () => {
    const [embed] = renderClaimReply({ ...claim('zelensky-tehran-too'), statement: 'a *bold* claim_with `code`' }, story).embeds!;
    expect(embed!.description).toBe('> a \\*bold\\* claim\\_with \\`code\\`');
  });

  it('keeps links, masked links, headings and lists in claim text and claimant as plain text', () => {
    const hostile: Claim = {
      ...claim('zelensky-tehran-too'),
      statement: '# Breaking\n- see [this](https://evil.example) or <https://evil.example>\n1. then -# small\n> quoted',
      claimant: { name: '[Official](https://evil.example)', description: '## Ministry' },
      context: '### context',
    };
    const [embed] = renderClaimReply(hostile, story).embeds!;
    expect(embed!.description).toBe(
      '> \\# Breaking\n> \\- see \\[this\\](https\\://evil.example) or <https\\://evil.example>\n> 1\\. then -# small\n> \\> quoted',
    );
    expect(embed!.title).toBe('\\[Official\\](https\\://evil.example), ## Ministry');
    expect(embed!.fields).toContainEqual({ name: 'Context', value: '\\### context' });
  });

  it('echoes a query in the no-match reply as text, never as a link or heading', () => {
    const reply = renderNoMatch('[x](https://evil.example) # hi', []);
    expect(reply.content).toMatch(/^No claim matches “\\\[x\\\]\(https\\:\/\/evil\.example\) # hi”\./);
  });

  it('keeps a line starting with a number of several digits and a full stop from becoming a numbered list', () => {
    expect(escapeMarkdown('12. troops\n  2024. year')).toBe('12\\. troops\n  2024\\. year');
  });

  it('escapes every character so that unescaping gives the text back exactly', () => {
    const text = 'a\\b *c* _d_ ~~e~~ `f` ||g|| [h](i) https://j\n# k\n-# l\n- m\n12. n\n> o \\\\ p';
    expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
  });
});

describe('replies in a terminal', () => {
  it('show claim text without markdown escapes', () => {
    const text = replyToText(renderClaimReply({ ...claim('zelensky-tehran-too'), statement: 'snake_case and *stars* [x](https://e.example)' }, story));
    expect(text).toContain('> snake_case and *stars* [x](https://e.example)\n');
  });

  it('show control characters and bidi overrides as symbols, keeping newlines and tabs', () => {
    expect(terminalSafe('a\u001b[31mred\u0007\r\n\tb\u202Ec\u009b')).toBe('a␛[31mred␇␍\n\tb<U+202E>c<U+009B>');
    expect(replyToText(renderNoMatch('x\u001b[2J', []))).toContain('“x␛[2J”');
  });
});

describe('Discord limits', () => {
  it('never cuts an emoji, a flag or an accented letter in half', () => {
    expect(ellipsis('ab🙂🙂', 4)).toBe('ab…');
    expect(ellipsis('🇺🇦🇺🇦🇺🇦', 6)).toBe('🇺🇦…');
    expect(ellipsis('👩🏽‍🚀👩🏽‍🚀', 8)).toBe('👩🏽‍🚀…');
    expect(ellipsis('👩🏽‍🚀👩🏽‍🚀', 7)).toBe('…');
    expect(ellipsis('e\u0301e\u0301e\u0301', 4)).toBe('e\u0301…');
    expect(fitChoices([{ name: 'x', value: `${'a'.repeat(99)}🙂` }])[0]!.value).toBe('a'.repeat(99));
  });

  it('drops a trailing half of a markdown escape when shortening', () => {
    expect(ellipsis('abc \\* def', 6)).toBe('abc…');
  });

  it('shares the 6000 characters among all embeds of a message', () => {
    const big = { title: 't', description: 'd'.repeat(4000), fields: [{ name: 'n', value: 'v'.repeat(1000) }] };
    const { embeds } = fitReply({ embeds: [big, big, big] });
    expect(embeds!.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embeds![0]).toEqual(big);
  });

  it('shortens at a word boundary with an ellipsis', () => {
    expect(ellipsis('North Korean troops are in Russia', 20)).toBe('North Korean troops…');
    expect(ellipsis('short', 20)).toBe('short');
    expect(ellipsis('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('fits an oversized claim into every embed limit instead of letting Discord reject it', () => {
    const huge: Claim = { ...claim('zelensky-tehran-too'), statement: 'word '.repeat(800).trim(), context: 'context '.repeat(300), note: 'note '.repeat(300) };
    const others = Array.from({ length: 30 }, () => huge);
    const reply = fitReply(renderClaimReply(huge, story, others));
    const [embed] = reply.embeds!;
    expect(embed!.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed!.description!.endsWith('…')).toBe(true);
    expect(embed!.fields!.every((field) => field.value.length <= LIMITS.fieldValue && field.name.length <= LIMITS.fieldName)).toBe(true);
    expect(embedLength(embed!)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(fitReply({ content: 'y '.repeat(3000) }).content!.length).toBeLessThanOrEqual(LIMITS.content);
  });
});
