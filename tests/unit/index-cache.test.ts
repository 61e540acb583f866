import { wordsOfRejection } from '../support/errors.ts';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withDistractors } from '../../bench/synthetic/index.ts';
import { loadDataset } from '../../src/core/dataset.ts';
import { createLogger } from '../../src/core/log.ts';
import type { Claim } from '../../src/core/schema.ts';
import { ClaimSearch } from '../../src/search/claim-search.ts';
import { ClaimStore, type StoreOptions } from '../../src/store/claim-store.ts';
import { datasetFile, SHIPPED_CLAIMS } from '../support/files.ts';
import { EXTRA_QUERIES, PUBLIC_QUERIES, readQueries } from '../support/eval-queries.ts';
import { enginesUnderTest } from '../support/postgres.ts';
import { scratchDatabase } from '../support/store.ts';

const moderator = { id: '600000000000000006', name: 'desk-editor', guildId: '200000000000000002' };
const curated = await loadDataset(SHIPPED_CLAIMS);
// Enough claims that terms are shared by many, and typos have neighbours.
const dataset = withDistractors(curated, 600);
const QUERIES = [...readQueries(PUBLIC_QUERIES), ...readQueries(EXTRA_QUERIES)].map(({ query }) => query);
const MODES = ['query', 'typing', 'message'] as const;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'claimbot-cache-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** What a search answers, comparable between two stores: ids and scores, for every query in every mode. */
function answers(store: Pick<ClaimStore, 'search'>): string[] {
  return QUERIES.flatMap((query) =>
    MODES.map(
      (mode) =>
        `${mode} ${query} → ${store
          .search(query, { mode, limit: 8 })
          .map((hit) => `${hit.claim.id} ${hit.score.toFixed(6)}`)
          .join(', ')}`,
    ),
  );
}

const byId = (claims: readonly Claim[]) => [...claims].sort((a, b) => (a.id < b.id ? -1 : 1));

function newClaim(n: number): Claim {
  const now = new Date().toISOString();
  return {
    ...curated.claims[0]!,
    id: `cache-test-${n}`,
    statement: `Cache test statement ${n} about grain convoys near Odesa`,
    flags: [],
    createdAt: now,
    updatedAt: now,
  };
}

describe.each(enginesUnderTest())('the search index cache on $engine', ({ scratch }) => {
  async function database() {
    const { file, cleanup } = await datasetFile(dataset);
    cleanups.push(cleanup);
    const scratchDatabase = await scratch();
    cleanups.push(scratchDatabase.cleanup);
    const cacheDir = await scratchDir();
    return { url: scratchDatabase.url, seedFile: file, cacheDir };
  }

  async function open(options: StoreOptions): Promise<ClaimStore> {
    const store = await ClaimStore.open(options);
    cleanups.push(() => store.close());
    return store;
  }

  /** Changes of every kind: an addition, an edit, a re-rate, a removal. */
  async function change(store: ClaimStore, n: number): Promise<void> {
    await store.add(newClaim(n), moderator);
    await store.update(curated.claims[1]!.id, moderator, 'edit', (claim) => ({ ...claim, statement: `${claim.statement} (edited ${n})` }));
    await store.update(curated.claims[2]!.id, moderator, 'verdict', (claim) => ({ ...claim, verdict: n % 2 ? 'false' : 'disputed' }));
    await store.remove(curated.claims[3 + n]!.id, moderator, 'a test');
  }

  it('restarts from the cache, with the changes made since, answering exactly as an index built from the database', async () => {
    const { url, seedFile, cacheDir } = await database();
    const first = await ClaimStore.open({ databaseUrl: url, seedFile, cacheDir });
    expect(first.loadedFrom).toBe('database');
    await change(first, 1);
    await first.close(); // saves the cache
    // Changes the cache does not hold: made by a process that keeps no cache.
    const other = await ClaimStore.open({ databaseUrl: url, seedFile, cacheDir: false });
    await change(other, 2);
    await other.close();

    const cached = await open({ databaseUrl: url, seedFile, cacheDir });
    const built = await open({ databaseUrl: url, seedFile, cacheDir: false });
    expect([cached.loadedFrom, built.loadedFrom]).toEqual(['cache', 'database']);
    expect(cached.claim('cache-test-2')?.statement).toBe(newClaim(2).statement);
    expect(cached.claim(curated.claims[5]!.id)).toBeUndefined();
    expect(cached.claim(curated.claims[1]!.id)?.statement).toMatch(/\(edited 1\) \(edited 2\)$/);
    expect(answers(cached)).toEqual(answers(built));
    expect(byId(cached.claims)).toEqual(byId(built.claims));
    expect(byId(cached.removedClaims).map((claim) => claim.id)).toEqual([curated.claims[4]!.id, curated.claims[5]!.id].sort());
    expect(cached.newest(25).map((claim) => claim.id)).toEqual(built.newest(25).map((claim) => claim.id));
    expect(cached.newest(1, { verdict: 'disputed' }).map((claim) => claim.id)).toEqual([curated.claims[2]!.id]);
    expect(cached.claimsOf(curated.stories[0]!.id).length).toBe(built.claimsOf(curated.stories[0]!.id).length);

    // The restored store goes on changing like the built one: statements stay unique, the index follows.
    expect(await wordsOfRejection(cached.add({ ...newClaim(3), statement: newClaim(2).statement.toUpperCase() }, moderator))).toBe(
      'The claim “cache-test-2” already has this statement.',
    );
    await change(cached, 3);
    await built.catchUp();
    expect(answers(cached)).toEqual(answers(built));
  });

  it('builds the index anew from a cache file it cannot read, says so, and saves a good one', async () => {
    const { url, seedFile, cacheDir } = await database();
    await (await ClaimStore.open({ databaseUrl: url, seedFile, cacheDir })).close();
    const [file] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file!), 'not a cache');
    const warnings: string[] = [];
    const log = createLogger('warn', (line) => warnings.push(line));
    const store = await ClaimStore.open({ databaseUrl: url, seedFile, cacheDir, log });
    expect(store.loadedFrom).toBe('database');
    expect(store.claimCount).toBe(dataset.claims.length);
    expect(warnings.map((line) => JSON.parse(line) as { message: string; file: string })).toEqual([
      expect.objectContaining({ message: 'the search index cache cannot be read: building the index from the database', file: join(cacheDir, file!) }),
    ]);
    await store.close();
    expect((await open({ databaseUrl: url, seedFile, cacheDir })).loadedFrom).toBe('cache');
  });
});

