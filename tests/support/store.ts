import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../../src/command/command.ts';
import type { Claim } from '../../src/core/schema.ts';
import { createContext } from '../../src/command/context.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { SHIPPED_CLAIMS } from './files.ts';

/** A database URL in a fresh scratch folder, removed by the returned cleanup. */
export async function scratchDatabase() {
  const dir = await mkdtemp(join(tmpdir(), 'claimbot-db-'));
  return { dir, url: `file:${join(dir, 'claimbot.db')}`, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Fresh database URLs, one per call, in one scratch folder per test file (removed when the process exits): for
 * code under test that opens the database itself (the CLI, `npm start`), so no run sees another's claims.
 */
export function freshDatabaseUrls(): () => string {
  let dir: string | undefined;
  let count = 0;
  return () => {
    if (!dir) {
      const created = (dir = mkdtempSync(join(tmpdir(), 'claimbot-dbs-')));
      process.once('exit', () => rmSync(created, { recursive: true, force: true }));
    }
    return `file:${join(dir, `claimbot-${++count}.db`)}`;
  };
}

/** A store on a fresh database, seeded from `seedFile` (the shipped claims by default). */
export async function scratchStore(seedFile = SHIPPED_CLAIMS) {
  const database = await scratchDatabase();
  const store = await ClaimStore.open({ databaseUrl: database.url, seedFile });
  return {
    store,
    url: database.url,
    cleanup: async () => {
      await store.close();
      await database.cleanup();
    },
  };
}

/**
 * A store on `url` without the index cache (every open reads the claims from the database), seeded with the shipped
 * claims when empty, and closed by a cleanup pushed onto `cleanups`. Opened twice on one URL: two processes.
 */
export async function uncachedStore(url: string, cleanups: (() => Promise<unknown>)[]): Promise<ClaimStore> {
  const store = await ClaimStore.open({ databaseUrl: url, seedFile: SHIPPED_CLAIMS, cacheDir: false });
  cleanups.push(() => store.close());
  return store;
}

/** What a command sees when a moderator at the console runs it. */
export function consoleContext(store: ClaimStore): CommandContext {
  return createContext(store, { id: 'console', name: 'tester (console)' });
}

const [shippedClaim] = (JSON.parse(readFileSync(SHIPPED_CLAIMS, 'utf8')) as { claims: Claim[] }).claims;

/** A new claim of the first story with this id and statement (unlike every shipped one), made now by desk-editor. */
export function newClaim(id: string, statement: string): Claim {
  const now = new Date().toISOString();
  return { ...shippedClaim!, id, statement, flags: [], createdAt: now, updatedAt: now, addedBy: 'desk-editor' };
}
