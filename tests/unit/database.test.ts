import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimDatabase } from '../../src/store/database.ts';

// Opening the database a DATABASE_URL names (the store and the CLI go through here).
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('opening the database', () => {
  it('refuses a URL of another kind, naming what it got', async () => {
    await expect(ClaimDatabase.open('mysql://desk@127.0.0.1/claims')).rejects.toThrow('DATABASE_URL must be a file: or postgres:// URL (got "mysql:")');
  });

  it('makes the folders of a SQLite file that does not exist yet, and is closed for good once closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimbot-database-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'newsroom', 'claims', 'claimbot.db');
    const database = await ClaimDatabase.open(`file:${file}`);
    expect(existsSync(file)).toBe(true);
    expect(await database.instanceId()).toMatch(/^[0-9a-f-]{36}$/);
    await database.close();
    await expect(database.instanceId()).rejects.toThrow();
  });
});
