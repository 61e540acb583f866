import { wordsOfRejection } from '../support/errors.ts';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetError, parseDataset } from '../../src/core/dataset.ts';
import type { Claim } from '../../src/core/schema.ts';
import { ClaimStore, type AuditEntry } from '../../src/store/claim-store.ts';
import { datasetFile, SHIPPED_CLAIMS, tempDataset } from '../support/files.ts';
import { enginesUnderTest } from '../support/postgres.ts';
import { newClaim } from '../support/store.ts';

const moderator = { id: '600000000000000006', name: 'desk-editor', guildId: '200000000000000002' };
const shipped = JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as { claims: Claim[] };

/** The n-th claim a test adds. */
const testClaim = (n: number) => newClaim(`test-claim-${n}`, `Test statement number ${n} about the border`);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(enginesUnderTest())('the claim store on $engine', ({ engine, scratch }) => {
  async function openStore(seedFile = SHIPPED_CLAIMS, url?: string) {
    const database = url ? undefined : await scratch();
    const store = await ClaimStore.open({ databaseUrl: url ?? database!.url, seedFile });
    cleanups.push(async () => {
      await store.close();
      await database?.cleanup();
    });
    return store;
  }

  it('fills an empty database from the seed file, once, with an audit row per claim', async () => {
    const store = await openStore();
    expect(store.claims.map((claim) => claim.id).sort()).toEqual(shipped.claims.map((claim) => claim.id).sort());
    expect(await store.countAudit()).toBe(shipped.claims.length);
    const { file, cleanup } = await datasetFile({ stories: [], claims: [] });
    cleanups.push(cleanup);
    // Reopened with another seed: the database is not empty, so the seed is not read.
    const again = await openStore(file, store.databaseUrl);
    expect(again.claims).toHaveLength(shipped.claims.length);
    expect(await again.countAudit()).toBe(shipped.claims.length);
  });

  it('refuses an invalid seed with file, record and field named, and leaves the database empty', async () => {
    const { file, cleanup } = await tempDataset((dataset) => {
      (dataset.claims![3] as Record<string, unknown>).verdict = 'probably';
    });
    cleanups.push(cleanup);
    const database = await scratch();
    cleanups.push(database.cleanup);
    const error = await ClaimStore.open({ databaseUrl: database.url, seedFile: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).message).toMatch(/claims\[3\] \(id "[a-z0-9-]+"\), field verdict/);
    const valid = await openStore(SHIPPED_CLAIMS, database.url);
    expect(await valid.countAudit()).toBe(shipped.claims.length);
  });

  it.runIf(engine === 'sqlite')('keeps durability settings on every connection: WAL and synchronous=FULL', async () => {
    const store = await openStore();
    expect(await store.pragma('journal_mode')).toBe('wal');
    // 2 = FULL: a commit is on disk before it returns.
    expect(await store.pragma('synchronous', { inTransaction: true })).toBe(2);
  });

  it('adds, re-rates, removes and restores, telling listeners and the search index each time', async () => {
    const store = await openStore();
    const heard: AuditEntry[] = [];
    store.subscribe((change) => heard.push(change));
    const added = await store.add(testClaim(1), moderator);
    expect(store.search('test statement number 1 border', { limit: 1 })[0]!.claim.id).toBe(added.id);

    const rated = await store.update(added.id, moderator, 'verdict', (claim) => ({ ...claim, verdict: 'false' }), 'checked with the ministry');
    expect(rated.verdict).toBe('false');
    expect(rated.updatedAt >= added.updatedAt).toBe(true);
    expect(store.search('test statement number 1', { verdict: 'false' }).map((hit) => hit.claim.id)).toContain(added.id);

    await store.remove(added.id, moderator, 'a test');
    expect(store.claim(added.id)).toBeUndefined();
    expect(store.removedClaim(added.id)?.verdict).toBe('false');
    expect(store.search('test statement number 1 border').map((hit) => hit.claim.id)).not.toContain(added.id);

    await store.restore(added.id, moderator);
    expect(store.claim(added.id)?.verdict).toBe('false');
    expect(heard.map((change) => change.action)).toEqual(['add', 'verdict', 'remove', 'restore']);
    const history = await store.history(added.id);
    expect(history.map((entry) => [entry.action, entry.before?.verdict ?? null, entry.after.verdict, entry.reason])).toEqual([
      ['add', null, 'unverified', null],
      ['verdict', 'unverified', 'false', 'checked with the ministry'],
      ['remove', 'false', 'false', 'a test'],
      ['restore', 'false', 'false', null],
    ]);
    expect(history[1]!.actor).toEqual(moderator);
  });

  it('rejects an invalid claim naming the field, and a statement another claim has, writing nothing', async () => {
    const store = await openStore();
    const audit = await store.countAudit();
    expect(await wordsOfRejection(store.add({ ...testClaim(2), flags: ['secondhand'] }, moderator))).toBe(
      'This claim cannot be saved: attribution.citing: a secondhand claim must say whom it cites.',
    );
    expect(await wordsOfRejection(store.add({ ...testClaim(3), statement: `  ${shipped.claims[0]!.statement.toUpperCase()} ` }, moderator))).toBe(
      `The claim “${shipped.claims[0]!.id}” already has this statement.`,
    );
    expect(await wordsOfRejection(store.add({ ...testClaim(4), id: shipped.claims[1]!.id }, moderator))).toBe(
      `A claim with the id “${shipped.claims[1]!.id}” already exists.`,
    );
    await expect(store.update('no-such-claim', moderator, 'verdict', (claim) => claim)).rejects.toMatchObject({
      refusal: { kind: 'no-claim', id: 'no-such-claim' },
    });
    expect(await store.countAudit()).toBe(audit);
  });

  it('lands every one of 200 concurrent adds, each with its audit row, and has them after reopening', async () => {
    const store = await openStore();
    const added = await Promise.all(Array.from({ length: 200 }, (_, i) => store.add(testClaim(100 + i), moderator)));
    expect(new Set(added.map((claim) => claim.id)).size).toBe(200);
    expect(store.claims).toHaveLength(shipped.claims.length + 200);
    expect(await store.countAudit()).toBe(shipped.claims.length + 200);
    const reopened = await openStore(SHIPPED_CLAIMS, store.databaseUrl);
    expect(reopened.claims).toHaveLength(shipped.claims.length + 200);
  });

  it('exports what passes validation, and a database seeded from the export holds the same claims', async () => {
    const store = await openStore();
    await store.add(testClaim(5), moderator);
    await store.remove(shipped.claims[2]!.id, moderator, 'superseded');
    const exported = store.dataset();
    expect(parseDataset(JSON.parse(JSON.stringify(exported)), 'export')).toEqual(exported);
    expect(exported.claims.map((claim) => claim.id)).not.toContain(shipped.claims[2]!.id);
    const { file, cleanup } = await datasetFile(exported);
    cleanups.push(cleanup);
    const seeded = await openStore(file);
    expect(seeded.dataset()).toEqual(exported);
  });
});
