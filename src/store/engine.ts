import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';
import { LibsqlDialect, LibsqlDriver } from '@libsql/kysely-libsql';
import { Kysely, PostgresAdapter, PostgresDialect, type ColumnDefinitionBuilder } from 'kysely';
import type { Logger } from '../core/log.ts';
import { GuardedDialect, type Writer } from './guarded-dialect.ts';
import type { Engine } from '../core/paths.ts';
import type { Tables } from './tables.ts';

/** How long a write waits for another process's lock on a SQLite file: within the 3 s Discord gives an answer. */
export const LOCK_WAIT_MS = 2000;
/** How long SQLite itself waits for a lock on a reading connection: the rare moment a reader meets one in WAL mode. */
const SQLITE_BUSY_TIMEOUT_MS = 100;
/** How long opening a PostgreSQL connection may take before the database counts as unreachable. */
const POSTGRES_CONNECT_TIMEOUT_MS = 2000;

/** The two engines behind one set of queries: Kysely builds them, so the same code speaks SQLite and PostgreSQL. */
export async function openEngine(engine: Engine, url: string, log?: Logger): Promise<Kysely<Tables>> {
  return engine === 'postgres' ? openPostgres(url, log) : openSqlite(url, log);
}

async function openSqlite(url: string, log?: Logger): Promise<Kysely<Tables>> {
  mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  // `timeout` is the busy timeout of every connection of the client's pool (a PRAGMA would set one connection's).
  // Kept short: SQLite waits synchronously, holding the event loop; a write's longer wait is GuardedDialect's.
  const client = createClient({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL keeps readers off the writer's back; FULL makes a commit durable before it returns (the database
  // survives a killed process or a power cut with every acknowledged write). Both hold for every connection
  // the client opens: journal_mode is stored in the file, and FULL is SQLite's default, checked by a test.
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = FULL');
  return new Kysely<Tables>({ dialect: new GuardedDialect(new LibsqlDialect({ client }), { writer: sqliteWriter(url), lockWaitMs: LOCK_WAIT_MS, log }) });
}

/** The one connection this process writes with; it fails at once on another process's lock, and GuardedDialect waits. */
function sqliteWriter(url: string): Writer {
  const open = () => new LibsqlDriver(createClient({ url, concurrency: 1 }), true);
  let driver = open();
  return {
    get driver() {
      return driver;
    },
    async replace() {
      await driver.destroy();
      driver = open();
    },
  };
}

/** A pool of connections; Postgres commits durably by default (synchronous_commit = on), so a write's promise resolves once it is safe. */
async function openPostgres(url: string, log?: Logger): Promise<Kysely<Tables>> {
  // Loaded only for Postgres: a SQLite bot does not pay its 15 MB and 0.15 s of startup.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
  // An idle connection the server ends (a restart, a failover) is an 'error' event, which would crash the process
  // unheard. The pool drops that connection and opens a new one for the next query.
  pool.on('error', (error) => log?.warn('database: an idle connection was closed; the next query opens a new one', { error }));
  return new Kysely<Tables>({ dialect: new GuardedDialect(new PostgresDialect({ pool }), { lockWaitMs: LOCK_WAIT_MS, log }) });
}

/** An integer key the database numbers: `serial` on Postgres, `integer primary key autoincrement` on SQLite. */
export function serialKey(db: Kysely<unknown>): ['serial' | 'integer', (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? ['serial', (column) => column.primaryKey()]
    : ['integer', (column) => column.primaryKey().autoIncrement()];
}
