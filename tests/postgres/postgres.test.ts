import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/log.ts';
import type { Claim } from '../../src/core/schema.ts';
import { errorWords } from '../../src/views/error-words.ts';
import { ClaimDatabase } from '../../src/store/database.ts';
import { ClaimStore, type AuditEntry } from '../../src/store/claim-store.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { POSTGRES_SKIPPED, scratchPostgres, TEST_DATABASE_URL, terminateConnection } from '../support/postgres.ts';
import { newClaim } from '../support/store.ts';

if (!TEST_DATABASE_URL) console.log(POSTGRES_SKIPPED);

const moderator = { id: '600000000000000006', name: 'desk-editor', guildId: '200000000000000002' };
const shipped = JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as { claims: Claim[] };

const crossProcessClaim = (n: number, statement = `Cross-process statement number ${n} about the ferry`) => newClaim(`cross-process-${n}`, statement);

/** Resolves with the first `count` changes the store hears of from now on. */
function changes(store: ClaimStore, count: number): Promise<AuditEntry[]> {
  const heard: AuditEntry[] = [];
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe((change) => {
      heard.push(change);
      if (heard.length < count) return;
      unsubscribe();
      resolve(heard);
    });
  });
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two stores on one fresh database, as two bot processes would have them (each its own pool and listening connection). */
async function twoStores(secondUrl?: (url: string) => Promise<string>, secondLog?: (line: string) => void) {
  const database = await scratchPostgres(TEST_DATABASE_URL!);
  cleanups.push(database.cleanup);
  const first = await ClaimStore.open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS });
  cleanups.push(() => first.close());
  const url = secondUrl ? await secondUrl(database.url) : database.url;
  const second = await ClaimStore.open({ databaseUrl: url, seedFile: SHIPPED_CLAIMS, log: createLogger('info', secondLog) });
  cleanups.push(() => second.close());
  return { first, second, url: database.url };
}

describe.skipIf(!TEST_DATABASE_URL)('two processes on one PostgreSQL database', () => {
  it('a claim one adds, re-rates and removes reaches the other’s listeners and search index, in order', async () => {
    const { first, second } = await twoStores();
    const heard = changes(second, 3);
    const added = await first.add(crossProcessClaim(1), moderator);
    await first.update(added.id, moderator, 'verdict', (claim) => ({ ...claim, verdict: 'false' }), 'checked');
    await first.remove(shipped.claims[1]!.id, moderator, 'superseded');
    expect((await heard).map((change) => [change.action, change.claimId])).toEqual([
      ['add', added.id],
      ['verdict', added.id],
      ['remove', shipped.claims[1]!.id],
    ]);
    expect(second.search('cross-process statement ferry', { verdict: 'false', limit: 1 })[0]?.claim.id).toBe(added.id);
    expect(second.claim(shipped.claims[1]!.id)).toBeUndefined();
    expect(second.removedClaim(shipped.claims[1]!.id)).toBeDefined();
    expect(second.lastSeq).toBe(first.lastSeq);
  });

  it('of two processes adding the same id, or the same statement, at the same moment, exactly one lands', async () => {
    const { first, second } = await twoStores();
    const sameId = await Promise.allSettled([
      first.add(crossProcessClaim(2, 'One wording'), moderator),
      second.add(crossProcessClaim(2, 'Another wording'), moderator),
    ]);
    expect(sameId.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(errorWords((sameId.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason)).toBe(
      'A claim with the id “cross-process-2” already exists.',
    );

    const statement = 'The same words typed in two newsrooms at once';
    const sameStatement = await Promise.allSettled([
      first.add(crossProcessClaim(3, statement), moderator),
      second.add(crossProcessClaim(4, statement), moderator),
    ]);
    expect(sameStatement.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(errorWords((sameStatement.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(
      /^The claim “cross-process-[34]” already has this statement\.$/,
    );
    expect(await first.countAudit()).toBe(shipped.claims.length + 2);
  });

  it('of two processes starting together on an empty database, one imports the seed and the other uses it', async () => {
    const database = await scratchPostgres(TEST_DATABASE_URL!);
    cleanups.push(database.cleanup);
    const stores = await Promise.all([1, 2].map(() => ClaimStore.open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS })));
    for (const store of stores) cleanups.push(() => store.close());
    expect(await stores[0]!.countAudit()).toBe(shipped.claims.length);
    for (const store of stores) expect(store.claims).toHaveLength(shipped.claims.length);
  });

  it('after its listening connection is cut, catches up on reconnecting with every change made while it was away', async () => {
    // The second process logs in as a role of its own, so the test can keep it from reconnecting while the first writes.
    const role = `claimbot_second_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    cleanups.push(async () => {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    });
    const logs: { message: string }[] = [];
    const { first, second } = await twoStores(
      async (url) => {
        await admin.query(`CREATE ROLE ${role} LOGIN SUPERUSER`);
        const asRole = new URL(url);
        asRole.username = role;
        return asRole.toString();
      },
      (line) => logs.push(JSON.parse(line) as { message: string }),
    );
    const listener = second.listenerPid!;
    expect(listener).toBeGreaterThan(0);

    await admin.query(`ALTER ROLE ${role} NOLOGIN`);
    // Every connection of the second process ends, the listening one and those idle in its pool.
    const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE usename = $1', [role]);
    expect(rows.map((row) => row.pid)).toContain(listener);
    for (const { pid } of rows) expect(await terminateConnection(TEST_DATABASE_URL!, pid)).toBe(true);
    const added = await first.add(crossProcessClaim(5), moderator);
    await first.update(added.id, moderator, 'verdict', (claim) => ({ ...claim, verdict: 'misleading' }));
    await first.remove(shipped.claims[2]!.id, moderator, 'duplicate');
    await expect.poll(() => logs.map((line) => line.message)).toContain('change feed: reconnect failed');
    expect(second.claim(added.id)).toBeUndefined();

    const caughtUp = changes(second, 3);
    await admin.query(`ALTER ROLE ${role} LOGIN`);
    expect((await caughtUp).map((change) => change.action)).toEqual(['add', 'verdict', 'remove']);
    expect(second.claim(added.id)?.verdict).toBe('misleading');
    expect(second.removedClaim(shipped.claims[2]!.id)).toBeDefined();
    expect(second.listenerPid).not.toBe(listener);
    await expect.poll(() => logs.map((line) => line.message)).toContain('change feed: reconnected and caught up');
    expect(logs.map((line) => line.message)).toEqual(
      expect.arrayContaining(['change feed: connection lost, reconnecting', 'database: an idle connection was closed; the next query opens a new one']),
    );

    // Listening again: a later change arrives by notification, as before the cut; and its own writes work again.
    const later = changes(second, 1);
    await first.restore(shipped.claims[2]!.id, moderator);
    expect((await later)[0]!.action).toBe('restore');
    const own = await second.add(crossProcessClaim(6), moderator);
    const database = await ClaimDatabase.open(first.databaseUrl);
    expect((await database.claims.readClaim(own.id))?.claim.statement).toBe(own.statement);
    await database.close();
  }, 30_000);
});
