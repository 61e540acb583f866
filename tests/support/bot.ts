import { commands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config/config.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { createLogger } from '../../src/core/log.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { FakeDiscord } from './fake-discord.ts';
import { SHIPPED_CLAIMS } from './files.ts';
import { scratchDatabase } from './store.ts';

export interface BotUnderTest {
  discord: FakeDiscord;
  bot: RunningBot;
  store: ClaimStore;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** The bot's real startup code against a fresh loopback Discord, with the environment a deployment would give it (and its own scratch database unless DATABASE_URL is given). */
export async function startBotUnderTest(env: NodeJS.ProcessEnv = {}, discord?: FakeDiscord): Promise<BotUnderTest> {
  discord ??= await FakeDiscord.start();
  const config = loadConfig({ CLAIMS_PATH: SHIPPED_CLAIMS, ...env, DISCORD_API_BASE_URL: discord.apiBaseUrl });
  const logs: Record<string, unknown>[] = [];
  const log = createLogger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const database = env.DATABASE_URL ? undefined : await scratchDatabase();
  const store = await ClaimStore.open({ databaseUrl: database?.url ?? config.DATABASE_URL, seedFile: config.CLAIMS_PATH });
  const bot = await startBot({ ...config, DISCORD_TOKEN: 'test.token.not-real' }, store, commands, log);
  const stop = async () => {
    await bot.stop();
    await store.close();
    await database?.cleanup();
    await discord.close();
  };
  return { discord, bot, store, logs, stop };
}
