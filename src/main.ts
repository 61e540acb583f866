// `npm start`: with DISCORD_TOKEN, the bot; without it, a local console that answers the same commands.
import { createContext } from './command/context.ts';
import { userInfo } from 'node:os';
import { commands } from '../commands/index.ts';
import { ConfigError, loadConfig, newsroomOf, type Config } from './config/config.ts';
import { runConsole } from './terminal/console.ts';
import { DatasetError } from './core/dataset.ts';
import { engineOf } from './core/paths.ts';
import { startBot } from './discord/bot.ts';
import { runShards, startShardingManager } from './discord/sharding.ts';
import { loadEnv } from './config/env.ts';
import { createLogger, type Logger } from './core/log.ts';
import { shardPlan, shardSet, shouldEditSummary, type ShardSet } from './config/shard-plan.ts';
import { ClaimStore } from './store/claim-store.ts';

loadEnv(process.env);

try {
  const config = loadConfig(process.env);
  const token = config.DISCORD_TOKEN;
  // discord.js marks the processes its ShardingManager starts with SHARDING_MANAGER.
  const plan = shardPlan(config, process.env.SHARDING_MANAGER === 'true');
  // The console is for people: keep routine logs out of its way unless asked for.
  const log = createLogger(config.LOG_LEVEL ?? (token ? 'info' : 'warn'));

  if (plan.kind === 'manager') {
    if (!token) throw new ConfigError('Invalid configuration: SHARDS starts one bot process per shard, which needs DISCORD_TOKEN (see .env.example)');
    // This process only watches the shard processes: it opens no database and connects to no gateway.
    const shards = await startShardingManager({ script: process.argv[1]!, totalShards: plan.totalShards, token, log });
    const shutdown = (signal: string) => {
      log.info('shutting down', { signal });
      shards.stop();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } else {
    runShards(plan, process.env);
    await runBotOrConsole(config, token, log, shardSet(plan));
  }
} catch (error) {
  // Known startup problems get one clear line (never the token); anything else its stack.
  const known = error instanceof ConfigError || error instanceof DatasetError;
  console.error(`claimbot cannot start: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}

async function runBotOrConsole(config: Config, token: string | undefined, log: Logger, shards: ShardSet): Promise<void> {
  const store = await ClaimStore.open({ databaseUrl: config.DATABASE_URL, seedFile: config.CLAIMS_PATH, cacheDir: config.CACHE_DIR, log });
  log.info('claims loaded', {
    database: engineOf(config.DATABASE_URL),
    claims: store.claimCount,
    from: store.loadedFrom,
    stories: store.stories.length,
    shards: shards.ids,
    shardCount: shards.count,
  });

  if (token) {
    // A summary is edited by the process that runs its server's shard: once per change, not once per process.
    const bot = await startBot({ ...config, DISCORD_TOKEN: token }, store, commands, log, { summaries: { shouldEdit: shouldEditSummary(shards) } });
    const shutdown = (signal: string) => {
      log.info('shutting down', { signal });
      void bot
        .stop()
        .then(() => store.close())
        .then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } else {
    // The person at the console runs the bot on their own machine: they are its moderator.
    process.exitCode = await runConsole(
      process.stdin,
      process.stdout,
      commands,
      createContext(store, { id: 'console', name: `${userInfo().username} (console)` }, { newsroom: newsroomOf(config) }),
      log,
    );
    await store.close();
  }
}
