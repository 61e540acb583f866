import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/dataset.ts';
import { UserError } from '../src/errors.ts';
import { ClaimSearch } from '../src/search/claim-search.ts';
import { terms } from '../src/search/text.ts';
import { evalText, EXTRA_QUERIES, PUBLIC_QUERIES, readQueries } from './support/eval-queries.ts';
import { SHIPPED_CLAIMS } from './support/files.ts';

const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
const index = new ClaimSearch(claims, stories);
const top = (query: string, limit = 3) => index.search(query, { limit }).map((hit) => hit.claim.id);

describe.each([
  ['the public eval file', PUBLIC_QUERIES],
  ['the extra sloppy queries (tests/fixtures)', EXTRA_QUERIES],
])('%s: a right claim is in the top 3', (_name, file) => {
  it.each(readQueries(file))('$query', ({ query, expected }) => {
    const hits = index.search(query, { limit: 3 });
    expect(hits.map((hit) => evalText(hit.claim)).some((text) => expected.test(text)), `top 3: ${hits.map((h) => h.claim.id).join(', ')}`).toBe(true);
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

  it('scores within 0 and 1, best first', () => {
    const hits = index.search('coalition of criminals', { limit: 10 });
    expect(hits[0]!.claim.id).toBe('zelensky-coalition-of-criminals');
    expect(hits.every((hit) => hit.score > 0 && hit.score <= 1)).toBe(true);
  });

  it('returns nothing for words no claim has', () => {
    expect(index.search('banana smoothie recipe')).toEqual([]);
  });

  it('filters by verdict and story', () => {
    const edited = claims.map((c) => (c.id === 'partisans-mariupol-training' ? { ...c, verdict: 'false' as const } : c));
    const filtered = new ClaimSearch(edited, stories);
    expect(filtered.search('north korean', { verdict: 'false', limit: 10 }).map((hit) => hit.claim.id)).toEqual(['partisans-mariupol-training']);
    expect(index.search('north korean', { story: 'another-story' })).toEqual([]);
    expect(index.search('kursk', { story: 'north-korean-troops-in-russia' })).toHaveLength(1);
  });

  it('rejects an empty query and one over 200 characters with a clear message', () => {
    expect(() => index.search('   ')).toThrow(UserError);
    expect(() => index.search('   ')).toThrow(/Type a few words/);
    expect(() => index.search('x'.repeat(201))).toThrow('A search can be at most 200 characters; yours has 201.');
    expect(() => index.search('x'.repeat(200))).not.toThrow();
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
});
