import { Migrator, sql, type Kysely } from 'kysely';
import type { Logger } from '../core/log.ts';
import { ClaimTable } from './claim-table.ts';
import { openEngine } from './engine.ts';
import { engineOf, type Engine } from '../core/paths.ts';
import { migrations } from './migrations.ts';
import { RequestTable } from './request-table.ts';
import { SummaryTable } from './summary-table.ts';
import type { Tables } from './tables.ts';

/**
 * The open database: one module per table behind it (claims with their stories and audit, summaries, requests).
 * Every SQL statement of claimbot is in those modules; only the store holds this object.
 */
export class ClaimDatabase {
  readonly claims: ClaimTable;
  readonly summaries: SummaryTable;
  readonly requests: RequestTable;

  private constructor(
    private readonly db: Kysely<Tables>,
    readonly url: string,
    readonly engine: Engine,
  ) {
    this.claims = new ClaimTable(db, engine);
    this.summaries = new SummaryTable(db);
    this.requests = new RequestTable(db);
  }

  /** Opens (creating when needed) the database at `url` and brings its tables up to date. */
  static async open(url: string, log?: Logger): Promise<ClaimDatabase> {
    const engine = engineOf(url);
    if (!engine) throw new Error(`DATABASE_URL must be a file: or postgres:// URL (got "${url.split(':')[0]}:")`);
    const db = await openEngine(engine, url, log);
    try {
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
      if (error) throw error;
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return new ClaimDatabase(db, url, engine);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** This database's id, made when its tables were: what the search index cache was made from. */
  async instanceId(): Promise<string> {
    return (await this.db.selectFrom('instance').select('id').executeTakeFirstOrThrow()).id;
  }

  /**
   * A SQLite setting or check (`integrity_check` is "ok" on an intact file), read on the client's connection or,
   * with `inTransaction`, on the connection a write transaction gets, which is where durability matters.
   */
  async pragma(name: 'journal_mode' | 'synchronous' | 'integrity_check', { inTransaction = false } = {}): Promise<unknown> {
    const read = async (db: Kysely<Tables>) => {
      const { rows } = await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(db);
      return Object.values(rows[0] ?? {})[0];
    };
    return inTransaction ? this.db.transaction().execute(read) : read(this.db);
  }
}
