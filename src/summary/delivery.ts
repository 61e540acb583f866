import type { ReplyEmbed } from '../views/reply.ts';

/** What Discord told us went wrong, in the terms the summaries care about (the Discord layer maps error codes to these). */
export type DeliveryProblem =
  /** 10008: the message was deleted. */
  | 'unknown-message'
  /** 10003: the channel was deleted (or the bot was removed from its server). */
  | 'unknown-channel'
  /** 50013: the bot lacks a permission in the channel. */
  | 'missing-permissions'
  /** 50001: the bot cannot see the channel. */
  | 'missing-access'
  /** 30003: the channel has 250 pins, Discord's limit. */
  | 'pin-limit'
  /** 30046 (too many edits to messages older than an hour) or another rate limit on edits: try again later. */
  | 'rate-limited';

export type DeliveryOperation = 'post' | 'edit' | 'pin' | 'delete';

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly problem: DeliveryProblem,
    readonly operation: DeliveryOperation,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(`${operation} failed: ${problem}`, options);
    this.retryAfterMs = options?.retryAfterMs ?? 0;
  }

  /** For `rate-limited`: how long Discord asked us to wait, or 0 when it did not say. */
  readonly retryAfterMs: number;
}

/**
 * The Discord calls a summary needs, and nothing more: implemented by `src/discord/summaries.ts`. Each throws a
 * `DeliveryError` for the problems above, and anything else as it came.
 */
export interface SummaryTransport {
  /** Posts a message of embeds that pings nobody; resolves with its id. */
  post(channelId: string, embeds: ReplyEmbed[]): Promise<string>;
  edit(channelId: string, messageId: string, embeds: ReplyEmbed[]): Promise<void>;
  pin(channelId: string, messageId: string): Promise<void>;
  delete(channelId: string, messageId: string): Promise<void>;
}

/** What the moderator reads when Discord refused: which permission is missing, or what else to do. */
export function problemSentence(error: DeliveryError, channelId: string): string {
  const channel = `<#${channelId}>`;
  switch (error.problem) {
    case 'missing-access':
      return `I cannot see ${channel}: I need the **View Channel** permission there.`;
    case 'missing-permissions':
      if (error.operation === 'pin')
        return `I could not pin it: I need the **Pin Messages** permission in ${channel}. Give it to me and run \`/summary post\` again.`;
      if (error.operation === 'post') return `I cannot post in ${channel}: I need the **Send Messages** and **Embed Links** permissions there.`;
      return `Discord refused to ${error.operation} the summary in ${channel}: I need **View Channel**, **Send Messages** and **Embed Links** there.`;
    case 'pin-limit':
      return `${channel} already has 250 pinned messages, Discord's limit: the summary is posted unpinned. Unpin an old message and run \`/summary post\` again to pin it.`;
    case 'unknown-channel':
      return `${channel} no longer exists: its summary is forgotten.`;
    case 'unknown-message':
      return `A summary message in ${channel} was deleted.`;
    case 'rate-limited':
      return `Discord asked the bot to slow down its edits (messages older than an hour have a tighter limit): the summary in ${channel} will be brought up to date shortly.`;
  }
}
