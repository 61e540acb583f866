import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { QueryError } from '../../src/core/errors.ts';
import { wordsOf } from '../support/errors.ts';
import { ClaimSearch } from '../../src/search/claim-search.ts';
import { typoDistance } from '../../src/search/edits.ts';
import { visibleLength } from '../../src/core/text.ts';
import { terms } from '../../src/search/text.ts';
import { evalText, EXTRA_QUERIES, PUBLIC_QUERIES, readQueries } from '../support/eval-queries.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
const index = new ClaimSearch(claims, stories);
const top = (query: string, limit = 3) => index.search(query, { limit }).map((hit) => hit.claim.id);

describe.each([
  ['the public eval file', PUBLIC_QUERIES],
  ['the extra sloppy queries (tests/fixtures)', EXTRA_QUERIES],
])('%s: a right claim is in the top 3', (_name, file) => {
  it.each(readQueries(file))('$query', ({ query, expected }) => {
    const hits = index.search(query, { limit: 3 });
    expect(
      hits.map((hit) => evalText(hit.claim)).some((text) => expected.test(text)),
      `top 3: ${hits.map((h) => h.claim.id).join(', ')}`,
    ).toBe(true);
  });
});

describe('search', () => {
  it('finds the 10,000-troops claims first for "north korea troops"', () => {
    expect(top('north korea troops', 2).sort()).toEqual(['kyiv-independent-10000-troops', 'reports-10000-troops-in-russia']);
  });

  it.each(['10000 troops', '10k troops', '10 000 troops', '10.000 troops'])('reads numbers however they are written: %s', (query) => {
    expect(top(query, 2).sort()).toEqual(['kyiv-independent-10000-troops', 'reports-10000-troops-in-russia']);
  });

  it.each([
    ['zelenksy coalition', 'zelensky-coalition-of-criminals'],
    ['marupol', 'partisans-mariupol-training'],
    ['isw donetsk', 'isw-donetsk-contingent'],
    ['suspilne liga', 'airborne-brigade-3000-battalion'],
    ['3000', 'airborne-brigade-3000-battalion'],
    ['mobilization', 'isw-putin-prefers-north-korean-personnel'],
    ['kursk reg', 'battalion-kursk-deployment'],
  ])('puts the claim first for the sloppy query "%s"', (query, id) => {
    expect(top(query, 1)).toEqual([id]);
  });

  it('completes the word being typed, but not a finished one', () => {
    expect(top('strategic part', 1)).toEqual(['isw-strategic-partnership']);
    // "kim " is finished: it must not stand for "kim..." completions, only for Kim.
    expect(top('kim ', 5)).toEqual(['zelensky-coalition-of-criminals']);
  });

  it('ranks the same way every time, ties by claim id', () => {
    const first = index.search('north korean', { limit: 15 });
    expect(index.search('north korean', { limit: 15 })).toEqual(first);
    const rebuilt = new ClaimSearch([...claims].reverse(), stories);
    expect(rebuilt.search('north korean', { limit: 15 }).map((hit) => hit.claim.id)).toEqual(first.map((hit) => hit.claim.id));
    for (let i = 1; i < first.length; i++) {
      const [a, b] = [first[i - 1]!, first[i]!];
      expect(a.score > b.score || (a.score === b.score && a.claim.id < b.claim.id)).toBe(true);
    }
  });

  it('scores within 0 and 1, best first, for every eval query in every mode', () => {
    const queries = [...readQueries(PUBLIC_QUERIES), ...readQueries(EXTRA_QUERIES)].map(({ query }) => query);
    for (const query of queries) {
      for (const mode of ['query', 'typing', 'message'] as const) {
        const hits = index.search(query, { limit: 15, mode });
        expect(
          hits.every((hit) => hit.score > 0 && hit.score <= 1),
          `${mode}: ${query}`,
        ).toBe(true);
        expect(
          hits.every((hit, i) => i === 0 || hits[i - 1]!.score >= hit.score),
          `${mode}: ${query}`,
        ).toBe(true);
      }
    }
    // The case: a query word matching the first word of a field once scored 131 %.
    expect(index.search('10k troops', { limit: 1 })[0]!.score).toBeLessThanOrEqual(1);
  });

  it('scores within 0 and 1 for any text at all (random words and characters, fixed seed)', () => {
    const words = [...new Set(claims.flatMap((claim) => claim.statement.split(/\s+/)))];
    const text = fc.oneof(
      fc
        .array(fc.constantFrom(...words, 'the', 'of', '10k', 'zel\u200bensky', '👍🏽', '2.6 million'), { minLength: 1, maxLength: 12 })
        .map((parts) => parts.join(' ')),
      fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('query' as const, 'typing' as const, 'message' as const), (query, mode) => {
        let hits: ReturnType<typeof index.search>;
        try {
          hits = index.search(query, { limit: 10, mode });
        } catch (error) {
          // Only a query with nothing visible in it is refused, and with a sentence that says why.
          expect(error).toBeInstanceOf(QueryError);
          return;
        }
        expect(hits.every((hit) => Number.isFinite(hit.score) && hit.score > 0 && hit.score <= 1)).toBe(true);
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });

  it('returns nothing for words no claim has, and for filler alone', () => {
    expect(index.search('banana smoothie recipe')).toEqual([]);
    expect(index.search('what is it about')).toEqual([]);
  });

  it('finds a word with invisible characters pasted into it, in the query or in the claim', () => {
    expect(top('zel\u200bensky coalition', 1)).toEqual(['zelensky-coalition-of-criminals']);
    expect(top('mari\u00adupol', 1)).toEqual(['partisans-mariupol-training']);
    const kursk = claims.find((c) => c.id === 'battalion-kursk-deployment')!;
    const pasted = new ClaimSearch([{ ...kursk, statement: 'near Bel\u2060go\u200drod\ufeff' }], stories);
    expect(pasted.search('belgorod').map((hit) => hit.claim.id)).toEqual([kursk.id]);
  });

  it('reads word forms with a real stemmer: mobilise, mobilisation, mobilization meet', () => {
    for (const query of ['mobilise', 'mobilisation', 'mobilize']) expect(top(query, 1), query).toEqual(['isw-putin-prefers-north-korean-personnel']);
  });

  it("knows a country by its demonym and its capital, with the country's own name ranking first", () => {
    expect(top('iranian', 1)).toEqual(['zelensky-tehran-regime-support']);
    const [capital, country] = index.search('pyongyang', { limit: 2 });
    expect(capital!.claim.statement).toMatch(/Pyongyang/);
    expect(country!.score).toBeLessThan(capital!.score);
  });

  it('filters by verdict and story in every mode', () => {
    for (const mode of ['query', 'typing', 'message'] as const) {
      expect(index.search('north korean troops in kursk', { mode, verdict: 'false' }), mode).toEqual([]);
      expect(index.search('north korean troops in kursk', { mode, story: 'another-story' }), mode).toEqual([]);
    }
    const edited = claims.map((c) => (c.id === 'partisans-mariupol-training' ? { ...c, verdict: 'false' as const } : c));
    const filtered = new ClaimSearch(edited, stories);
    expect(filtered.search('north korean', { verdict: 'false', limit: 10 }).map((hit) => hit.claim.id)).toEqual(['partisans-mariupol-training']);
    expect(index.search('north korean', { story: 'another-story' })).toEqual([]);
    expect(index.search('kursk', { story: 'north-korean-troops-in-russia' })).toHaveLength(1);
  });

  it('rejects an empty query and one over 200 characters with a clear message', () => {
    expect(wordsOf(() => index.search('   '))).toBe('Type a few words to search for, like "north korea troops".');
    expect(wordsOf(() => index.search('\u200b\u00ad'))).toMatch(/^Type a few words/);
    expect(wordsOf(() => index.search('x'.repeat(201)))).toBe('A search can be at most 200 characters; yours has 201.');
    expect(index.search('x'.repeat(200))).toEqual([]);
  });

  it("counts a query's length in characters as people see them, not UTF-16 units", () => {
    expect(visibleLength('👍🏽é👨‍👩‍👧')).toBe(3);
    expect(index.search('🚀'.repeat(101))).toEqual([]); // 202 UTF-16 units, 101 characters: allowed
    expect(wordsOf(() => index.search('🚀'.repeat(201)))).toBe('A search can be at most 200 characters; yours has 201.');
  });

  it('takes claims in and out one at a time', () => {
    const live = new ClaimSearch(claims, stories);
    const kursk = claims.find((c) => c.id === 'battalion-kursk-deployment')!;
    live.remove(kursk.id);
    expect(live.search('kursk')).toEqual([]);
    live.add({ ...kursk, statement: 'the battalion would likely fight near Belgorod', tags: ['belgorod'] });
    expect(live.search('belgorod').map((hit) => hit.claim.id)).toEqual([kursk.id]);
    expect(live.search('kursk region').map((hit) => hit.claim.id)).not.toContain(kursk.id);
  });
});

describe('terms', () => {
  it('folds case, accents, plurals, possessives and number formats', () => {
    expect(terms('Moscow’s 10,000 TROOPS in Zaporizhzhia, Café')).toEqual(['moscow', '10000', 'troop', 'zaporizhzhia', 'cafe']);
    expect(terms('a 3,000-person “battalion”')).toEqual(['3000', 'person', 'battalion']);
    expect(terms('1,000,000 or 10k')).toEqual(['1000000', '10000']);
  });

  it('keeps stopwords when there is nothing else', () => {
    expect(terms('the')).toEqual(['the']);
  });

  it('writes numbers one way however they are written: digits, words, scales, decimals, percentages', () => {
    expect(terms('ten thousand troops')).toEqual(terms('10,000 troops'));
    expect(terms('2.6 million people')).toEqual(['2600000', ...terms('people')]);
    expect(terms('$14.5B')).toEqual(terms('14.5 billion'));
    expect(terms('seventy percent of the poor')).toEqual(terms('70% of poor'));
    expect(terms('a 2.6 rise')).toContain('2.6');
  });

  it('drops invisible characters: zero-width spaces, joiners, soft hyphens, direction marks, BOMs', () => {
    expect(terms('zel\u200bensky\u00ad \u200dkyiv\u200e\ufeff')).toEqual(terms('zelensky kyiv'));
  });
});

describe('typoDistance', () => {
  it('counts one edit per typo, a swap of neighbours included, and gives up past the limit', () => {
    expect(typoDistance('zelenksy', 'zelensky', 2)).toBe(1);
    expect(typoDistance('marupol', 'mariupol', 2)).toBe(1);
    expect(typoDistance('famliy', 'famili', 2)).toBe(2);
    expect(typoDistance('drone', 'donetsk', 2)).toBeGreaterThan(2);
    expect(typoDistance('a', 'abcdef', 2)).toBeGreaterThan(2);
    expect(typoDistance('kursk', 'kursk', 1)).toBe(0);
  });

  it('does not take a far-off word for a typo: "drones" finds nothing in the first story', () => {
    expect(index.search('drones')).toEqual([]);
    expect(top('noth korea solders', 3)).toContain('zelensky-weapons-and-people');
  });
});
