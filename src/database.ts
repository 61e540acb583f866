import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { LibsqlDialect } from '@libsql/kysely-libsql';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, sql, type Generated, type Migration, type Selectable, type Transaction, type ColumnDefinitionBuilder } from 'kysely';
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
  instance: { id: string };
  requests: {
    id: Generated<number>;
    key: string;
    words: string;
    status: string;
    askers: number;
    created_at: string;
    updated_at: string;
    claim_id: string | null;
    note: string | null;
  };
  request_askers: { request_id: number; user_id: string; guild_id: string | null; channel_id: string | null; words: string; asked_at: string; notified_at: string | null };
  request_log: { seq: Generated<number>; request_id: number; at: string; actor_id: string; actor_name: string; action: string; detail: string | null };
}

export const REQUEST_STATUSES = ['open', 'answered', 'dismissed'] as const;

/** What readers asked the desk for when no claim matched. Asking again for the same thing counts on the same request. */
export interface RequestRecord {
  id: number;
  words: string;
  status: (typeof REQUEST_STATUSES)[number];
  askers: number;
  createdAt: string;
  updatedAt: string;
  claimId: string | null;
  note: string | null;
}

/** One person who asked, and where: they are told there, once, when the request is answered. */
export interface RequestAsker {
  userId: string;
  guildId: string | null;
  channelId: string | null;
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
        .addColumn('seq', ...serialKey(db))
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
  '0003-requests': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('requests')
        .addColumn('id', ...serialKey(db))
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('words', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('askers', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('claim_id', 'text')
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('requests_open').on('requests').columns(['status', 'key']).execute();
      await db.schema
        .createTable('request_askers')
        .addColumn('request_id', 'integer', (column) => column.notNull())
        .addColumn('user_id', 'text', (column) => column.notNull())
        .addColumn('guild_id', 'text')
        .addColumn('channel_id', 'text')
        .addColumn('words', 'text', (column) => column.notNull())
        .addColumn('asked_at', 'text', (column) => column.notNull())
        .addColumn('notified_at', 'text')
        .addPrimaryKeyConstraint('request_askers_pk', ['request_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('request_log')
        .addColumn('seq', ...serialKey(db))
        .addColumn('request_id', 'integer', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor_id', 'text', (column) => column.notNull())
        .addColumn('actor_name', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('detail', 'text')
        .execute();
    },
  },
  '0004-instance': {
    // Which database this is, for what is kept outside it (the search index cache): a database made anew is another.
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('instance').addColumn('id', 'text', (column) => column.primaryKey()).execute();
      await sql`insert into instance (id) values (${randomUUID()})`.execute(db);
    },
  },
};

/** `file:data/claimbot.db` beside the code, so the CLI finds the bot's database from any folder. */
/** Claims per statement when writing many: 9 audit columns × 100 rows stays far below SQLite's 32,766 parameters. */
const WRITE_CHUNK = 100;
/** Claims read per query at startup. */
const READ_PAGE = 2000;

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
    const db = engine === 'postgres' ? await openPostgres(url, log) : await openSqlite(url);
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

  /** This database's id, made when its tables were: what the search index cache was made from. */
  async instanceId(): Promise<string> {
    return (await this.db.selectFrom('instance').select('id').executeTakeFirstOrThrow()).id;
  }

  /** The sequence number of the last audit entry (0 for none). */
  async lastSeq(): Promise<number> {
    const last = await this.db.selectFrom('audit').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return Number(last?.seq ?? 0);
  }

  /** Every claim, removed ones included (stories: `readStories`). Records were validated when written, so they are not again. */
  async readAll(): Promise<{ claims: StoredClaim[]; lastSeq: number }> {
    // The sequence number first: a change committed while the rows are read is then applied again when the process
    // catches up (harmless), never skipped.
    const lastSeq = await this.lastSeq();
    // A page at a time, each parsed before the next is read: the rows' raw text never all sits in memory at once.
    const claims: StoredClaim[] = [];
    for (let after = ''; ; ) {
      const page = await this.db.selectFrom('claims').select(['id', 'data', 'removed_at']).where('id', '>', after).orderBy('id').limit(READ_PAGE).execute();
      for (const row of page) claims.push({ claim: JSON.parse(row.data) as Claim, removed: row.removed_at !== null });
      if (page.length < READ_PAGE) break;
      after = page.at(-1)!.id;
    }
    return { claims, lastSeq };
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
      // In chunks of many rows per statement: an import of thousands of claims is a few statements, not thousands.
      const entries: AuditEntry[] = [];
      for (let i = 0; i < claims.length; i += WRITE_CHUNK) entries.push(...(await this.writeClaims(trx, actor, claims.slice(i, i + WRITE_CHUNK))));
      // Delivered to every listening process on commit, never before. A sequence number, not rows: a payload must
      // stay under 8000 bytes, and an import writes thousands of claims.
      const last = entries.at(-1);
      if (this.engine === 'postgres' && last) await sql`select pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ seq: last.seq })})`.execute(trx);
      return entries;
    });
  }

