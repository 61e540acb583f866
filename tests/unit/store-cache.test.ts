import { existsSync } from 'node:fs';
import { copyFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { createLogger } from '../../src/core/log.ts';
import { ClaimStore, type StoreOptions } from '../../src/store/claim-store.ts';
import { readIndexCache, writeIndexCache } from '../../src/store/index-cache.ts';
import { datasetFile, SHIPPED_CLAIMS } from '../support/files.ts';
import { SECOND_STORY_CLAIMS } from '../support/answer-sets.ts';
import { scratchPostgres, TEST_DATABASE_URL } from '../support/postgres.ts';
import { newClaim, scratchDatabase } from '../support/store.ts';

// When the store may start from its cache file (beside a SQLite database by default), and when it must not.
const moderator = { id: '600000000000000006', name: 'desk-editor', guildId: '200000000000000002' };
const [first, second] = [await loadDataset(SHIPPED_CLAIMS), await loadDataset(SECOND_STORY_CLAIMS)];

interface Line {
  level: string;
  message: string;
  file?: string;
  seq?: number;
  error?: { message: string };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store, closed after the test, and what it logged. */
async function open(options: StoreOptions) {
  const lines: Line[] = [];
  const store = await ClaimStore.open({ ...options, log: createLogger('info', (line) => lines.push(JSON.parse(line) as Line)) });
  cleanups.push(() => store.close());
  return Object.assign(store, { lines });
}

async function scratch() {
  const database = await scratchDatabase();
  cleanups.push(database.cleanup);
  return { ...database, cacheFile: join(database.dir, 'claimbot.db-index') };
}

describe('the search index cache file', () => {
  it('is made beside the SQLite file at the first start, which says nothing about it, and read at the next', async () => {
    const database = await scratch();
    const firstStart = await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS });
    expect(firstStart.loadedFrom).toBe('database');
    await firstStart.close();
    expect(firstStart.lines).toEqual([]);
    expect((await stat(database.cacheFile)).size).toBeGreaterThan(0);
    expect((await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS })).loadedFrom).toBe('cache');
  });

  it('is not written again when nothing changed since it was', async () => {
    const database = await scratch();
    await (await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS })).close();
    const saved = await stat(database.cacheFile);
    const again = await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS });
    await again.close();
    expect((await stat(database.cacheFile)).mtimeMs).toBe(saved.mtimeMs);
    const changed = await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS });
    await changed.add(newClaim('cache-file-claim', 'A statement added after the cache was saved'), moderator);
    await changed.close();
    expect((await stat(database.cacheFile)).mtimeMs).toBeGreaterThan(saved.mtimeMs);
  });

  it('that cannot be written is said with its file, and the store goes on', async () => {
    const database = await scratch();
    // A folder that is a file: nothing can be written under it.
    const blocked = join(database.dir, 'not-a-folder');
    await writeFile(blocked, '');
    const store = await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS, cacheDir: join(blocked, 'cache') });
    await store.add(newClaim('cache-blocked-claim', 'A statement added while the cache cannot be saved'), moderator);
    await store.close();
    const file = expect.stringMatching(/not-a-folder\/cache\/claimbot-index-/);
    const notSaved = { level: 'warn', message: 'could not save the search index cache; the next start builds the index', file };
    // Read at the start, saved after building the index and again at close (the claim added since).
    expect(store.lines).toMatchObject([
      { level: 'warn', message: 'the search index cache cannot be read: building the index from the database', file },
      notSaved,
      notSaved,
    ]);
    expect(store.lines.map((line) => line.error?.message)).toEqual([
      expect.stringMatching(/^ENOTDIR/),
      expect.stringMatching(/^ENOTDIR/),
      expect.stringMatching(/^ENOTDIR/),
    ]);
    expect(store.claimCount).toBe(first.claims.length + 1);
  });

  it('of another database is not used, even when its last audit entry looks the same', async () => {
    // Two databases seeded at the same moment, each then given a claim with the same id at the same moment.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T09:00:00.000Z'));
    const [one, two] = [await scratch(), await scratch()];
    const stores = [await open({ databaseUrl: one.url, seedFile: SHIPPED_CLAIMS }), await open({ databaseUrl: two.url, seedFile: SHIPPED_CLAIMS })];
    await stores[0]!.add(newClaim('same-id-claim', 'What the first database says'), moderator);
    await stores[1]!.add(newClaim('same-id-claim', 'What the second database says'), moderator);
    for (const store of stores) await store.close();
    await copyFile(one.cacheFile, two.cacheFile);
    const reopened = await open({ databaseUrl: two.url, seedFile: SHIPPED_CLAIMS });
    expect([reopened.loadedFrom, reopened.claim('same-id-claim')?.statement]).toEqual(['database', 'What the second database says']);
  });

  it('is not used when a story was retitled since, and is used when a story was only added', async () => {
    const { file: seedFile, cleanup } = await datasetFile({ stories: [...first.stories, ...second.stories], claims: [...first.claims, ...second.claims] });
    cleanups.push(cleanup);
    const database = await scratch();
    await (await open({ databaseUrl: database.url, seedFile })).close();
    const story = { id: 'a-story-added-later', title: 'A story added later' };
    const adding = await open({ databaseUrl: database.url, seedFile, cacheDir: false });
    await adding.import({ stories: [{ ...first.stories[0]!, ...story }], claims: [] }, moderator);
    await adding.close();
    expect((await open({ databaseUrl: database.url, seedFile })).loadedFrom).toBe('cache');

    const retitling = await open({ databaseUrl: database.url, seedFile, cacheDir: false });
    const retitled = { ...second.stories[0]!, title: 'Landslide closes the Araniko Highway for three weeks' };
    await retitling.import({ stories: [retitled], claims: [] }, moderator);
    await retitling.close();
    const reopened = await open({ databaseUrl: database.url, seedFile });
    expect(reopened.loadedFrom).toBe('database');
    expect(reopened.stories.find((each) => each.id === retitled.id)?.title).toBe(retitled.title);
  });

  it('made by a version that reads text differently is not used', async () => {
    const database = await scratch();
    await (await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS })).close();
    const saved = (await readIndexCache(database.cacheFile))!;
    await writeIndexCache(database.cacheFile, { ...saved.cache, search: { ...saved.cache.search, format: 'an older way of reading' } }, [saved.json]);
    const reopened = await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS });
    expect(reopened.loadedFrom).toBe('database');
    expect(reopened.search('north korean troops in russia', { limit: 1 })[0]?.claim.id).toBeDefined();
  });

  it('is not made for a database with no claims yet: there is nothing to index', async () => {
    const { file: seedFile, cleanup } = await datasetFile({ stories: [], claims: [] });
    cleanups.push(cleanup);
    const database = await scratch();
    const store = await open({ databaseUrl: database.url, seedFile });
    expect(store.claimCount).toBe(0);
    await store.close();
    expect(existsSync(database.cacheFile)).toBe(false);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('the search index cache of a PostgreSQL database', () => {
  it('is kept in .cache, named by the database’s own id', async () => {
    const database = await scratchPostgres(TEST_DATABASE_URL!);
    cleanups.push(database.cleanup);
    await (await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS })).close();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ id: string }>('SELECT id FROM instance');
    await client.end();
    expect(existsSync(resolve('.cache', `claimbot-index-${rows[0]!.id}`))).toBe(true);
    expect((await open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS })).loadedFrom).toBe('cache');
  });
});
