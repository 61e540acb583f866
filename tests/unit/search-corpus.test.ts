// Search on real data the project did not shape: LIAR (Wang, ACL 2017), 12,810 PolitiFact-rated statements, read from
// ../shared/corpus beside the clone (research use only: never copied into this repository). CI has it there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.ts';
import { ClaimSearch } from '../../src/search/claim-search.ts';
import { CORPUS_DIR, loadCorpus, readTsv } from '../support/eval-queries.ts';

const present = existsSync(join(CORPUS_DIR, 'liar.json'));
if (!present) console.warn(`search-corpus.test.ts skipped: no LIAR corpus at ${CORPUS_DIR} (it sits beside the clone in CI).`);

describe.skipIf(!present)('on the LIAR corpus (../shared/corpus)', async () => {
  const { claims, stories } = present ? await loadCorpus() : { claims: [], stories: [] };
  const index = new ClaimSearch(claims, stories);
  const search = index.search.bind(index);
  const queries = present ? readTsv(join(CORPUS_DIR, 'queries.tsv')).map(([query, id]) => ({ query: query!, id: id! })) : [];
  const unrelated = present ? readTsv(join(CORPUS_DIR, 'unrelated.tsv')).map(([query]) => query!) : [];

  it('puts the claim a sloppy query is after in the top 3 for at least 37 of 40, first for at least 35', () => {
    const ranks = queries.map(({ query, id }) => answer(search, query).hits.findIndex((hit) => hit.claim.id === id));
    const missed = queries.filter((_query, i) => ranks[i] === -1).map(({ query }) => query);
    expect(ranks.filter((rank) => rank >= 0).length, `missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(37);
    expect(ranks.filter((rank) => rank === 0).length).toBeGreaterThanOrEqual(35);
  });

  it('says "no match" to at least 13 of 15 queries about things no claim is about', () => {
    const answered = unrelated.filter((query) => answer(search, query).answered);
    expect(unrelated.length - answered.length, `answered: ${answered.join('; ')}`).toBeGreaterThanOrEqual(13);
  });

  it('finds a claim by its claimant as strongly as by its words', () => {
    const [first] = search('rubio 300k floridians', { limit: 1 });
    expect(first!.claim.claimant.name).toMatch(/Rubio/);
    const [fiorina] = search('fiorina 70% of poor are women', { limit: 1 });
    expect(fiorina!.claim.claimant.name).toMatch(/Fiorina/);
  });
});
