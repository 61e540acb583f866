import { loadConfig } from '../../src/config.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { createLogger } from '../../src/log.ts';
import { ClaimStore } from '../../src/store.ts';
import { FakeDiscord } from '../fake-discord.ts';
import { SHIPPED_CLAIMS } from './files.ts';

export interface BotUnderTest {
  discord: FakeDiscord;
  bot: RunningBot;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** The bot's real startup code against a fresh loopback Discord, with the environment a deployment would give it. */
export async function startBotUnderTest(env: NodeJS.ProcessEnv = {}, discord?: FakeDiscord): Promise<BotUnderTest> {
  discord ??= await FakeDiscord.start();
  const config = loadConfig({ CLAIMS_PATH: SHIPPED_CLAIMS, ...env, DISCORD_API_BASE_URL: discord.apiBaseUrl });
  const logs: Record<string, unknown>[] = [];
  const log = createLogger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const store = await ClaimStore.open(config.CLAIMS_PATH);
  const bot = await startBot({ ...config, DISCORD_TOKEN: 'test.token.not-real' }, store, log);
  const stop = async () => {
    await bot.stop();
    await discord.close();
  };
  return { discord, bot, logs, stop };
}
