import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { LibsqlDialect } from '@libsql/kysely-libsql';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, sql, type Generated, type Migration, type Selectable, type Transaction } from 'kysely';
import pg from 'pg';
import type { Logger } from './log.ts';
import type { Claim, Story } from './schema.ts';

/**
 * Every SQL statement of claimbot lives in this file. Kysely builds the queries, so the same code speaks
 * SQLite (libsql, `file:` URLs, the default) and PostgreSQL (`postgres://`, for several processes sharing one
 * set of claims). Where the two differ, `this.engine` says which one runs.
 */

export type Engine = 'sqlite' | 'postgres';

/** The engine a DATABASE_URL selects, or undefined for one claimbot cannot use. */
export function engineOf(url: string): Engine | undefined {
  if (/^file:./.test(url)) return 'sqlite';
  if (/^postgres(ql)?:\/\/./.test(url)) return 'postgres';
  return undefined;
}

/** The channel a committed write is announced on (Postgres): `{ seq }`, the last audit sequence it wrote. */
export const CHANGES_CHANNEL = 'claimbot_changes';

/** Rows hold whole records as JSON: the zod schema, not the table, is the shape of a claim. */
interface Tables {
  claims: { id: string; story: string; data: string; removed_at: string | null };
  stories: { id: string; data: string };
  audit: {
    seq: Generated<number>;
    at: string;
    actor_id: string;
    actor_name: string;
    guild_id: string | null;
    action: string;
    claim_id: string;
    before: string | null;
    after: string | null;
    reason: string | null;
  };
  summaries: { id: string; guild_id: string; channel_id: string; story: string; message_ids: string; hash: string; updated_at: string };
}

/** A story summary posted in a channel: the messages that hold it and a hash of what they show. */
export interface SummaryRecord {
  guildId: string;
  channelId: string;
  story: string;
  /** In order: a long story continues over several messages. */
  messageIds: string[];
  /** Of the rendered messages, so an edit that would change nothing is not sent. */
  hash: string;
  updatedAt: string;
}

export const AUDIT_ACTIONS = ['import', 'add', 'edit', 'verdict', 'flag', 'remove', 'restore'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who made a change: a Discord member (with the server they were in), the console, or an import. */
export interface Actor {
  id: string;
  name: string;
  guildId?: string | null;
}

/** One row of the append-only audit trail. `before` is null for an addition; `after` is the claim as saved. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: Actor;
  action: AuditAction;
  claimId: string;
  before: Claim | null;
  after: Claim;
  /** Whether `after` is out of search (removed). */
  removed: boolean;
  reason: string | null;
}

/** A change to write: the claim as it should be after it, and whether it is (still) removed. */
export interface ClaimWrite {
  action: AuditAction;
  claim: Claim;
  removed: boolean;
  reason?: string;
}

/** Where a claim stands in the database. */
export interface StoredClaim {
  claim: Claim;
  removed: boolean;
}

const migrations: Record<string, Migration> = {
  '0001-claims-stories-audit': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stories')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('data', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('claims')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('story', 'text', (column) => column.notNull())
        .addColumn('data', 'text', (column) => column.notNull())
        .addColumn('removed_at', 'text')
        .execute();
      await db.schema
        .createTable('audit')
        // Postgres has no AUTOINCREMENT keyword: its counter is the serial type.
        .addColumn('seq', onPostgres(db) ? 'serial' : 'integer', (column) => (onPostgres(db) ? column.primaryKey() : column.primaryKey().autoIncrement()))
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor_id', 'text', (column) => column.notNull())
        .addColumn('actor_name', 'text', (column) => column.notNull())
        .addColumn('guild_id', 'text')
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('claim_id', 'text', (column) => column.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('reason', 'text')
        .execute();
      await db.schema.createIndex('audit_claim').on('audit').columns(['claim_id', 'seq']).execute();
    },
  },
  '0002-summaries': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('summaries')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('guild_id', 'text', (column) => column.notNull())
        .addColumn('channel_id', 'text', (column) => column.notNull())
        .addColumn('story', 'text', (column) => column.notNull())
        .addColumn('message_ids', 'text', (column) => column.notNull())
        .addColumn('hash', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
    },
  },
};

/** `file:data/claimbot.db` beside the code, so the CLI finds the bot's database from any folder. */
export const DEFAULT_DATABASE_URL = `file:${fileURLToPath(new URL('../data/claimbot.db', import.meta.url))}`;

