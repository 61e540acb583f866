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
});
