import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/core/log.ts';
import { ChangeFeed } from '../../src/store/change-feed.ts';
import { CHANGES_CHANNEL } from '../../src/store/claim-table.ts';
import { POSTGRES_SKIPPED, scratchPostgres, TEST_DATABASE_URL } from '../support/postgres.ts';
import { tcpProxy } from '../support/tcp-proxy.ts';

// The listening connection of a process on PostgreSQL, through a proxy a test cuts like a network. What the feed
// promises: a catch-up at start, after every notification and after every reconnect; reconnects at growing waits.
if (!TEST_DATABASE_URL) console.log(POSTGRES_SKIPPED);

interface Line {
  time: string;
  level: string;
  message: string;
  retryInMs?: number;
  error?: { message: string };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A database of the test's own: notifications go to every listener of one database, and two test files (or two
 * runs at once) on the test server's own database would hear each other's.
 */
let databaseUrl = '';
beforeEach(async () => {
  if (!TEST_DATABASE_URL) return;
  const database = await scratchPostgres(TEST_DATABASE_URL);
  cleanups.push(database.cleanup);
  databaseUrl = database.url;
});

/** What another process's commit sends: the notification the feed listens for. */
async function notify(count = 1) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  for (let n = 0; n < count; n++) await client.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ seq: n })]);
  await client.end();
}

/** A connection of its own listening to the same channel: it counts what the server sent. */
async function listener() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanups.push(() => client.end());
  const heard = { count: 0 };
  client.on('notification', () => heard.count++);
  await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  return heard;
}

async function startFeed(catchUp: () => Promise<void>) {
  const proxy = await tcpProxy(databaseUrl);
  cleanups.push(() => proxy.close());
  const lines: Line[] = [];
  const feed = await ChangeFeed.start({
    url: proxy.url,
    catchUp,
    log: createLogger('info', (line) => lines.push(JSON.parse(line) as Line)),
    retryMs: 40,
    maxRetryMs: 160,
  });
  cleanups.push(() => feed.close());
  return { feed, proxy, lines };
}

const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 10 });

describe.skipIf(!TEST_DATABASE_URL)('the change feed on PostgreSQL', () => {
  it('catches up once listening, and again on every notification', async () => {
    let catchUps = 0;
    const { feed } = await startFeed(async () => void catchUps++);
    expect(catchUps).toBe(1);
    expect(feed.backendPid).toBeGreaterThan(0);
    await notify();
    await waitFor(() => expect(catchUps).toBe(2));
  });

  it('asks for one more catch-up, not one each, for notifications that arrive during one', async () => {
    let catchUps = 0;
    let release = () => {};
    const { lines } = await startFeed(async () => {
      catchUps++;
      if (catchUps === 2) await new Promise<void>((resolve) => (release = resolve));
    });
    await notify();
    await waitFor(() => expect(catchUps).toBe(2));
    // The five are heard while the second catch-up runs (another listener has them all): then exactly one more.
    const heard = await listener();
    await notify(5);
    await waitFor(() => expect(heard.count).toBe(5));
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await waitFor(() => expect(catchUps).toBe(3));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(catchUps).toBe(3);
    expect(lines).toEqual([]);
  });

  it('logs a failed catch-up and catches up again at the next notification', async () => {
    let catchUps = 0;
    const { lines } = await startFeed(async () => {
      catchUps++;
      if (catchUps === 2) throw new Error('the audit trail could not be read');
    });
    await notify();
    await waitFor(() =>
      expect(lines).toMatchObject([{ level: 'error', message: 'change feed: catching up failed', error: { message: 'the audit trail could not be read' } }]),
    );
    await notify();
    await waitFor(() => expect(catchUps).toBe(3));
    expect(lines).toHaveLength(1);
  });

  it('reconnects after its connection is cut, at doubling waits up to the most, and catches up once back', async () => {
    let catchUps = 0;
    const { proxy, lines } = await startFeed(async () => void catchUps++);
    await proxy.cut();
    await waitFor(() => expect(lines.filter((line) => line.message === 'change feed: reconnect failed').length).toBeGreaterThanOrEqual(4));
    expect(lines[0]).toMatchObject({ level: 'warn', message: 'change feed: connection lost, reconnecting', error: { message: expect.any(String) } });
    const failed = lines.filter((line) => line.message === 'change feed: reconnect failed').slice(0, 4);
    expect(failed.map((line) => line.retryInMs)).toEqual([80, 160, 160, 160]);
    // And it does wait that long: a timer never fires early (log times are to the millisecond).
    const gaps = failed.slice(1).map((line, n) => Date.parse(line.time) - Date.parse(failed[n]!.time));
    expect(gaps.map((gap, n) => gap >= failed[n]!.retryInMs! - 1)).toEqual([true, true, true]);
    expect(catchUps).toBe(1);
    await proxy.restore();
    await waitFor(() => expect(lines.at(-1)).toMatchObject({ level: 'info', message: 'change feed: reconnected and caught up' }));
    expect(catchUps).toBe(2);
    await notify();
    await waitFor(() => expect(catchUps).toBe(3));
  });

  it('once closed, neither reconnects nor catches up', async () => {
    let catchUps = 0;
    const { feed, proxy, lines } = await startFeed(async () => void catchUps++);
    await proxy.cut();
    await waitFor(() => expect(lines.map((line) => line.message)).toContain('change feed: connection lost, reconnecting'));
    await feed.close();
    const logged = lines.length;
    await proxy.restore();
    await notify();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lines).toHaveLength(logged);
    expect(catchUps).toBe(1);
    expect(feed.backendPid).toBeUndefined();
  });

  it('refuses to start when the first connection fails', async () => {
    const proxy = await tcpProxy(databaseUrl);
    await proxy.cut();
    let catchUps = 0;
    await expect(ChangeFeed.start({ url: proxy.url, catchUp: async () => void catchUps++, log: createLogger('silent') })).rejects.toThrow(/ECONNREFUSED/);
    expect(catchUps).toBe(0);
  });
});