export class ClaimDatabase {
  private constructor(
    private readonly db: Kysely<Tables>,
    readonly url: string,
    readonly engine: Engine,
  ) {}

  /** Opens (creating when needed) the database at `url` and brings its tables up to date. */
  static async open(url: string, log?: Logger): Promise<ClaimDatabase> {
    const engine = engineOf(url);
    if (!engine) throw new Error(`DATABASE_URL must be a file: or postgres:// URL (got "${url.split(':')[0]}:")`);
    const db = engine === 'postgres' ? openPostgres(url, log) : await openSqlite(url);
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

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('stories').select('id').limit(1).executeTakeFirst();
    return row === undefined;
  }

  /** Every story and claim, removed ones included. Records were validated when written, so they are not again. */
  async readAll(): Promise<{ stories: Story[]; claims: StoredClaim[]; lastSeq: number }> {
    // The sequence number first: a change committed while the rows are read is then applied again when the process
    // catches up (harmless), never skipped.
    const last = await this.db.selectFrom('audit').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    const [stories, claims] = await Promise.all([
      this.db.selectFrom('stories').select('data').orderBy('id').execute(),
      this.db.selectFrom('claims').select(['data', 'removed_at']).orderBy('id').execute(),
    ]);
    return {
      stories: stories.map((row) => JSON.parse(row.data) as Story),
      claims: claims.map((row) => ({ claim: JSON.parse(row.data) as Claim, removed: row.removed_at !== null })),
      lastSeq: Number(last?.seq ?? 0),
    };
  }

  /** Every story: another process may have imported some. */
  async readStories(): Promise<Story[]> {
    const rows = await this.db.selectFrom('stories').select('data').orderBy('id').execute();
    return rows.map((row) => JSON.parse(row.data) as Story);
  }

  /** The claim as the database has it now, or undefined. */
  async readClaim(id: string, trx: Kysely<Tables> = this.db): Promise<StoredClaim | undefined> {
    const row = await trx.selectFrom('claims').select(['data', 'removed_at']).where('id', '=', id).executeTakeFirst();
    return row && { claim: JSON.parse(row.data) as Claim, removed: row.removed_at !== null };
  }

  /**
   * Runs `decide` on the current state inside one write transaction and saves what it returns: the claims and
   * one audit row each, all or nothing. Returns the audit entries written (empty when `decide` returns none).
   * With `since`, `decide` also gets the audit entries after that sequence number that other processes committed
   * before this write began, so it decides on what the database holds, not on what this process last heard.
   */
  async write(actor: Actor, decide: (read: (id: string) => Promise<StoredClaim | undefined>, missed: AuditEntry[]) => Promise<{ stories?: Story[]; claims: ClaimWrite[] }>, since?: number): Promise<AuditEntry[]> {
    return this.db.transaction().execute(async (trx) => {
      // Several processes write to one Postgres database: one writer at a time, as SQLite has it. So a claim read
      // here is not changed by another process before this commits, and audit sequence numbers are committed in
      // order, which is what lets a process catch up with `changesSince(lastSeq)` without missing any.
      if (this.engine === 'postgres') await sql`select pg_advisory_xact_lock(${WRITE_LOCK})`.execute(trx);
      const missed = since === undefined ? [] : await this.changesSince(since, trx);
      const { stories = [], claims } = await decide((id) => this.readClaim(id, trx), missed);
      for (const story of stories) {
        await trx.insertInto('stories').values({ id: story.id, data: JSON.stringify(story) })
          .onConflict((conflict) => conflict.column('id').doUpdateSet({ data: JSON.stringify(story) })).execute();
      }
      const entries: AuditEntry[] = [];
      for (const change of claims) entries.push(await this.writeClaim(trx, actor, change));
      // Delivered to every listening process on commit, never before. A sequence number, not rows: a payload must
      // stay under 8000 bytes, and an import writes thousands of claims.
      const last = entries.at(-1);
      if (this.engine === 'postgres' && last) await sql`select pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ seq: last.seq })})`.execute(trx);
      return entries;
    });
  }