  private async writeClaims(trx: Transaction<Tables>, actor: Actor, changes: readonly ClaimWrite[]): Promise<AuditEntry[]> {
    const ids = changes.map((change) => change.claim.id);
    const before = new Map(
      (await trx.selectFrom('claims').select(['id', 'data']).where('id', 'in', ids).execute()).map((row) => [row.id, JSON.parse(row.data) as Claim]),
    );
    const at = new Date().toISOString();
    const rows = changes.map(({ claim, removed }) => ({ id: claim.id, story: claim.story, data: JSON.stringify(claim), removed_at: removed ? at : null }));
    await trx.insertInto('claims').values(rows)
      .onConflict((conflict) => conflict.column('id').doUpdateSet((eb) => ({ story: eb.ref('excluded.story'), data: eb.ref('excluded.data'), removed_at: eb.ref('excluded.removed_at') })))
      .execute();
    const guildId = actor.guildId ?? null;
    const auditRows = changes.map(({ action, claim, reason }, i) => ({
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      guild_id: guildId,
      action,
      claim_id: claim.id,
      before: before.has(claim.id) ? JSON.stringify(before.get(claim.id)) : null,
      after: rows[i]!.data,
      reason: reason ?? null,
    }));
    const inserted = await trx.insertInto('audit').values(auditRows).returning(['seq', 'claim_id']).execute();
    // RETURNING promises no order: match the sequence numbers back by claim id (unique within one write).
    const seqOf = new Map(inserted.map((row) => [row.claim_id, Number(row.seq)]));
    return changes
      .map(({ action, claim, removed, reason }) => ({
        seq: seqOf.get(claim.id)!,
        at,
        actor: { id: actor.id, name: actor.name, guildId },
        action,
        claimId: claim.id,
        before: before.get(claim.id) ?? null,
        after: claim,
        removed,
        reason: reason ?? null,
      }))
      .sort((a, b) => a.seq - b.seq);
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
   * Records that someone asked for `words` (already reduced to `key`): on the open request for the same key, or a
   * new one. Asking twice counts once. Returns the request as it is now.
   */
  async recordRequest(key: string, words: string, asker: RequestAsker, actor: Actor): Promise<RequestRecord> {
    return this.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      const open = await trx.selectFrom('requests').select('id').where('status', '=', 'open').where('key', '=', key).executeTakeFirst();
      const id = open?.id ?? Number((await trx.insertInto('requests').values({ key, words, status: 'open', askers: 0, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id);
      const added = await trx.insertInto('request_askers')
        .values({ request_id: id, user_id: asker.userId, guild_id: asker.guildId, channel_id: asker.channelId, words, asked_at: at })
        .onConflict((conflict) => conflict.columns(['request_id', 'user_id']).doNothing())
        .executeTakeFirst();
      if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) {
        await trx.updateTable('requests').set((eb) => ({ askers: eb('askers', '+', 1), updated_at: at })).where('id', '=', id).execute();
        await trx.insertInto('request_log').values({ request_id: id, at, actor_id: actor.id, actor_name: actor.name, action: 'asked', detail: words }).execute();
      }
      return toRequest(await trx.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /** Open requests, most asked first. */
  async openRequests(limit: number): Promise<RequestRecord[]> {
    const rows = await this.db.selectFrom('requests').selectAll().where('status', '=', 'open').orderBy('askers', 'desc').orderBy('updated_at', 'desc').limit(limit).execute();
    return rows.map(toRequest);
  }

  async request(id: number): Promise<RequestRecord | undefined> {
    const row = await this.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRequest(row);
  }

  /**
   * Answers (with a claim) or dismisses (with a reason) an open request, and returns who asked and has not been
   * told yet. Throws when it is not open: a request is closed once.
   */
  async closeRequest(id: number, outcome: { status: 'answered'; claimId: string } | { status: 'dismissed'; note: string }, actor: Actor): Promise<RequestAsker[]> {
    return this.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      const closed = await trx.updateTable('requests')
        .set({ status: outcome.status, updated_at: at, claim_id: outcome.status === 'answered' ? outcome.claimId : null, note: outcome.status === 'dismissed' ? outcome.note : null })
        .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (Number(closed.numUpdatedRows) === 0) throw new RequestClosedError(id);
      await trx.insertInto('request_log').values({ request_id: id, at, actor_id: actor.id, actor_name: actor.name, action: outcome.status, detail: outcome.status === 'answered' ? outcome.claimId : outcome.note }).execute();
      const askers = await trx.selectFrom('request_askers').select(['user_id', 'guild_id', 'channel_id']).where('request_id', '=', id).where('notified_at', 'is', null).execute();
      return askers.map((row) => ({ userId: row.user_id, guildId: row.guild_id, channelId: row.channel_id }));
    });
  }

  /** Remembers that these askers were told, so nobody is told twice. */
  async markNotified(id: number, userIds: readonly string[], actor: Actor): Promise<void> {
    if (userIds.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      await trx.updateTable('request_askers').set({ notified_at: at }).where('request_id', '=', id).where('user_id', 'in', [...userIds]).execute();
      await trx.insertInto('request_log').values({ request_id: id, at, actor_id: actor.id, actor_name: actor.name, action: 'notified', detail: userIds.join(',') }).execute();
    });
  }

  /** A request's own audit trail: asked, answered or dismissed, notified. */
  async requestLog(id: number): Promise<{ at: string; actor: string; action: string; detail: string | null }[]> {
    const rows = await this.db.selectFrom('request_log').selectAll().where('request_id', '=', id).orderBy('seq').execute();
    return rows.map((row) => ({ at: row.at, actor: `${row.actor_name} (${row.actor_id})`, action: row.action, detail: row.detail }));
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

export class RequestClosedError extends Error {
  constructor(readonly requestId: number) {
    super(`request #${requestId} is not open`);
  }
}

function toRequest(row: Selectable<Tables['requests']>): RequestRecord {
  return {
    id: Number(row.id),
    words: row.words,
    status: row.status as RequestRecord['status'],
    askers: Number(row.askers),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    claimId: row.claim_id,
    note: row.note,
  };
}

/** Any fixed number: the key of the transaction-level advisory lock every Postgres write takes. */
const WRITE_LOCK = 7_140_914;

/** An integer key the database numbers: `serial` on Postgres, `integer primary key autoincrement` on SQLite. */
function serialKey(db: Kysely<unknown>): ['serial' | 'integer', (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return onPostgres(db) ? ['serial', (column) => column.primaryKey()] : ['integer', (column) => column.primaryKey().autoIncrement()];
}

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
async function openPostgres(url: string, log?: Logger): Promise<Kysely<Tables>> {
  // Loaded only for Postgres: a SQLite bot does not pay its 15 MB and 0.15 s of startup.
  const { default: pg } = await import('pg');
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
