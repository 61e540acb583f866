import { PermissionFlagsBits } from 'discord.js';
import type { Config } from '../config/config.ts';

/** Who is asking, as Discord tells it with every interaction. */
export interface Asker {
  guildId: string | null;
  roleIds: readonly string[];
  /** The member's permissions in the channel, or null outside a server. */
  permissions: bigint | null;
}

/**
 * Whether someone may change claims: `true`, or the sentence that says why not. The dataset belongs to one
 * newsroom: a member with one of MODERATOR_ROLE_IDS (role ids belong to one server), or else a member with
 * Manage Messages in DISCORD_GUILD_ID. An admin of another server the bot was invited to is neither.
 */
export function curationAccess(config: Pick<Config, 'MODERATOR_ROLE_IDS' | 'DISCORD_GUILD_ID'>, asker: Asker): true | string {
  const roles = config.MODERATOR_ROLE_IDS;
  if (roles.length > 0) return asker.roleIds.some((role) => roles.includes(role)) || NOT_A_MODERATOR;
  if (config.DISCORD_GUILD_ID) {
    const inNewsroom = asker.guildId === config.DISCORD_GUILD_ID;
    return (inNewsroom && asker.permissions !== null && (asker.permissions & PermissionFlagsBits.ManageMessages) !== 0n) || NOT_A_MODERATOR;
  }
  return 'Curation is off: the bot’s operator has to say who the moderators are, with MODERATOR_ROLE_IDS (or DISCORD_GUILD_ID) in its configuration.';
}

const NOT_A_MODERATOR = 'Only the newsroom’s moderators can change claims. Nothing was changed.';
