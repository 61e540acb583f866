import type { Generated } from 'kysely';

/**
 * The database's tables, row by row. Rows hold whole records as JSON where the zod schema, not the table, is the
 * shape (claims, stories): a new claim field needs no migration.
 */
export interface Tables {
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
  request_askers: {
    request_id: number;
    user_id: string;
    guild_id: string | null;
    channel_id: string | null;
    words: string;
    asked_at: string;
    notified_at: string | null;
  };
  request_log: { seq: Generated<number>; request_id: number; at: string; actor_id: string; actor_name: string; action: string; detail: string | null };
}

/** Who made a change: a Discord member (with the server they were in), the console, or an import. */
export interface Actor {
  id: string;
  name: string;
  guildId?: string | null;
}
