import { DiscordAPIError, RateLimitError, Routes, type APIEmbed, type APIMessage, type RateLimitData, type REST } from 'discord.js';
import type { ReplyEmbed } from '../views/reply.ts';
import { DeliveryError, type DeliveryOperation, type DeliveryProblem, type SummaryTransport } from '../summary/delivery.ts';

/** Discord's error codes that a summary handles, and what each means for it. */
const PROBLEMS: Partial<Record<number, DeliveryProblem>> = {
  10003: 'unknown-channel',
  10008: 'unknown-message',
  30003: 'pin-limit',
  30046: 'rate-limited',
  50001: 'missing-access',
  50013: 'missing-permissions',
};

/**
 * Summaries through discord.js's REST client: no channel needs to be cached, and its queue waits out 429s.
 * Raw REST does not apply the client's `allowedMentions`, so every message says it pings nobody itself.
 */
export function discordSummaryTransport(rest: REST): SummaryTransport {
  return {
    post: (channelId, embeds) =>
      call('post', async () => ((await rest.post(Routes.channelMessages(channelId), { body: messageBody(embeds) })) as APIMessage).id),
    edit: (channelId, messageId, embeds) =>
      call('edit', async () => void (await rest.patch(Routes.channelMessage(channelId, messageId), { body: messageBody(embeds) }))),
    pin: (channelId, messageId) => call('pin', async () => void (await rest.put(Routes.channelMessagesPin(channelId, messageId)))),
    delete: (channelId, messageId) => call('delete', async () => void (await rest.delete(Routes.channelMessage(channelId, messageId)))),
  };
}

/**
 * For the client's `rest.rejectOnRateLimit`: a rate limit on editing a channel message (30046 on a message older
 * than an hour comes as a 429) is thrown instead of waited out, as discord.js would then send that now stale edit.
 * The summary sync waits instead, gathering changes, and then sends the latest state once.
 */
export function rejectsSummaryEditRateLimit({ method, route }: RateLimitData): boolean {
  return method.toUpperCase() === 'PATCH' && route === '/channels/:id/messages/:id';
}

async function call<T>(operation: DeliveryOperation, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof RateLimitError) throw new DeliveryError('rate-limited', operation, { cause: error, retryAfterMs: error.retryAfter });
    const problem = error instanceof DiscordAPIError && typeof error.code === 'number' ? PROBLEMS[error.code] : undefined;
    if (problem) throw new DeliveryError(problem, operation, { cause: error });
    throw error;
  }
}

function messageBody(embeds: readonly ReplyEmbed[]): { embeds: APIEmbed[]; allowed_mentions: { parse: [] } } {
  return {
    embeds: embeds.map(({ footer, ...embed }) => ({ ...embed, footer: footer === undefined ? undefined : { text: footer } })),
    allowed_mentions: { parse: [] },
  };
}