describe('a cache that is not this database as it is now', () => {
  it('is not used when it is another database’s, or ahead of the database (restored from a backup)', async () => {
    const { file: seedFile, cleanup } = await datasetFile(dataset);
    cleanups.push(cleanup);
    const [one, two] = [await scratchDatabase(), await scratchDatabase()];
    cleanups.push(one.cleanup, two.cleanup);
    // Beside each SQLite file, as by default. The first database gets a claim the second has not.
    const first = await ClaimStore.open({ databaseUrl: one.url, seedFile });
    await first.add(newClaim(1), moderator);
    await first.close();
    await (await ClaimStore.open({ databaseUrl: two.url, seedFile })).close();
    const backup = await backUp(two.dir);
    await copyFile(join(one.dir, 'claimbot.db-index'), join(two.dir, 'claimbot.db-index'));
    const second = await open({ databaseUrl: two.url, seedFile });
    expect([second.loadedFrom, second.claim('cache-test-1')]).toEqual(['database', undefined]);

    // The second database's own cache, saved after a change, then the database put back as it was before it.
    await second.add(newClaim(2), moderator);
    const cachedSeq = second.lastSeq;
    await second.close();
    cleanups.pop();
    await backup.restore();
    const warnings: unknown[] = [];
    const restored = await open({ databaseUrl: two.url, seedFile, log: createLogger('warn', (line) => warnings.push(JSON.parse(line))) });
    expect([restored.loadedFrom, restored.claim('cache-test-2')]).toEqual(['database', undefined]);
    expect(warnings).toEqual([
      expect.objectContaining({
        message: 'the search index cache is not this database as it is now (restored from a backup?): building the index from the database',
        file: join(two.dir, 'claimbot.db-index'),
        seq: cachedSeq,
      }),
    ]);
  });

  async function open(options: StoreOptions): Promise<ClaimStore> {
    const store = await ClaimStore.open(options);
    cleanups.push(() => store.close());
    return store;
  }

  /** A copy of the SQLite database's files (its write-ahead log too), and a way to put them back. */
  async function backUp(dir: string) {
    const files = (await readdir(dir)).filter((name) => name.startsWith('claimbot.db') && !name.endsWith('-index'));
    const saved = await scratchDir();
    for (const name of files) await copyFile(join(dir, name), join(saved, name));
    return {
      restore: async () => {
        for (const name of await readdir(dir)) if (name.startsWith('claimbot.db') && !name.endsWith('-index')) await rm(join(dir, name));
        for (const name of files) await copyFile(join(saved, name), join(dir, name));
      },
    };
  }
});

describe('a saved search index', () => {
  it('read back, searches and changes exactly as the index it was saved from', () => {
    const built = new ClaimSearch(dataset.claims, dataset.stories);
    const claims = new Map(dataset.claims.map((claim) => [claim.id, claim]));
    const restored = ClaimSearch.restore(built.snapshot(), dataset.stories, (id) => claims.get(id))!;
    expect(answers(restored)).toEqual(answers(built));
    // Terms read back share their arrays: a change to one must not touch another's.
    const edited = { ...dataset.claims[0]!, statement: 'Kursk grain convoys and ten thousand drones' };
    for (const index of [built, restored]) {
      index.remove(dataset.claims[0]!.id);
      index.remove(dataset.claims[7]!.id);
      index.add(edited);
    }
    claims.set(edited.id, edited);
    claims.delete(dataset.claims[7]!.id);
    expect(answers(restored)).toEqual(answers(built));
  });

  it('is refused when it was saved by a version that reads text differently', () => {
    const snapshot = new ClaimSearch(curated.claims, curated.stories).snapshot();
    expect(ClaimSearch.restore({ ...snapshot, format: 'another' }, curated.stories, () => undefined)).toBeUndefined();
  });
});
