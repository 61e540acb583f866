import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/log.ts';
import type { Claim } from '../../src/core/schema.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { enginesUnderTest } from '../support/postgres.ts';
import { scratchDatabase } from '../support/store.ts';

const moderator = { id: '600000000000000006', name: 'desk-editor', guildId: '200000000000000002' };
const other = { id: '610000000000000001', name: 'other-process' };
const RERATED = 'zelensky-tehran-too';
const REMOVED = 'kyiv-independent-10000-troops';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'claimbot-cache-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function open(databaseUrl: string, cacheDir: string | false, log = createLogger('silent')): Promise<ClaimStore> {
  const store = await ClaimStore.open({ databaseUrl, seedFile: SHIPPED_CLAIMS, cacheDir, log });
  cleanups.push(() => store.close());
  return store;
}

/** The one cache file in `dir`. */
async function cacheFile(dir: string): Promise<string> {
  const [file, ...more] = await readdir(dir);
  expect(more).toEqual([]);
  return join(dir, file!);
}

/** A backup of the database as an operator would take one (the SQLite files; a copy of the Postgres database), and its restore. */
async function backUp(engine: 'sqlite' | 'postgres', url: string) {
  if (engine === 'postgres') {
    const name = new URL(url).pathname.slice(1);
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    await admin(`CREATE DATABASE ${name}_backup TEMPLATE ${name}`);
    cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name}_backup WITH (FORCE)`));
    return {
      restore: async () => {
        await admin(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin(`CREATE DATABASE ${name} TEMPLATE ${name}_backup`);
      },
    };
  }
  const file = url.slice('file:'.length);
  const saved = await scratchDir();
  const names = (await readdir(join(file, '..'))).filter((name) => name.startsWith('claimbot.db') && !name.endsWith('-index'));
  for (const name of names) await copyFile(join(file, '..', name), join(saved, name));
  return {
    restore: async () => {
      for (const name of await readdir(join(file, '..'))) if (name.startsWith('claimbot.db') && !name.endsWith('-index')) await rm(join(file, '..', name));
      for (const name of names) await copyFile(join(saved, name), join(file, '..', name));
    },
  };
}

const byId = (claims: readonly Claim[]) => [...claims].sort((a, b) => (a.id < b.id ? -1 : 1));

describe.each(enginesUnderTest())('the index cache proves it is the database’s state ($engine)', ({ engine, scratch }) => {
  it('a database restored from a backup and written past the cache’s number: the database’s truth, not the cache’s', async () => {
    const database = await scratch();
    cleanups.push(database.cleanup);
    const cacheDir = await scratchDir();
    await (await open(database.url, cacheDir)).close();
    const backup = await backUp(engine, database.url);

    // After the backup: a re-rate and a new claim, which the cache saved at closing holds.
    const before = await open(database.url, cacheDir);
    await before.update(RERATED, moderator, 'verdict', (claim) => ({ ...claim, verdict: 'false' }), 'found false');
    await before.add(
      { ...before.claim(RERATED)!, id: 'after-the-backup', statement: 'A claim added after the backup was taken', verdict: 'unverified' },
      moderator,
    );
    await before.close();

    // The database restored, then written past the cache's sequence number by a process that keeps no cache.
    await backup.restore();
    const writer = await open(database.url, false);
    await writer.remove(REMOVED, other, 'legal takedown');
    await writer.update(RERATED, other, 'flag', (claim) => ({ ...claim, flags: [] }));
    await writer.update('zelensky-weapons-and-people', other, 'verdict', (claim) => ({ ...claim, verdict: 'disputed' }));
    await writer.close();

    const warnings: string[] = [];
    const restarted = await open(
      database.url,
      cacheDir,
      createLogger('warn', (line) => warnings.push(line)),
    );
    const truth = await open(database.url, false);
    expect(restarted.loadedFrom).toBe('database');
    expect(restarted.claim('after-the-backup')).toBeUndefined();
    expect(restarted.claim(RERATED)!.verdict).toBe('unverified');
    expect(restarted.claim(REMOVED)).toBeUndefined();
    expect(byId(restarted.claims)).toEqual(byId(truth.claims));
    expect(warnings.map((line) => (JSON.parse(line) as { message: string }).message)).toContain(
      'the search index cache is not this database as it is now (restored from a backup?): building the index from the database',
    );
  }, 60_000);
});

describe('the index cache file', () => {
  it('is rebuilt from the database when its bytes were edited, and the edit is never served', async () => {
    const database = await scratchDatabase();
    cleanups.push(database.cleanup);
    const cacheDir = await scratchDir();
    const original = (await open(database.url, cacheDir)).claim(RERATED)!.statement;
    await cleanups.pop()!();
    const file = await cacheFile(cacheDir);
    const bytes = await readFile(file);
    const at = bytes.indexOf(Buffer.from('Tehran'));
    expect(at).toBeGreaterThan(0);
    bytes.write('Xanadu', at);
    await writeFile(file, bytes);

    const warnings: string[] = [];
    const store = await open(
      database.url,
      cacheDir,
      createLogger('warn', (line) => warnings.push(line)),
    );
    expect(store.loadedFrom).toBe('database');
    expect(store.claim(RERATED)!.statement).toBe(original);
    expect(
      store
        .dataset()
        .claims.map((claim) => claim.statement)
        .join(' '),
    ).not.toContain('Xanadu');
    expect(warnings.map((line) => JSON.parse(line) as { message: string; error: { message: string } })).toEqual([
      expect.objectContaining({
        message: 'the search index cache cannot be read: building the index from the database',
        error: expect.objectContaining({ message: 'the file is not as it was written: its checksum does not match its content' }),
      }),
    ]);
  });

  it('is readable and writable by its owner only (mode 0600): it holds every claim, removed ones too', async () => {
    const database = await scratchDatabase();
    cleanups.push(database.cleanup);
    const cacheDir = await scratchDir();
    await (await open(database.url, cacheDir)).close();
    expect((await stat(await cacheFile(cacheDir))).mode & 0o777).toBe(0o600);
  });
});
