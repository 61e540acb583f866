import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { Actor, Tables } from './tables.ts';

export const REQUEST_STATUSES = ['open', 'answered', 'dismissed'] as const;
/** The request log's action for an attempt to tell an asker that Discord refused (its detail: the asker's id). */
const NOT_TOLD = 'not-notified';

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

/** A request that is no longer open: closing it again is refused. */
export class RequestClosedError extends Error {
  constructor(readonly requestId: number) {
    super(`request #${requestId} is not open`);
  }
}

/** Someone who already has as many open requests as one person may: the ids of those requests. */
export class TooManyOpenRequestsError extends Error {
  constructor(readonly openRequestIds: readonly number[]) {
    super(`already asked in ${openRequestIds.length} open requests`);
  }
}

/** Readers' requests, who asked each, and the requests' own log (asked, answered or dismissed, notified). */
export class RequestTable {
  constructor(private readonly db: Kysely<Tables>) {}

  /**
   * Records that someone asked for `words` (already reduced to `key`): on the open request for the same key, or a
   * new one. Asking twice counts once. Someone already on `maxOpen` other open requests is refused with a
   * TooManyOpenRequestsError. Returns the request as it is now.
   */
  async record(key: string, words: string, asker: RequestAsker, actor: Actor, maxOpen: number): Promise<RequestRecord> {
    return this.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      // One person's requests are counted and added one at a time, even from two bots on one PostgreSQL (SQLite
      // has one writer at a time anyway).
      if (trx.getExecutor().adapter instanceof PostgresAdapter)
        await sql`select pg_advisory_xact_lock(hashtext(${`claimbot asker ${asker.userId}`}))`.execute(trx);
      const open = await trx.selectFrom('requests').select('id').where('status', '=', 'open').where('key', '=', key).executeTakeFirst();
      const theirs = await trx
        .selectFrom('request_askers')
        .innerJoin('requests', 'requests.id', 'request_askers.request_id')
        .select('requests.id')
        .where('requests.status', '=', 'open')
        .where('request_askers.user_id', '=', asker.userId)
        .orderBy('requests.id')
        .execute();
      const theirIds = theirs.map((row) => Number(row.id));
      const joining = open !== undefined && theirIds.includes(Number(open.id));
      if (!joining && theirIds.length >= maxOpen) throw new TooManyOpenRequestsError(theirIds);
      const id =
        open?.id ??
        Number(
          (
            await trx
              .insertInto('requests')
              .values({ key, words, status: 'open', askers: 0, created_at: at, updated_at: at })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      const added = await trx
        .insertInto('request_askers')
        .values({ request_id: id, user_id: asker.userId, guild_id: asker.guildId, channel_id: asker.channelId, words, asked_at: at })
        .onConflict((conflict) => conflict.columns(['request_id', 'user_id']).doNothing())
        .executeTakeFirst();
      if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) {
        await trx
          .updateTable('requests')
          .set((eb) => ({ askers: eb('askers', '+', 1), updated_at: at }))
          .where('id', '=', id)
          .execute();
        await trx
          .insertInto('request_log')
          .values({ request_id: id, at, actor_id: actor.id, actor_name: actor.name, action: 'asked', detail: words })
          .execute();
      }
      return toRequest(await trx.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /** Open requests, most asked first. */
  async open(limit: number): Promise<RequestRecord[]> {
    const rows = await this.db
      .selectFrom('requests')
      .selectAll()
      .where('status', '=', 'open')
      .orderBy('askers', 'desc')
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRequest);
  }

  /**
   * Open requests whose words contain every word of `typed` (in any case), or whose number starts with it ("#12"),
   * most asked first: what the `request` option offers as a moderator types, among all open requests.
   */
  async findOpen(typed: string, limit: number): Promise<RequestRecord[]> {
    const needle = typed.trim().replace(/^#/, '').toLowerCase();
    const contains = (word: string) => sql<boolean>`lower(words) like ${`%${word.replace(/[\\%_]/g, '\\$&')}%`} escape '\\'`;
    const rows = await this.db
      .selectFrom('requests')
      .selectAll()
      .where('status', '=', 'open')
      .where((eb) => {
        const allWords = eb.and(needle.split(/\s+/).filter(Boolean).map(contains));
        return /^\d+$/.test(needle) ? eb.or([allWords, sql<boolean>`cast(id as text) like ${`${needle}%`}`]) : allWords;
      })
      .orderBy('askers', 'desc')
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRequest);
  }

  async get(id: number): Promise<RequestRecord | undefined> {
    const row = await this.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRequest(row);
  }

  /**
   * Answers (with a claim) or dismisses (with a reason) an open request, and returns who asked and has not been
   * told yet. Throws a RequestClosedError when it is not open: a request is closed once.
   */
  async close(id: number, outcome: { status: 'answered'; claimId: string } | { status: 'dismissed'; note: string }, actor: Actor): Promise<RequestAsker[]> {
    return this.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      const closed = await trx
        .updateTable('requests')
        .set({
          status: outcome.status,
          updated_at: at,
          claim_id: outcome.status === 'answered' ? outcome.claimId : null,
          note: outcome.status === 'dismissed' ? outcome.note : null,
        })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(closed.numUpdatedRows) === 0) throw new RequestClosedError(id);
      await trx
        .insertInto('request_log')
        .values({
          request_id: id,
          at,
          actor_id: actor.id,
          actor_name: actor.name,
          action: outcome.status,
          detail: outcome.status === 'answered' ? outcome.claimId : outcome.note,
        })
        .execute();
      const askers = await trx
        .selectFrom('request_askers')
        .select(['user_id', 'guild_id', 'channel_id'])
        .where('request_id', '=', id)
        .where('notified_at', 'is', null)
        .execute();
      return askers.map((row) => ({ userId: row.user_id, guildId: row.guild_id, channelId: row.channel_id }));
    });
  }

  /** Remembers that these askers were told, so nobody is told twice. */
  async markNotified(id: number, userIds: readonly string[], actor: Actor): Promise<void> {
    if (userIds.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      await trx
        .updateTable('request_askers')
        .set({ notified_at: at })
        .where('request_id', '=', id)
        .where('user_id', 'in', [...userIds])
        .execute();
      await trx
        .insertInto('request_log')
        .values({ request_id: id, at, actor_id: actor.id, actor_name: actor.name, action: 'notified', detail: userIds.join(',') })
        .execute();
    });
  }

  /** Remembers a failed attempt to tell an asker (Discord refused): `untold` counts them. */
  async markNotTold(id: number, userId: string, actor: Actor): Promise<void> {
    await this.db
      .insertInto('request_log')
      .values({ request_id: id, at: new Date().toISOString(), actor_id: actor.id, actor_name: actor.name, action: NOT_TOLD, detail: userId })
      .execute();
  }

  /**
   * Answered requests with askers not told yet, who could be (they asked in a channel) and whom fewer than
   * `maxAttempts` attempts have failed to reach: after a crash in the middle of telling, or a refusal.
   */
  async untold(maxAttempts: number): Promise<{ request: RequestRecord; askers: RequestAsker[] }[]> {
    const rows = await this.db
      .selectFrom('request_askers')
      .innerJoin('requests', 'requests.id', 'request_askers.request_id')
      .select(['request_askers.request_id', 'request_askers.user_id', 'request_askers.guild_id', 'request_askers.channel_id'])
      .where('requests.status', '=', 'answered')
      .where('request_askers.notified_at', 'is', null)
      .where('request_askers.channel_id', 'is not', null)
      .where((eb) =>
        eb(
          eb
            .selectFrom('request_log')
            .select((count) => count.fn.countAll().as('n'))
            .whereRef('request_log.request_id', '=', 'request_askers.request_id')
            .where('request_log.action', '=', NOT_TOLD)
            .whereRef('request_log.detail', '=', 'request_askers.user_id'),
          '<',
          maxAttempts,
        ),
      )
      .orderBy('request_askers.request_id')
      .orderBy('request_askers.asked_at')
      .execute();
    const byRequest = new Map<number, RequestAsker[]>();
    for (const row of rows) {
      const id = Number(row.request_id);
      byRequest.set(id, [...(byRequest.get(id) ?? []), { userId: row.user_id, guildId: row.guild_id, channelId: row.channel_id }]);
    }
    const untold: { request: RequestRecord; askers: RequestAsker[] }[] = [];
    for (const [id, askers] of byRequest) untold.push({ request: (await this.get(id))!, askers });
    return untold;
  }

  /** A request's own audit trail: asked, answered or dismissed, notified. */
  async log(id: number): Promise<{ at: string; actor: string; action: string; detail: string | null }[]> {
    const rows = await this.db.selectFrom('request_log').selectAll().where('request_id', '=', id).orderBy('seq').execute();
    return rows.map((row) => ({ at: row.at, actor: `${row.actor_name} (${row.actor_id})`, action: row.action, detail: row.detail }));
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
