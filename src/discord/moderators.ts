import { PermissionFlagsBits } from 'discord.js';
import type { Config } from '../config/config.ts';

/** Who is asking, as Discord tells it with every interaction. */
export interface Asker {
  guildId: string | null;
  roleIds: readonly string[];
  /**
   * The member's permissions across the server, from their roles (the owner has all): never one channel's, where an
   * overwrite can grant Manage Messages. Null outside a server, or when the bot does not hold the server's roles.
   */
  permissions: bigint | null;
}

/**
 * Whether someone may change claims: `true`, or the sentence that says why not. The dataset belongs to one
 * newsroom: a member with one of MODERATOR_ROLE_IDS (role ids belong to one server), or else a member with
 * Manage Messages (or Administrator) across DISCORD_GUILD_ID. An admin of another server the bot was invited to is neither.
 */
export function curationAccess(config: Pick<Config, 'MODERATOR_ROLE_IDS' | 'DISCORD_GUILD_ID'>, asker: Asker): true | string {
  const roles = config.MODERATOR_ROLE_IDS;
  // A server's own id is its @everyone role, which every member has: it never makes a moderator.
  if (roles.length > 0) return asker.roleIds.some((role) => role !== asker.guildId && roles.includes(role)) || NOT_A_MODERATOR;
  if (config.DISCORD_GUILD_ID) {
    if (asker.guildId !== config.DISCORD_GUILD_ID) return NOT_A_MODERATOR;
    if (asker.permissions === null) return ROLES_UNKNOWN;
    return (asker.permissions & (PermissionFlagsBits.ManageMessages | PermissionFlagsBits.Administrator)) !== 0n || NOT_A_MODERATOR;
  }
  return 'Curation is off: the bot’s operator has to say who the moderators are, with MODERATOR_ROLE_IDS (or DISCORD_GUILD_ID) in its configuration.';
}

const NOT_A_MODERATOR = 'Only the newsroom’s moderators can change claims. Nothing was changed.';
const ROLES_UNKNOWN =
  'I cannot see this server’s roles just now, so I cannot tell whether you are one of the newsroom’s moderators. Nothing was changed; please try again later.';
