import type { RateLimitedAction } from '../command/command.ts';
import { RateLimit } from '../command/rate-limit.ts';

/**
 * How often one person may use what costs the bot the most per use. Check claims reads up to 4,000 characters
 * against every claim (bounded: at most 9 ms of CPU at 10,000 claims and 36 ms at 100,000, BENCHMARKS.md), so one
 * person pressing it in a loop could still take a good share of the bot: 6 a minute is more than anyone checks by hand.
 */
export const RATE_LIMITS: Readonly<Record<RateLimitedAction, { limit: number; windowMs: number }>> = {
  'check-claims': { limit: 6, windowMs: 60_000 },
};

/** Each rate-limited action's own window per person; `take` is what CommandContext.rateLimit calls. */
export function rateLimits(now: () => number = Date.now): (action: RateLimitedAction, userId: string) => number {
  const limits = new Map(Object.entries(RATE_LIMITS).map(([action, { limit, windowMs }]) => [action, new RateLimit(limit, windowMs, now)]));
  return (action, userId) => limits.get(action)!.take(userId);
}
