// `npm run deploy-commands`: registers the commands now, in one guild when DISCORD_GUILD_ID is set (instant),
// otherwise globally. The bot also syncs them on startup; this is for registering without starting it.
import { ApplicationCommandType, REST, Routes } from 'discord.js';
import { commands } from '../commands/index.ts';
import { loadConfig, restOptions } from './config/config.ts';
import { loadEnv } from './config/env.ts';
import { registerCommands } from './discord/registration.ts';

loadEnv(process.env);
const config = loadConfig(process.env);
if (!config.DISCORD_TOKEN) {
  console.error('DISCORD_TOKEN is not set: registering commands needs the bot token (see .env.example).');
  process.exit(1);
}
const rest = new REST(restOptions(config)).setToken(config.DISCORD_TOKEN);
const application = (await rest.get(Routes.currentApplication())) as { id: string };
await registerCommands(rest, { applicationId: application.id, guildId: config.DISCORD_GUILD_ID }, commands.map((command) => command.data));
const names = commands.map(({ data }) => (data.type === ApplicationCommandType.Message ? `“${data.name}” (on messages)` : `/${data.name}`));
console.log(`Registered ${names.join(', ')} ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : 'globally'}.`);
