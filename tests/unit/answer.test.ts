import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { answer } from '../../src/search/answer.ts';
import { ClaimSearch } from '../../src/search/claim-search.ts';
import { EVAL_DIR, evalText, PUBLIC_QUERIES, readQueries, readTsv } from '../support/eval-queries.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
const index = new ClaimSearch(claims, stories);
const search = index.search.bind(index);
/** The claim /claim would show in full, or undefined for "No claim matches". */
const shown = (text: string, mode: 'query' | 'message' = 'query') => {
  const result = answer(search, text, { mode });
  return result.answered ? result.hits[0]!.claim.id : undefined;
};

const QUESTIONS = join(EVAL_DIR, 'questions.tsv');
const UNRELATED = join(EVAL_DIR, 'unrelated.tsv');
describe.skipIf(!existsSync(QUESTIONS))('plain-English questions get the right claim as the answer (shared/eval/questions.tsv)', () => {
  it.each(existsSync(QUESTIONS) ? readQueries(QUESTIONS) : [])('$query', ({ query, expected }) => {
    const result = answer(search, query);
    expect(result.answered, `best: ${result.hits[0]?.claim.id} at ${result.hits[0]?.score}`).toBe(true);
    expect(evalText(result.hits[0]!.claim)).toMatch(expected);
  });
});

describe('a question about what could be gets the claim of what would be, and one about what was the claim of what was', () => {
  it.each([
    ['where could the north korean troops be deployed', 'battalion-kursk-deployment'],
    ['where might north korean troops be deployed', 'battalion-kursk-deployment'],
    ['where were north korean personnel operating', 'isw-donetsk-contingent'],
  ])('%s', (query, id) => {
    expect(shown(query)).toBe(id);
  });
});

describe.skipIf(!existsSync(UNRELATED))('queries about something else get "No claim matches" (shared/eval/unrelated.tsv)', () => {
  it.each(existsSync(UNRELATED) ? readTsv(UNRELATED).map(([query]) => query!) : [])('%s', (query) => {
    expect(shown(query)).toBeUndefined();
  });
});

describe('the eval queries have a right claim among the answer and the next two', () => {
  it.each(readQueries(PUBLIC_QUERIES))('$query', ({ query, expected }) => {
    expect(answer(search, query).hits.some((hit) => expected.test(evalText(hit.claim)))).toBe(true);
  });
});

describe('/claim answers people, not only the test files', () => {
  it.each([
    ['how many north korean troops are in russia', /10,000/],
    ['what did zelensky say about iran', /Tehran|regime/],
    ['ten thousand troops', /10,000/],
    ['n korea troops', /10,000/],
    ['is it true that pyongyang entered the war?', /entered the war/],
    ['20 million people enslaved', /20 million/],
    ['twenty million enslaved', /20 million/],
    ['three thousand person battalion', /3,000/],
    ['zel\u200bensky coalition of crim\u00adinals', /coalition of criminals/],
  ])('answers "%s"', (query, expected) => {
    const id = shown(query);
    expect(id, 'answered').toBeDefined();
    expect(claims.find((claim) => claim.id === id)!.statement).toMatch(expected);
  });

  it.each(['drones', 'covid vaccine side effects', 'the', 'what is it', 'football results tonight', 'how many people live in tokyo'])(
    'says "No claim matches" for "%s"',
    (query) => {
      expect(shown(query)).toBeUndefined();
    },
  );

  it('answers within the filters, and says no match when the filters leave nothing that matches', () => {
    expect(answer(search, 'kursk', { story: 'north-korean-troops-in-russia' }).answered).toBe(true);
    expect(answer(search, 'kursk', { verdict: 'false' })).toEqual({ answered: false, hits: [] });
  });
});

describe('a chat message: the claim it repeats, or none', () => {
  it.each([
    ['Apparently North Korea has sent like 10k soldiers over to Russia to help them fight Ukraine?? anyone confirm', 'kyiv-independent-10000-troops'],
    ['Zelensky just said NK is giving Russia weapons AND people, some working in Russian factories', 'zelensky-weapons-and-people'],
    ['ISW says a small group of North Korean personnel is already operating near Donetsk, occupied city', 'isw-donetsk-contingent'],
    ['Saw a post claiming Russia is building a 3000-strong North Korean battalion in the 11th Airborne Brigade', 'airborne-brigade-3000-battalion'],
    ['partisans spotted north korean military guys training near mariupol apparently', 'partisans-mariupol-training'],
    ['Zelensky: Kim family enslaves 20 million people and is part of a coalition of criminals with Putin', 'zelensky-coalition-of-criminals'],
  ])('paraphrase → that claim first: %s', (message, id) => {
    expect(shown(message, 'message')).toBe(id);
  });

  it.each([
    'the war in Gaza is getting worse and nobody in Russia or Ukraine seems to care',
    'Anyone watching the football tonight? Ukraine vs North Macedonia, should be a good one',
    'my cousin in Korea says the weather is terrible this week lol',
    'Putin gave a long speech today about the economy and inflation',
    'Does anyone know a good source on troop numbers in general? Asking for a project',
    'Russia and Ukraine agreed on a prisoner exchange, 200 each',
  ])('only common words shared → no match: %s', (message) => {
    expect(shown(message, 'message')).toBeUndefined();
  });

  it('weighs a long message by what it repeats of a claim, not by how much else it says', () => {
    const message = 'Zelensky: Kim family enslaves 20 million people and is part of a coalition of criminals with Putin';
    const padded = `${message}. Anyway, lunch was great today, the weather is lovely and I am heading home early this afternoon.`;
    expect(shown(padded, 'message')).toBe('zelensky-coalition-of-criminals');
  });
});

describe('typing completes the last word; a submitted query does not', () => {
  it('"kremlin adv" is "kremlin advantage" while typing, and "adv" is a word nothing has once submitted', () => {
    const typing = search('kremlin adv', { mode: 'typing', limit: 1 })[0]!;
    const submitted = search('kremlin adv', { mode: 'query', limit: 1 })[0]!;
    expect(typing.claim.id).toBe('isw-strategic-partnership');
    expect(typing.score).toBeGreaterThan(0.75);
    expect(submitted.score).toBeLessThan(typing.score - 0.2);
  });

  it('a word being typed that matches nothing yet does not sink the rest', () => {
    expect(search('kursk regi', { mode: 'typing', limit: 1 })[0]!.score).toBeGreaterThan(0.85);
    expect(search('kursk qx', { mode: 'typing', limit: 1 })[0]!.claim.id).toBe('battalion-kursk-deployment');
  });
});
