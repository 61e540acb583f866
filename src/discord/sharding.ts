import { ShardingManager } from 'discord.js';
import type { Logger } from '../core/log.ts';
import type { ShardPlan } from '../config/shard-plan.ts';

/** How long one shard process may take to load its claims and connect before the manager gives up on it. */
const SHARD_READY_TIMEOUT_MS = 120_000;

/**
 * Starts one bot process per shard with discord.js's ShardingManager: `script` (this entry point) again, with the
 * same Node flags; discord.js tells each process its shard through SHARDING_MANAGER, SHARDS and SHARD_COUNT.
 * A shard process that dies is started again. Resolves once every shard is connected.
 */
export async function startShardingManager({ script, totalShards, token, log }: { script: string; totalShards: number | 'auto'; token: string; log: Logger }) {
  const manager = new ShardingManager(script, { totalShards, token, execArgv: process.execArgv, respawn: true, mode: 'process' });
  manager.on('shardCreate', (shard) => {
    log.info('shard process started', { shard: shard.id, shards: manager.totalShards });
    shard.on('death', () => log.warn('shard process exited; starting it again', { shard: shard.id }));
  });
  // Discord lets a bot identify one shard per 5 s (max_concurrency 1): the manager's default spacing.
  await manager.spawn({ timeout: SHARD_READY_TIMEOUT_MS });
  log.info('all shards started', { shards: manager.totalShards });
  return {
    manager,
    stop: () => {
      manager.respawn = false;
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}

/**
 * Makes this process run the plan's shards: discord.js's Client reads the shards it runs from SHARDS (JSON) and
 * SHARD_COUNT, which is how ShardingManager tells its processes; SHARD_IDS uses the same channel. A single process
 * clears them: an empty `SHARDS=` line from .env would otherwise reach the Client as JSON it cannot parse.
 */
export function runShards(plan: Exclude<ShardPlan, { kind: 'manager' }>, env: NodeJS.ProcessEnv): void {
  if (plan.kind === 'single') {
    delete env.SHARDS;
    delete env.SHARD_COUNT;
  } else {
    env.SHARDS = JSON.stringify(plan.ids);
    env.SHARD_COUNT = String(plan.count);
  }
}
