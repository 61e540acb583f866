import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/schema.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { enginesUnderTest } from '../support/postgres.ts';
import { newClaim, uncachedStore } from '../support/store.ts';

const editor = { id: '600000000000000006', name: 'desk-editor', guildId: '200000000000000002' };
const nightEditor = { id: '600000000000000007', name: 'night-editor', guildId: '200000000000000002' };
const shipped = JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as { claims: Claim[] };

/** Claims of the first story, each with its own statement. */
const bulkClaims = (count: number) =>
  Array.from({ length: count }, (_, n) => newClaim(`bulk-claim-${String(n).padStart(5, '0')}`, `Bulk statement number ${n} about the border`));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(enginesUnderTest())('the audit trail on $engine', ({ scratch }) => {
  /** A store without the index cache: every open reads the claims from the database. */
  async function openStore(url?: string) {
    if (url) return uncachedStore(url, cleanups);
    const database = await scratch();
    cleanups.push(database.cleanup);
    return uncachedStore(database.url, cleanups);
  }

  it('writes an import of more claims than a statement or a read page holds with one row each, in order, and reads them all back', async () => {
    const store = await openStore();
    // 2,050: more than 20 statements of 100 rows, and more than one page of 2,000 when a start reads them back.
    const claims = bulkClaims(2050);
    const entries = await store.import({ stories: [], claims }, editor, 'agency feed of the week');
    expect(entries.map((entry) => entry.claimId)).toEqual(claims.map((claim) => claim.id));
    const first = entries[0]!.seq;
    expect(entries.map((entry) => entry.seq)).toEqual(claims.map((_, i) => first + i));
    expect(entries[1234]).toEqual({
      seq: first + 1234,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actor: editor,
      action: 'import',
      claimId: claims[1234]!.id,
      before: null,
      after: claims[1234],
      removed: false,
      reason: 'agency feed of the week',
    });
    // What the database keeps is what the write said.
    expect(await store.history(claims[1234]!.id)).toEqual([entries[1234]]);
    expect(await store.countAudit()).toBe(shipped.claims.length + 2050);

    const reopened = await openStore(store.databaseUrl);
    expect(reopened.loadedFrom).toBe('database');
    expect(reopened.claims).toHaveLength(shipped.claims.length + 2050);
    expect(reopened.claim(claims[2049]!.id)?.statement).toBe(claims[2049]!.statement);
    expect(reopened.lastSeq).toBe(entries.at(-1)!.seq);
  });

  it('keeps every version of a claim, who made it and why, and marks only the removal as out of search', async () => {
    const store = await openStore();
    const [claim] = bulkClaims(1);
    await store.add(claim!, editor, 'from the agency wire');
    await store.update(claim!.id, nightEditor, 'edit', (current) => ({ ...current, statement: 'Bulk statement about the northern border' }));
    await store.remove(claim!.id, editor, 'duplicate of a shipped claim');
    const history = await store.history(claim!.id);
    expect(
      history.map(({ action, actor, removed, reason, before, after }) => [action, actor.name, removed, reason, before?.statement ?? null, after.statement]),
    ).toEqual([
      ['add', 'desk-editor', false, 'from the agency wire', null, 'Bulk statement number 0 about the border'],
      ['edit', 'night-editor', false, null, 'Bulk statement number 0 about the border', 'Bulk statement about the northern border'],
      ['remove', 'desk-editor', true, 'duplicate of a shipped claim', 'Bulk statement about the northern border', 'Bulk statement about the northern border'],
    ]);
    expect(history[1]!.actor).toEqual(nightEditor);
    expect(history.map((entry) => entry.seq)).toEqual([...history.map((entry) => entry.seq)].sort((a, b) => a - b));
  });

  it('says who removed a claim last, after a restore and a second removal, and forgets a claim restored since', async () => {
    const store = await openStore();
    const [kept, restored] = [shipped.claims[0]!.id, shipped.claims[1]!.id];
    await store.remove(kept, editor, 'first takedown');
    await store.restore(kept, editor, 'put back');
    await store.remove(kept, nightEditor, 'second takedown');
    await store.remove(restored, editor, 'a mistake');
    await store.restore(restored, editor, 'undoing the mistake');
    const removals = await store.removals();
    expect(removals.map(({ claim, removal }) => [claim.id, removal.by])).toEqual([[kept, 'night-editor']]);
    const secondTakedown = (await store.history(kept)).at(-1)!;
    expect(secondTakedown.reason).toBe('second takedown');
    expect(removals[0]!.removal.at).toBe(secondTakedown.at);
  });
});