  private async writeClaim(trx: Transaction<Tables>, actor: Actor, { action, claim, removed, reason }: ClaimWrite): Promise<AuditEntry> {
    const before = await this.readClaim(claim.id, trx);
    const at = new Date().toISOString();
    const data = JSON.stringify(claim);
    const removedAt = removed ? at : null;
    await trx.insertInto('claims').values({ id: claim.id, story: claim.story, data, removed_at: removedAt })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ story: claim.story, data, removed_at: removedAt })).execute();
    const row = {
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      guild_id: actor.guildId ?? null,
      action,
      claim_id: claim.id,
      before: before ? JSON.stringify(before.claim) : null,
      after: data,
      reason: reason ?? null,
    };
    const { seq } = await trx.insertInto('audit').values(row).returning('seq').executeTakeFirstOrThrow();
    return { seq: Number(seq), at, actor: { id: actor.id, name: actor.name, guildId: row.guild_id }, action, claimId: claim.id, before: before?.claim ?? null, after: claim, removed, reason: row.reason };
  }

  /** A claim's audit trail, oldest first. */
  async history(claimId: string): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit').selectAll().where('claim_id', '=', claimId).orderBy('seq').execute();
    return rows.map(toEntry);
  }

  /** Every audit entry after `seq`, oldest first: what another process missed. */
  async changesSince(seq: number, trx: Kysely<Tables> = this.db): Promise<AuditEntry[]> {
    const rows = await trx.selectFrom('audit').selectAll().where('seq', '>', seq).orderBy('seq').execute();
    return rows.map(toEntry);
  }

  async countAudit(): Promise<number> {
    const row = await this.db.selectFrom('audit').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Every posted summary, or those of one story. */
  async summaries(story?: string): Promise<SummaryRecord[]> {
    let query = this.db.selectFrom('summaries').selectAll().orderBy('id');
    if (story !== undefined) query = query.where('story', '=', story);
    return (await query.execute()).map((row) => ({
      guildId: row.guild_id,
      channelId: row.channel_id,
      story: row.story,
      messageIds: JSON.parse(row.message_ids) as string[],
      hash: row.hash,
      updatedAt: row.updated_at,
    }));
  }

  /** Records a summary, or its new messages and hash (one summary per story and channel). */
  async saveSummary(summary: SummaryRecord): Promise<void> {
    const row = {
      guild_id: summary.guildId,
      channel_id: summary.channelId,
      story: summary.story,
      message_ids: JSON.stringify(summary.messageIds),
      hash: summary.hash,
      updated_at: summary.updatedAt,
    };
    await this.db.insertInto('summaries').values({ id: summaryId(summary), ...row })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(row)).execute();
  }

  async forgetSummary(summary: Pick<SummaryRecord, 'channelId' | 'story'>): Promise<void> {
    await this.db.deleteFrom('summaries').where('id', '=', summaryId(summary)).execute();
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

/** Any fixed number: the key of the transaction-level advisory lock every Postgres write takes. */
const WRITE_LOCK = 7_140_914;

function onPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

async function openSqlite(url: string): Promise<Kysely<Tables>> {
  mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  const client = createClient({ url });
  // WAL keeps readers off the writer's back; FULL makes a commit durable before it returns (the database
  // survives a killed process or a power cut with every acknowledged write). Both hold for every connection
  // the client opens: journal_mode is stored in the file, and FULL is SQLite's default, checked by a test.
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = FULL');
  await client.execute('PRAGMA busy_timeout = 5000');
  return new Kysely<Tables>({ dialect: new LibsqlDialect({ client }) });
}

/** A pool of connections; Postgres commits durably by default (synchronous_commit = on), so a write's promise resolves once it is safe. */
function openPostgres(url: string, log?: Logger): Kysely<Tables> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection the server ends (a restart, a failover) is an 'error' event, which would crash the process
  // unheard. The pool drops that connection and opens a new one for the next query.
  pool.on('error', (error) => log?.warn('database: an idle connection was closed; the next query opens a new one', { error }));
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

function summaryId({ channelId, story }: Pick<SummaryRecord, 'channelId' | 'story'>): string {
  return `${channelId}:${story}`;
}

function toEntry(row: Selectable<Tables['audit']>): AuditEntry {
  const after = JSON.parse(row.after ?? 'null') as Claim;
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name, guildId: row.guild_id },
    action: row.action as AuditAction,
    claimId: row.claim_id,
    before: row.before === null ? null : (JSON.parse(row.before) as Claim),
    after,
    removed: row.action === 'remove',
    reason: row.reason,
  };
}
