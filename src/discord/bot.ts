import type { Command } from '../command/command.ts';
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { newsroomOf, restOptions, type Config } from '../config/config.ts';
import type { Logger } from '../core/log.ts';
import type { ClaimStore } from '../store/claim-store.ts';
import { SummarySync, type SummarySyncOptions } from '../summary/sync.ts';
import { createInteractionHandler } from './interactions.ts';
import { messagePayload } from './messages.ts';
import { curationAccess } from './moderators.ts';
import type { Reply } from '../views/reply.ts';
import { syncCommands, commandLabels } from './registration.ts';
import { describeDiscordFailure } from './api-errors.ts';
import { newsroomServer } from './newsroom.ts';
import { tellUntold } from '../curation/request-notices.ts';
import { rateLimits } from './pacing.ts';
import { discordSummaryTransport, rejectsSummaryEditRateLimit } from './summaries.ts';

export interface RunningBot {
  client: Client<true>;
  summaries: SummarySync;
  stop(): Promise<void>;
}

export interface BotOptions {
  /** How the pinned summaries are kept up to date; a sharded deployment passes `shouldEdit`. */
  summaries?: SummarySyncOptions;
}

/** Connects to Discord, keeps the registered commands in sync, and answers interactions until stopped. */
export async function startBot(
  config: Config & { DISCORD_TOKEN: string },
  store: ClaimStore,
  commands: readonly Command[],
  log: Logger,
  options: BotOptions = {},
): Promise<RunningBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Claims quote people: "@everyone" or a role mention in a statement must never ping anyone.
    allowedMentions: { parse: [] },
    rest: { ...restOptions(config), rejectOnRateLimit: rejectsSummaryEditRateLimit },
  });
  const summaries = new SummarySync(store, discordSummaryTransport(client.rest), log, options.summaries);
  const notify = async (channelId: string, userId: string, reply: Reply): Promise<boolean> => {
    try {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable()) throw new Error('not a channel the bot can post in');
      // The one message that pings, on purpose: only the person it is for.
      await channel.send({ ...messagePayload(reply), allowedMentions: { users: [userId] } });
      return true;
    } catch (error) {
      log.warn('could not tell someone who asked the desk', { channel: channelId, user: userId, error });
      return false;
    }
  };
  const handleInteraction = createInteractionHandler(commands, {
    store,
    log,
    notify,
    summaries,
    newsroom: newsroomOf(config),
    curationAccess: (asker) => curationAccess(config, asker),
    rateLimit: rateLimits(),
    newsroomServer: (guildId, guildRoleIds) => newsroomServer(config, guildId, guildRoleIds),
  });
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction));
  client.on(Events.Error, (error) => log.error('discord client error', { error }));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn('gateway disconnected', { shard, code: event.code }));

  const ready = once(client, Events.ClientReady) as Promise<[Client<true>]>;
  await client.login(config.DISCORD_TOKEN);
  const [readyClient] = await ready;

  const target = { applicationId: readyClient.application.id, guildId: config.DISCORD_GUILD_ID };
  const definitions = commands.map((command) => command.data);
  try {
    const result = await syncCommands(readyClient.rest, target, definitions);
    log.info('commands in sync', { scope: target.guildId ? `guild ${target.guildId}` : 'global', result, commands: definitions.map((d) => d.name) });
  } catch (error) {
    // The bot can still answer commands registered earlier: log and keep running. The reason names the field Discord refused.
    log.error('could not sync commands', { ...target, reason: describeDiscordFailure(error, commandLabels(definitions)) });
  }
  // Follows claim changes from now on, and catches up on summaries whose story changed while the bot was away.
  await summaries.start();
  // Those an answer did not reach before the bot last stopped (a crash while telling, Discord refusing) are told now.
  const teller = { store, notify, actor: { id: readyClient.user.id, name: `${readyClient.user.username} (retry at start)` } };
  tellUntold(teller, (guildId) => guildId !== null && readyClient.guilds.cache.has(guildId))
    .then((told) => {
      if (told > 0) log.info('told askers an earlier answer had not reached', { told });
    })
    .catch((error: unknown) => log.error('could not tell the askers an earlier answer had not reached', { error }));
  log.info('connected', { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, claims: store.claimCount });
  return {
    client: readyClient,
    summaries,
    stop: async () => {
      await summaries.stop();
      await readyClient.destroy();
      log.info('disconnected');
    },
  };
}
