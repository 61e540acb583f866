import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/log.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { DatabaseUnreachableError } from '../../src/store/unreachable.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { holdWriteLock, type HeldLock } from '../support/lock-holder.ts';
import { scratchDatabase } from '../support/store.ts';

const moderator = { id: '600000000000000006', name: 'desk-editor', guildId: '200000000000000002' };
const reader = { id: '700000000000000007', name: 'reader', guildId: '200000000000000002' };
const CLAIM = 'zelensky-tehran-too';
const WAITING = 'database: another process holds the write lock; waiting for it';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store on a fresh SQLite file, and a promise of the first log line with this message. */
async function storeLogging() {
  const database = await scratchDatabase();
  cleanups.push(database.cleanup);
  const waiters: { message: string; resolve: () => void }[] = [];
  const lines: { message: string; waitMs?: number }[] = [];
  const log = createLogger('debug', (line) => {
    const parsed = JSON.parse(line) as (typeof lines)[number];
    lines.push(parsed);
    for (const waiter of waiters.filter((candidate) => candidate.message === parsed.message)) waiter.resolve();
  });
  const store = await ClaimStore.open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS, log, cacheDir: false });
  cleanups.push(() => store.close());
  const logged = (message: string) => new Promise<void>((resolve) => waiters.push({ message, resolve }));
  return { store, url: database.url, logged, lines };
}

async function lockedBy(url: string): Promise<HeldLock> {
  const held = await holdWriteLock(url);
  cleanups.push(() => held.release());
  return held;
}

/** A pinned summary's record in the newsroom channel `channelId`, of its message `messageId`. */
const summaryRecord = (channelId: string, messageId: string) => ({
  guildId: moderator.guildId,
  channelId,
  story: 'north-korean-troops-in-russia',
  messageIds: [messageId],
  hash: 'h',
  updatedAt: new Date().toISOString(),
});

/** One write of each kind the store makes: a reader's request, a pinned summary's record, a moderator's re-rate. */
function writeEachKind(store: ClaimStore) {
  return Promise.allSettled([
    store.requests.record(
      'marmalade zanzibar',
      'marmalade in zanzibar?',
      { userId: reader.id, guildId: reader.guildId, channelId: '300000000000000003' },
      reader,
      3,
    ),
    store.summaries.save(summaryRecord('300000000000000003', '1')),
    store.update(CLAIM, moderator, 'verdict', (claim) => ({ ...claim, verdict: 'disputed' }), 'Tehran denies it'),
  ]);
}

describe('writes while another process holds the SQLite write lock', () => {
  it('wait for it without holding up the process, and every one lands once it is released', async () => {
    const { store, url, logged } = await storeLogging();
    const held = await lockedBy(url);
    const writes = writeEachKind(store);
    // The first write meets the lock and waits (or, before the fix, the writes fail at once).
    await Promise.race([logged(WAITING), writes]);
    // Meanwhile the process answers: a timer fires, and search answers from memory.
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(store.search('tehran', { limit: 1 })[0]!.claim.id).toBe(CLAIM);
    await held.release();

    const results = await writes;
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(await store.requests.open(5)).toEqual([expect.objectContaining({ words: 'marmalade in zanzibar?', askers: 1 })]);
    expect(await store.summaries.list()).toEqual([expect.objectContaining({ story: 'north-korean-troops-in-russia', messageIds: ['1'] })]);
    expect((await store.history(CLAIM)).at(-1)).toMatchObject({ action: 'verdict', reason: 'Tehran denies it', after: { verdict: 'disputed' } });
  });

  it('past the wait, each write is refused as unreachable and nothing of it is saved, while reads go on', async () => {
    const { store, url } = await storeLogging();
    const historyBefore = await store.history(CLAIM);
    const held = await lockedBy(url);

    const results = await writeEachKind(store);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(DatabaseUnreachableError);
      expect(((result as PromiseRejectedResult).reason as Error).message).toMatch(/^the claims database is unreachable \(SQLITE_BUSY: /);
    }
    expect(store.claim(CLAIM)!.verdict).toBe('unverified');
    expect(store.search('tehran', { limit: 1 })[0]!.claim.id).toBe(CLAIM);
    await held.release();

    expect(await store.history(CLAIM)).toEqual(historyBefore);
    expect(await store.requests.open(5)).toEqual([]);
    expect(await store.summaries.list()).toEqual([]);
    // Once the lock is free, writes land again: nothing of the failed ones is left behind on the connection.
    expect((await writeEachKind(store)).map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(store.claim(CLAIM)!.verdict).toBe('disputed');
  });

  it('say once per write that they wait, with how long they may', async () => {
    const { store, url, logged, lines } = await storeLogging();
    const held = await lockedBy(url);
    const write = store.summaries.save(summaryRecord('300000000000000004', '2'));
    await logged(WAITING);
    // Several tries later (5, 10, 20 ms…), still one line.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await held.release();
    await write;
    expect(lines.filter((line) => line.message === WAITING)).toEqual([expect.objectContaining({ waitMs: 2000 })]);
  });
});

describe('a write the database refuses for what it says', () => {
  it('is refused at once as itself: not waited for, not called unreachable', async () => {
    const { store, lines } = await storeLogging();
    // A record without its server: the table does not take it (NOT NULL).
    const error = await store.summaries
      .save({ ...summaryRecord('300000000000000004', '3'), guildId: null as unknown as string })
      .catch((refused: unknown) => refused);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DatabaseUnreachableError);
    expect((error as Error).message).toMatch(/NOT NULL/);
    expect(lines.map((line) => line.message)).not.toContain(WAITING);
    expect(await store.summaries.list()).toEqual([]);
  });
});
