import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

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

/** The pinned summaries: one per story and channel. */
export class SummaryTable {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Every posted summary, or those of one story. */
  async list(story?: string): Promise<SummaryRecord[]> {
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
  async save(summary: SummaryRecord): Promise<void> {
    const row = {
      guild_id: summary.guildId,
      channel_id: summary.channelId,
      story: summary.story,
      message_ids: JSON.stringify(summary.messageIds),
      hash: summary.hash,
      updated_at: summary.updatedAt,
    };
    await this.db
      .insertInto('summaries')
      .values({ id: summaryId(summary), ...row })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
      .execute();
  }

  async forget(summary: Pick<SummaryRecord, 'channelId' | 'story'>): Promise<void> {
    await this.db.deleteFrom('summaries').where('id', '=', summaryId(summary)).execute();
  }
}

function summaryId({ channelId, story }: Pick<SummaryRecord, 'channelId' | 'story'>): string {
  return `${channelId}:${story}`;
}
