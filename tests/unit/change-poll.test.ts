import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/core/log.ts';
import { ChangePoll, POLL_MS } from '../../src/store/change-poll.ts';
import { newClaim, scratchDatabase, uncachedStore } from '../support/store.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a SQLite store and another process writing to the same file', () => {
  it('finds what the other commits and applies it: added, then removed', async () => {
    const database = await scratchDatabase();
    cleanups.push(database.cleanup);
    const [desk, otherProcess] = [await uncachedStore(database.url, cleanups), await uncachedStore(database.url, cleanups)];
    const claim = newClaim('poll-added-claim', 'A statement the other process adds about the Pacific fleet');
    await otherProcess.add(claim, { id: 'cli', name: 'claimbot import' });
    await vi.waitFor(() => expect(desk.claim(claim.id)?.statement).toBe(claim.statement), { timeout: 10 * POLL_MS, interval: 20 });
    expect(desk.lastSeq).toBe(otherProcess.lastSeq);
    await otherProcess.remove(claim.id, { id: 'cli', name: 'claimbot import' }, 'added by mistake');
    await vi.waitFor(() => expect(desk.claim(claim.id)).toBeUndefined(), { timeout: 10 * POLL_MS, interval: 20 });
    expect(desk.lastSeq).toBe(otherProcess.lastSeq);
  });
});

describe('the look for other processes’ changes', () => {
  /** A poll on a database whose last sequence number is `database.seq` (or whose read throws `database.down`). */
  function startPoll(database: { seq: number; down?: Error }, catchUp: () => Promise<void>) {
    vi.useFakeTimers();
    const lines: { level: string; message: string; error?: { message: string } }[] = [];
    let applied = 3;
    const poll = ChangePoll.start({
      lastSeq: async () => {
        if (database.down) throw database.down;
        return database.seq;
      },
      applied: () => applied,
      // Applies what the database had when the catch-up began.
      catchUp: async () => {
        const reached = database.seq;
        await catchUp();
        applied = reached;
      },
      log: createLogger('debug', (line) => lines.push(JSON.parse(line) as (typeof lines)[number])),
    });
    cleanups.push(() => poll.close());
    return { poll, lines };
  }

  it('catches up only when the database is ahead of what was applied, every POLL_MS', async () => {
    const database = { seq: 3 };
    let catchUps = 0;
    startPoll(database, async () => void catchUps++);
    await vi.advanceTimersByTimeAsync(3 * POLL_MS);
    expect(catchUps).toBe(0);
    database.seq = 4;
    await vi.advanceTimersByTimeAsync(POLL_MS - 1);
    expect(catchUps).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(catchUps).toBe(1);
    await vi.advanceTimersByTimeAsync(3 * POLL_MS);
    expect(catchUps).toBe(1);
  });

  it('does not start a second catch-up while a slow one runs, and stops looking once closed', async () => {
    const database = { seq: 9 };
    let catchUps = 0;
    let finish = () => {};
    const { poll } = startPoll(database, () => {
      catchUps++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    await vi.advanceTimersByTimeAsync(5 * POLL_MS);
    expect(catchUps).toBe(1);
    // Still behind once it is done (more was committed meanwhile): the next tick catches up again.
    database.seq = 12;
    finish();
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(catchUps).toBe(2);
    const closing = poll.close();
    database.seq = 20;
    finish();
    await closing;
    await vi.advanceTimersByTimeAsync(5 * POLL_MS);
    expect(catchUps).toBe(2);
  });

  it('says once that it cannot look while the database is unreachable, and once that it looks again', async () => {
    const database: { seq: number; down?: Error } = { seq: 3, down: new Error('SQLITE_CANTOPEN: unable to open database file') };
    const { lines } = startPoll(database, async () => {});
    await vi.advanceTimersByTimeAsync(4 * POLL_MS);
    expect(lines).toMatchObject([
      {
        level: 'warn',
        message: "database: cannot look for other processes' changes; trying again",
        error: { message: 'SQLITE_CANTOPEN: unable to open database file' },
      },
    ]);
    database.down = undefined;
    await vi.advanceTimersByTimeAsync(3 * POLL_MS);
    expect(lines.slice(1)).toMatchObject([{ level: 'info', message: "database: looking for other processes' changes again" }]);
    expect(lines).toHaveLength(2);
  });
});
