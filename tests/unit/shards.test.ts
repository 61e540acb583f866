import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { guildShard, ownsGuild, shardPlan, shardSet, shouldEditSummary } from '../../src/config/shard-plan.ts';

const plan = (env: NodeJS.ProcessEnv, fromManager = false) => shardPlan(loadConfig(env), fromManager);
/** A guild id whose shard, of `count`, is `shard`: the shard is taken from the bits above the 22 lowest. */
const guildOnShard = (shard: number, count: number, n = 7) => String((BigInt(n * count + shard) << 22n) | 12345n);

describe('which shards a process runs', () => {
  it('is one process, shard 0 of 1, without any sharding variable', () => {
    expect(plan({})).toEqual({ kind: 'single' });
    expect(shardSet(plan({}))).toEqual({ ids: [0], count: 1 });
  });

  it('with SHARDS=auto or a number, is a manager that starts the shard processes and runs none itself', () => {
    expect(plan({ SHARDS: 'auto' })).toEqual({ kind: 'manager', totalShards: 'auto' });
    expect(plan({ SHARDS: '4' })).toEqual({ kind: 'manager', totalShards: 4 });
    expect(shardSet(plan({ SHARDS: '4' })).ids).toEqual([]);
  });

  it('in a process the manager started, runs the shard discord.js names in SHARDS of SHARD_COUNT', () => {
    expect(plan({ SHARDS: '2', SHARD_COUNT: '4' }, true)).toEqual({ kind: 'shards', ids: [2], count: 4 });
  });

  it('with SHARD_IDS and SHARD_COUNT, runs those shards (sorted, once each), for bots spread over machines', () => {
    expect(plan({ SHARD_IDS: '3, 1,1', SHARD_COUNT: '4' })).toEqual({ kind: 'shards', ids: [1, 3], count: 4 });
  });

  it.each([
    [{ SHARDS: 'many' }, 'SHARDS must be auto or a number of shards'],
    [{ SHARDS: '0' }, 'SHARDS must be auto or a number of shards, at least 1'],
    [{ SHARDS: '2', SHARD_IDS: '0', SHARD_COUNT: '2' }, 'not both'],
    [{ SHARD_IDS: '0,1' }, 'SHARD_IDS needs SHARD_COUNT'],
    [{ SHARD_COUNT: '2' }, 'SHARD_COUNT is set without SHARD_IDS'],
    [{ SHARD_IDS: '0,2', SHARD_COUNT: '2' }, 'SHARD_IDS 2 outside 0 to 1'],
    [{ SHARD_IDS: 'first', SHARD_COUNT: '2' }, 'SHARD_IDS must be shard ids separated by commas'],
    [{ SHARD_IDS: '0', SHARD_COUNT: '0' }, 'SHARD_COUNT must be a number of shards, at least 1'],
  ])('refuses %o, saying what is wrong', (env, message) => {
    expect(() => plan(env)).toThrow(ConfigError);
    expect(() => plan(env)).toThrow(message);
  });
});

describe('which process edits a guild’s pinned summary', () => {
  it('computes the shard as Discord does, (guild_id >> 22) % shard_count', () => {
    // 175928847299117063 is the example snowflake of Discord's documentation: timestamp part 41944705796.
    expect(guildShard('175928847299117063', 1)).toBe(0);
    expect(guildShard('175928847299117063', 4)).toBe(41944705796 % 4);
    expect(guildShard(guildOnShard(3, 5), 5)).toBe(3);
  });

  it('is exactly one of the processes running the shards, for every guild', () => {
    const processes = [
      { ids: [0, 1], count: 4 },
      { ids: [2], count: 4 },
      { ids: [3], count: 4 },
    ];
    for (let shard = 0; shard < 4; shard++) {
      for (let n = 0; n < 25; n++) {
        const guildId = guildOnShard(shard, 4, n);
        expect(processes.filter((shards) => ownsGuild(guildId, shards))).toEqual([processes.find((shards) => shards.ids.includes(shard))]);
      }
    }
  });

  it('is the single process, for any guild, when the bot is not sharded; never a manager', () => {
    const summary = { guildId: guildOnShard(1, 3) };
    expect(shouldEditSummary(shardSet({ kind: 'single' }))(summary)).toBe(true);
    expect(shouldEditSummary(shardSet({ kind: 'manager', totalShards: 3 }))(summary)).toBe(false);
    expect(shouldEditSummary({ ids: [1], count: 3 })(summary)).toBe(true);
    expect(shouldEditSummary({ ids: [0, 2], count: 3 })(summary)).toBe(false);
  });
});
