import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, messageEmbedsLength, messageLimitProblems } from '../../src/views/limits.ts';
import { DatasetSchema, VERDICTS, type Claim } from '../../src/core/schema.ts';
import { pageHash, stampPage, summaryEntry, summaryPages, verdictCounts } from '../../src/summary/summary-view.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { GENERATED_STORY, generatedClaims } from '../support/summary.ts';

const shipped = DatasetSchema.parse(JSON.parse(readFileSync(SHIPPED_CLAIMS, 'utf8')));
const [story] = shipped.stories;
const AT = new Date('2026-12-02T05:01:30Z');
const text = (embeds: { description?: string }[]) => embeds.map((embed) => embed.description ?? '').join('\n');
const idsIn = (description: string) => [...description.matchAll(/· `([a-z0-9-]+)`\n/g)].map((m) => m[1]);

describe('a story summary', () => {
  it('shows the title, the source, the counts by verdict, and one entry per claim, oldest first', () => {
    const pages = summaryPages(story!, shipped.claims);
    expect(pages).toHaveLength(1);
    const [embed] = stampPage(pages[0]!, AT);
    expect(embed!.title).toBe('North Korean troops in Russia');
    expect(embed!.description).toMatch(/^Source: Euronews\n\*\*15 claims · 15 unverified\*\*\n\*\*1\.\*\* ⚠️ Unverified · \*\*/);
    const expectedOrder = shipped.claims.toSorted((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((claim) => claim.id);
    expect(idsIn(embed!.description!)).toEqual(expectedOrder);
    expect(embed!.footer).toBe('15 claims in all · updated 2026-12-02 05:01 UTC');
  });

  it('links the title to the article and names its outlet, title and date, however long its URL', () => {
    const url = `https://news.example/${'a'.repeat(5000)}`;
    const [page] = summaryPages({ ...story!, source: { outlet: 'Euronews', url, title: 'Troops *in* Russia', date: '2026-11-25' } }, shipped.claims);
    expect(page!.embeds[0]).toMatchObject({ title: 'North Korean troops in Russia', url });
    expect(page!.embeds[0]!.description).toMatch(/^Source: Euronews · “Troops \\\*in\\\* Russia” · 2026-11-25\n/);
    expect(messageLimitProblems(stampPage(page!, AT))).toEqual([]);
  });

  it('shows a claim’s claimant, a short quote in quotation marks, its verdict badge, its flags and its id', () => {
    const claim = shipped.claims.find((c) => c.id === 'kyiv-independent-10000-troops')!;
    expect(summaryEntry({ ...claim, verdict: 'disputed' }, 8)).toBe(
      '**8.** ⚖️ Disputed · **The Kyiv Independent** · `kyiv-independent-10000-troops`\n' +
        'North Korea had sent 10,000 troops to Russia to support its war efforts against Ukraine — 🕶️ anonymous source · 🔁 secondhand: citing Western sources',
    );
    const long = shipped.claims.find((c) => c.id === 'zelensky-coalition-of-criminals')!;
    expect(summaryEntry(long, 1).split('\n')[1]).toMatch(/^“In the coalition of criminals.*…” — 🎯 interested party$/);
  });

  it('counts claims by verdict, in the order of the verdicts', () => {
    const claims = shipped.claims.map((claim, i): Claim => (i < 2 ? { ...claim, verdict: i === 0 ? 'false' : 'disputed' } : claim));
    expect(verdictCounts(claims)).toBe('15 claims · 13 unverified · 1 false · 1 disputed');
    expect(verdictCounts([])).toBe('0 claims');
  });

  it('escapes markdown in claim text, so a quote with stars stays a quote', () => {
    const claim = { ...shipped.claims[0]!, claimant: { name: '*Bold* _name_' }, statement: 'a **starred** claim', quote: false };
    expect(summaryEntry(claim, 1)).toContain('**\\*Bold\\* \\_name\\_**');
    expect(summaryEntry(claim, 1)).toContain('a \\*\\*starred\\*\\* claim');
  });
});

describe('a story of 300 claims', () => {
  const claims = generatedClaims(300);
  const pages = summaryPages(GENERATED_STORY, claims).map((page) => stampPage(page, AT));

  it('is split into messages that each keep within every Discord limit', () => {
    expect(pages.length).toBeGreaterThan(1);
    for (const embeds of pages) {
      expect(messageLimitProblems(embeds)).toEqual([]);
      expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
      expect(messageEmbedsLength(embeds)).toBeLessThanOrEqual(6000);
      for (const embed of embeds) expect(embed.description!.length).toBeLessThanOrEqual(4096);
    }
  });

  it('loses no claim: every id once, numbered 1 to 300 in order, and the last message says how many there are', () => {
    const all = pages.map(text).join('\n');
    expect(idsIn(all)).toEqual(claims.map((claim) => claim.id));
    expect([...all.matchAll(/^\*\*(\d+)\.\*\* /gm)].map((m) => Number(m[1]))).toEqual(claims.map((_, i) => i + 1));
    expect(pages.at(-1)!.at(-1)!.footer).toMatch(/^claims \d+–300 · 300 claims in all · updated /);
    pages.slice(0, -1).forEach((embeds) => expect(embeds.at(-1)!.footer).toMatch(/^claims \d+–\d+ · continued in the next message · updated /));
    expect(pages.slice(1).every((embeds) => embeds[0]!.title === 'A generated story with many claims (continued)')).toBe(true);
  });

  it('ends a shortened statement visibly, with its id there to look it up in full', () => {
    const entry = pages
      .map(text)
      .join('\n')
      .split('\n**')
      .find((line) => line.includes('`generated-claim-8`'))!;
    expect(claims[7]!.statement.length).toBeGreaterThan(3000);
    const shown = entry.split('\n')[1]!;
    expect(shown).toMatch(/^Statement 8: [a-z ]+…$/);
    expect(shown.length).toBeLessThanOrEqual(140);
  });

  it('changes only the first message (its counts) and the last when a claim is added, as entries are oldest first', () => {
    const before = summaryPages(GENERATED_STORY, claims).map(pageHash);
    const after = summaryPages(GENERATED_STORY, [...claims, ...generatedClaims(301).slice(300)]).map(pageHash);
    expect(after.slice(1, -1)).toEqual(before.slice(1, -1));
    expect(after[0]).not.toBe(before[0]);
    expect(after.at(-1)).not.toBe(before.at(-1));
  });
});

describe('page hashes', () => {
  it('ignore the time, and change when what the page shows changes', () => {
    const [page] = summaryPages(story!, shipped.claims);
    expect(pageHash(page!)).toBe(pageHash(summaryPages(story!, shipped.claims)[0]!));
    const rerated = shipped.claims.map((claim) => (claim.id === 'zelensky-tehran-too' ? { ...claim, verdict: 'false' as const } : claim));
    expect(pageHash(summaryPages(story!, rerated)[0]!)).not.toBe(pageHash(page!));
  });
});

describe('any story', () => {
  it('keeps every message within Discord’s limits and every claim in it, whatever the lengths of its texts', () => {
    const claimText = (max: number) => fc.string({ unit: fc.constantFrom('a', ' ', '*', '_', '`', '\\', 'é', '\n'), minLength: 1, maxLength: max });
    const template = generatedClaims(1)[0]!;
    const claimArbitrary = fc.record({
      statement: claimText(4000),
      name: claimText(200),
      citing: fc.option(claimText(300), { nil: undefined }),
      verdict: fc.constantFrom(...VERDICTS),
      secondhand: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(claimArbitrary, { maxLength: 120 }), (drawn) => {
        const claims = drawn.map(
          (d, i): Claim => ({
            ...template,
            id: `c-${i}`,
            statement: d.statement,
            claimant: { name: d.name },
            attribution: { citing: d.citing, reportedBy: { outlet: 'Outlet' } },
            verdict: d.verdict,
            flags: d.secondhand && d.citing ? ['secondhand', 'outlet-unverified'] : [],
          }),
        );
        const sent = summaryPages(GENERATED_STORY, claims).map((page) => stampPage(page, AT));
        for (const embeds of sent) expect(messageLimitProblems(embeds)).toEqual([]);
        expect(idsIn(sent.map(text).join('\n'))).toEqual(claims.map((claim) => claim.id));
      }),
      { numRuns: 60 },
    );
  });
});
