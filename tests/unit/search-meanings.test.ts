import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { ClaimSearch } from '../../src/search/claim-search.ts';
import { relatedWords } from '../../src/search/meanings.ts';
import { warmUp } from '../../src/search/warm-up.ts';
import type { Claim } from '../../src/core/schema.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
const template = claims[0]!;
const claim = (id: string, statement: string, name = 'A Politician'): Claim => ({
  ...template,
  id,
  statement,
  claimant: { name },
  tags: [],
  context: undefined,
  note: undefined,
});
const index = new ClaimSearch(
  [
    claim('televisions', 'The country no longer builds a single television set'),
    claim('fatalities', 'Our state leads the nation in road fatalities', 'A Governor'),
    claim('deaths', 'Road deaths fell by a third last year', 'A Mayor'),
    claim('ore', 'The mine ships more iron ore than ever', 'A Senator'),
    claim('combat', 'Soldiers saw combat in the north within a week', 'A General'),
  ],
  stories,
);
const ids = (query: string, limit = 3) => index.search(query, { limit }).map((hit) => hit.claim.id);

describe('WordNet nouns, looked up at query time', () => {
  it("knows a plural noun's synonyms and its more specific kinds, a synonym counting more than a kind", () => {
    expect(relatedWords('tvs').get('television')).toBe(0.7);
    const deaths = relatedWords('deaths');
    expect(deaths.get('fatality')).toBe(0.5);
    expect(deaths.get('decease')).toBe(0.7);
    expect(deaths.has('death')).toBe(false);
  });

  it('leaves out abbreviations, multi-word lemmas and words it does not know', () => {
    expect([...relatedWords('oregon').keys()]).toEqual([]);
    expect([...relatedWords('tvs').keys()].filter((word) => /[_.\- ]/.test(word))).toEqual([]);
    expect(relatedWords('zelenksy').size).toBe(0);
  });

  it('finds a claim that says it with another noun: "tvs" finds "television"', () => {
    expect(ids('who says we stopped making tvs', 1)).toEqual(['televisions']);
  });

  it('ranks the word itself above its more specific kinds, and still finds those', () => {
    expect(ids('road deaths', 2)).toEqual(['deaths', 'fatalities']);
  });

  it('finds "combat" for "fighting", with an answer-worthy score', () => {
    const [hit] = index.search('soldiers fighting in the north', { limit: 1 });
    expect(hit!.claim.id).toBe('combat');
    expect(hit!.score).toBeGreaterThan(0.75);
  });

  it('does not read a state as its abbreviation: "oregon" is not "ore"', () => {
    expect(ids('oregon')).not.toContain('ore');
  });

  it('does not look up a word still being typed', () => {
    expect(ids('stopped making tvs').length).toBeGreaterThan(0);
    expect(index.search('stopped making tvs', { mode: 'typing' }).map((hit) => hit.claim.id)).not.toContain('televisions');
  });
});

describe('warm-up', () => {
  it('runs searches of every way of reading text, typos and numbers among them', () => {
    const seen: { text: string; mode: string }[] = [];
    warmUp((text, { mode }) => seen.push({ text, mode }));
    expect(new Set(seen.map((search) => search.mode))).toEqual(new Set(['query', 'typing', 'message']));
    expect(seen.some((search) => /\d/.test(search.text))).toBe(true);
    expect(seen.length).toBeGreaterThan(30);
  });

  it('stops when its searches are slow (a large index), after each text has run in every mode', () => {
    const seen: string[] = [];
    // A clock of the test's own: each search takes 30 ms on it, whatever the machine's load.
    let clock = 0;
    warmUp(
      (text, { mode }) => {
        seen.push(`${mode} ${text}`);
        clock += 30;
      },
      () => clock,
    );
    expect(seen.length % 3).toBe(0);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeLessThan(20);
  });
});
