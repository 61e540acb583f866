import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ClaimShelf } from '../../src/store/claim-shelf.ts';
import type { Claim } from '../../src/core/schema.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const [template] = (JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as { claims: Claim[] }).claims;
// Two statements whose hashes collide (found by search): the shelf must tell them apart by their text.
const COLLIDING = ['Officials said 48619 drones were shot down', 'Officials said 123191 drones were shot down'];
const claim = (id: string, statement: string): Claim => ({ ...template!, id, statement });

describe('the claim shelf', () => {
  it('keeps statements unique by their text, also when their hashes collide, before and after a restore', () => {
    const shelf = new ClaimShelf();
    shelf.put(claim('first', COLLIDING[0]!), false);
    expect(shelf.statementOwner(COLLIDING[1]!)).toBeUndefined();
    shelf.put(claim('second', COLLIDING[1]!), false);
    const { fields, json } = shelf.snapshot();
    for (const each of [shelf, ClaimShelf.restore(fields, Buffer.concat(json))]) {
      expect([each.statementOwner(COLLIDING[0]!.toUpperCase()), each.statementOwner(` ${COLLIDING[1]!} `)]).toEqual(['first', 'second']);
      each.put(claim('first', 'Another statement'), false);
      expect([each.statementOwner(COLLIDING[0]!), each.statementOwner(COLLIDING[1]!)]).toEqual([undefined, 'second']);
      each.put(claim('second', COLLIDING[1]!), true);
      expect(each.statementOwner(COLLIDING[1]!)).toBeUndefined();
      expect([each.size, each.removed('second')?.statement, each.live('first')?.statement]).toEqual([1, COLLIDING[1], 'Another statement']);
    }
  });

  it('lists the newest claims in search, filtered by verdict and story, ties by id, and the same after a restore', () => {
    const shelf = new ClaimShelf();
    const dated = (id: string, story: string, verdict: Claim['verdict'], day: number): Claim => ({
      ...claim(id, `Statement of ${id}`),
      story,
      verdict,
      updatedAt: `2026-11-${String(day).padStart(2, '0')}T12:00:00.000Z`,
    });
    shelf.put(dated('b-tied', 'border', 'false', 20), false);
    shelf.put(dated('a-tied', 'border', 'false', 20), false);
    shelf.put(dated('older', 'border', 'unverified', 10), false);
    shelf.put(dated('newest-elsewhere', 'floods', 'false', 25), false);
    shelf.put(dated('removed-newest', 'border', 'false', 28), true);
    const { fields, json } = shelf.snapshot();
    for (const each of [shelf, ClaimShelf.restore(fields, Buffer.concat(json))]) {
      const ids = (claims: Iterable<Claim>) => [...claims].map((c) => c.id);
      expect(ids(each.newest(10))).toEqual(['newest-elsewhere', 'a-tied', 'b-tied', 'older']);
      expect(ids(each.newest(2))).toEqual(['newest-elsewhere', 'a-tied']);
      expect(ids(each.newest(10, { verdict: 'false', story: 'border' }))).toEqual(['a-tied', 'b-tied']);
      expect(ids(each.newest(10, { verdict: 'unverified' }))).toEqual(['older']);
      expect(ids(each.newest(10, { story: 'no-such-story' }))).toEqual([]);
      expect(ids(each.claims({ story: 'border' }))).toEqual(['b-tied', 'a-tied', 'older']);
      expect(ids(each.claims({ removed: true }))).toEqual(['removed-newest']);
      expect(ids(each.claims())).toEqual(['b-tied', 'a-tied', 'older', 'newest-elsewhere']);
      expect([each.size, each.live('removed-newest'), each.removed('older')]).toEqual([4, undefined, undefined]);
    }
  });

  it('reads back every claim exactly, also more claims than it keeps parsed', () => {
    const shelf = new ClaimShelf();
    const many = Array.from({ length: 2100 }, (_, n) => claim(`claim-${n}`, `Statement number ${n} about the border`));
    for (const each of many) shelf.put(each, false);
    // Read all twice: the second pass finds the first claims dropped from the parsed ones and parses them again.
    for (let pass = 0; pass < 2; pass++) expect(many.every((each) => shelf.live(each.id)?.statement === each.statement)).toBe(true);
    expect(shelf.statementOwner('statement number 7 about the border')).toBe('claim-7');
  });
});
