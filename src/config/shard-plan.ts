import { ConfigError, type Config } from './config.ts';

/**
 * How this process takes part in the bot's gateway connections (Discord requires shards from 2,500 servers):
 * - `single`: one process, one shard, as `npm start` has always run;
 * - `manager` (`SHARDS=auto|N`): this process runs no bot, it starts one bot process per shard (discord.js's
 *   ShardingManager; `auto` asks Discord how many);
 * - `shards` (`SHARD_IDS` + `SHARD_COUNT`, or a process the manager started): this process runs the given shards
 *   of `count`, so the shards of one bot can be spread over several machines.
 */
export type ShardPlan = { kind: 'single' } | { kind: 'manager'; totalShards: number | 'auto' } | { kind: 'shards'; ids: number[]; count: number };

/** The shards this process runs, for `ownsGuild`. A single process runs the only shard, 0 of 1. */
export interface ShardSet {
  ids: readonly number[];
  count: number;
}

/**
 * The plan the configuration asks for. `fromManager` is the `SHARDING_MANAGER` variable discord.js gives the
 * processes it starts, along with `SHARDS` (this process's shard id) and `SHARD_COUNT`.
 */
export function shardPlan(config: Pick<Config, 'SHARDS' | 'SHARD_IDS' | 'SHARD_COUNT'>, fromManager = false): ShardPlan {
  const { SHARDS: shards, SHARD_IDS: ids, SHARD_COUNT: count } = config;
  if (fromManager) {
    if (typeof shards !== 'number' || count === undefined)
      throw new ConfigError('Invalid configuration: a shard process needs SHARDS and SHARD_COUNT from its ShardingManager');
    return { kind: 'shards', ids: [shards], count };
  }
  if (shards !== undefined && ids !== undefined)
    throw new ConfigError(
      'Invalid configuration: set SHARDS (one process starts them all) or SHARD_IDS (this process runs these), not both (see .env.example)',
    );
  if (shards !== undefined) {
    if (shards === 0) throw new ConfigError('Invalid configuration: SHARDS must be auto or a number of shards, at least 1 (see .env.example)');
    return { kind: 'manager', totalShards: shards };
  }
  if (ids === undefined) {
    if (count !== undefined)
      throw new ConfigError('Invalid configuration: SHARD_COUNT is set without SHARD_IDS, the shards this process runs (see .env.example)');
    return { kind: 'single' };
  }
  if (count === undefined)
    throw new ConfigError('Invalid configuration: SHARD_IDS needs SHARD_COUNT, the number of shards of the whole bot (see .env.example)');
  const outside = ids.filter((id) => id >= count);
  if (outside.length > 0) throw new ConfigError(`Invalid configuration: SHARD_IDS ${outside.join(', ')} outside 0 to ${count - 1} (SHARD_COUNT is ${count})`);
  return { kind: 'shards', ids: [...new Set(ids)].sort((a, b) => a - b), count };
}

/** The shard Discord sends a guild's events to: `(guild_id >> 22) % shard_count`. */
export function guildShard(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * Whether this process is the one that looks after a guild: the one running the guild's shard. Every process
 * hears of every change to the claims; only this one should act on the guild's behalf (edit its pinned summaries),
 * so a change is acted on once, not once per process.
 */
export function ownsGuild(guildId: string, shards: ShardSet): boolean {
  return shards.ids.includes(guildShard(guildId, shards.count));
}

/** The predicate the pinned summaries take (`shouldEdit`): edit a guild's summary only from the process that owns its shard. */
export function shouldEditSummary(shards: ShardSet): (summary: { guildId: string }) => boolean {
  return (summary) => ownsGuild(summary.guildId, shards);
}

/** The shards a plan runs in this process (a manager runs none; a single process runs shard 0 of 1). */
export function shardSet(plan: ShardPlan): ShardSet {
  if (plan.kind === 'shards') return { ids: plan.ids, count: plan.count };
  return plan.kind === 'single' ? { ids: [0], count: 1 } : { ids: [], count: 1 };
}
