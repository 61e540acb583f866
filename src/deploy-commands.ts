// `npm run deploy-commands`: registers the commands now, in one guild when DISCORD_GUILD_ID is set (instant),
// otherwise globally. The bot also syncs them on startup; this is for registering without starting it.
import { commands } from '../commands/index.ts';
import { loadConfig, restOptions } from './config/config.ts';
import { loadEnv } from './config/env.ts';
import { registerCommands, commandLabels } from './discord/registration.ts';
import { REST, Routes } from 'discord.js';
import { describeFailure } from './views/failure.ts';
import { describeDiscordFailure } from './discord/api-errors.ts';

const definitions = commands.map((command) => command.data);
const labels = commandLabels(definitions);
let config: ReturnType<typeof loadConfig>;
try {
  loadEnv(process.env);
  config = loadConfig(process.env);
} catch (error) {
  console.error(`Cannot register the commands: ${describeFailure(error)}`);
  process.exit(1);
}
if (!config.DISCORD_TOKEN) {
  console.error('DISCORD_TOKEN is not set: registering commands needs the bot token (see .env.example).');
  process.exit(1);
}
try {
  const rest = new REST(restOptions(config)).setToken(config.DISCORD_TOKEN);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  await registerCommands(rest, { applicationId: application.id, guildId: config.DISCORD_GUILD_ID }, definitions);
} catch (error) {
  console.error(`Could not register the commands: ${describeDiscordFailure(error, labels)}.`);
  process.exit(1);
}
console.log(`Registered ${labels.join(', ')} ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : 'globally'}.`);
