import type { Config } from '../config/config.ts';

/**
 * Whether an interaction comes from the newsroom's own server, where its requests to the desk belong: DISCORD_GUILD_ID,
 * or, when only MODERATOR_ROLE_IDS is set, the server those roles are in. `true`, or the sentence that says why not.
 */
export function newsroomServer(
  config: Pick<Config, 'MODERATOR_ROLE_IDS' | 'DISCORD_GUILD_ID'>,
  guildId: string | null,
  guildRoleIds: () => readonly string[],
): true | string {
  if (!guildId) return 'The desk takes requests in the newsroom’s server, not in direct messages: ask there.';
  const inNewsroom = config.DISCORD_GUILD_ID ? guildId === config.DISCORD_GUILD_ID : guildRoleIds().some((role) => config.MODERATOR_ROLE_IDS.includes(role));
  if (inNewsroom) return true;
  if (!config.DISCORD_GUILD_ID && config.MODERATOR_ROLE_IDS.length === 0)
    return 'The desk takes no requests yet: the bot’s operator has to say which server is the newsroom’s (DISCORD_GUILD_ID).';
  return 'The desk takes requests only in the newsroom’s own server, not in this one.';
}
