import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Claim, Story } from '../core/schema.ts';
import { auditFingerprint } from './audit-fingerprint.ts';
import type { Engine } from '../core/paths.ts';
import type { Actor, Tables } from './tables.ts';

/** The channel a committed write is announced on (Postgres): `{ seq }`, the last audit sequence it wrote. */
export const CHANGES_CHANNEL = 'claimbot_changes';

export const AUDIT_ACTIONS = ['import', 'add', 'edit', 'verdict', 'flag', 'remove', 'restore'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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

/** Claims per statement when writing many: 9 audit columns × 100 rows stays far below SQLite's 32,766 parameters. */
const WRITE_CHUNK = 100;
/** Claims read per query at startup. */
const READ_PAGE = 2000;
/** Any fixed number: the key of the transaction-level advisory lock every Postgres write takes. */
const WRITE_LOCK = 7_140_914;

/** The claims, their stories and the append-only audit trail: every change to a claim is written with its audit row. */
export class ClaimTable {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly engine: Engine,
  ) {}

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('stories').select('id').limit(1).executeTakeFirst();
    return row === undefined;
  }

  /** The sequence number of the last audit entry (0 for none). */
  async lastSeq(): Promise<number> {
    const last = await this.db
      .selectFrom('audit')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(last?.seq ?? 0);
  }

  /** The fingerprint of the audit entry numbered `seq`, or undefined when there is none. */
  async auditFingerprint(seq: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('audit').select(['seq', 'at', 'actor_id', 'action', 'claim_id']).where('seq', '=', seq).executeTakeFirst();
    return row && auditFingerprint({ seq: Number(row.seq), at: row.at, actorId: row.actor_id, action: row.action, claimId: row.claim_id });
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
  async write(
    actor: Actor,
    decide: (read: (id: string) => Promise<StoredClaim | undefined>, missed: AuditEntry[]) => Promise<{ stories?: Story[]; claims: ClaimWrite[] }>,
    since?: number,
  ): Promise<AuditEntry[]> {
    return this.db.transaction().execute(async (trx) => {
      // Several processes write to one Postgres database: one writer at a time, as SQLite has it. So a claim read
      // here is not changed by another process before this commits, and audit sequence numbers are committed in
      // order, which is what lets a process catch up with `changesSince(lastSeq)` without missing any.
      if (this.engine === 'postgres') await sql`select pg_advisory_xact_lock(${WRITE_LOCK})`.execute(trx);
      const missed = since === undefined ? [] : await this.changesSince(since, trx);
      const { stories = [], claims } = await decide((id) => this.readClaim(id, trx), missed);
      for (const story of stories) {
        await trx
          .insertInto('stories')
          .values({ id: story.id, data: JSON.stringify(story) })
          .onConflict((conflict) => conflict.column('id').doUpdateSet({ data: JSON.stringify(story) }))
          .execute();
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
    await trx
      .insertInto('claims')
      .values(rows)
      .onConflict((conflict) =>
        conflict
          .column('id')
          .doUpdateSet((eb) => ({ story: eb.ref('excluded.story'), data: eb.ref('excluded.data'), removed_at: eb.ref('excluded.removed_at') })),
      )
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

  /** When and by whom each claim now out of search was removed: the last `remove` of it in the audit trail. */
  async removals(): Promise<Map<string, { at: string; by: string }>> {
    const rows = await this.db
      .selectFrom('audit')
      .innerJoin('claims', 'claims.id', 'audit.claim_id')
      .select(['audit.claim_id', 'audit.at', 'audit.actor_name'])
      .where('audit.action', '=', 'remove')
      .where('claims.removed_at', 'is not', null)
      .orderBy('audit.seq')
      .execute();
    // In sequence order: a claim removed, restored and removed again keeps its last removal.
    return new Map(rows.map((row) => [row.claim_id, { at: row.at, by: row.actor_name }]));
  }

  async countAudit(): Promise<number> {
    const row = await this.db
      .selectFrom('audit')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
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
