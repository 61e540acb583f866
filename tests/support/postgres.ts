import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { scratchDatabase } from './store.ts';

/**
 * A PostgreSQL server for the tests, when one is given: `TEST_DATABASE_URL=postgres://user@host:port/db`
 * (`.ci/run` starts a throwaway one and sets it). Without it the Postgres tests are skipped, with a line saying so.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const POSTGRES_SKIPPED = 'PostgreSQL tests skipped: TEST_DATABASE_URL is not set (.ci/run starts a throwaway server and sets it)';

/**
 * A database of its own on the test server, dropped (with whatever still connects to it) by the returned cleanup,
 * and so is the search index cache a store saved for it in the default place (`.cache`, see src/store.ts).
 */
export async function scratchPostgres(serverUrl: string) {
  const name = `claimbot_test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const cleanup = async () => {
    const instance = await query<{ id: string }>(url.toString(), 'SELECT id FROM instance').catch(() => undefined);
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    for (const { id } of instance?.rows ?? []) await rm(resolve('.cache', `claimbot-index-${id}`), { force: true });
  };
  return { url: url.toString(), cleanup };
}

/** Ends a server connection as an administrator would (`pg_terminate_backend`): what a network cut or a failover does to it. */
export async function terminateConnection(serverUrl: string, pid: number): Promise<boolean> {
  const { rows } = await query<{ ended: boolean }>(serverUrl, 'SELECT pg_terminate_backend($1) AS ended', [pid]);
  return rows[0]?.ended === true;
}

export interface EngineUnderTest {
  engine: 'sqlite' | 'postgres';
  /** A fresh, empty database of this engine. */
  scratch(): Promise<{ url: string; cleanup: () => Promise<void> }>;
}

/** The engines the store's tests run on: SQLite always, PostgreSQL when a server is given. */
export function enginesUnderTest(): EngineUnderTest[] {
  const engines: EngineUnderTest[] = [{ engine: 'sqlite', scratch: scratchDatabase }];
  if (TEST_DATABASE_URL) engines.push({ engine: 'postgres', scratch: () => scratchPostgres(TEST_DATABASE_URL) });
  else console.log(POSTGRES_SKIPPED);
  return engines;
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  await query(serverUrl, statement);
}

async function query<Row extends pg.QueryResultRow>(serverUrl: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<Row>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query<Row>(text, values);
  } finally {
    await client.end();
  }
}
