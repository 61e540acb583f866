import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { curationAccess } from '../../src/discord/moderators.ts';

const NEWSROOM = '200000000000000002';
const EDITORS = '210000000000000021';
const MANAGE_MESSAGES = 1n << 13n;
const ADMINISTRATOR = 1n << 3n;
const MEMBER = (1n << 10n) | (1n << 11n) | (1n << 16n);

describe('MODERATOR_ROLE_IDS and the server’s own id (its @everyone role)', () => {
  it('refuses the configuration, naming the variable, when it holds DISCORD_GUILD_ID', () => {
    const load = () => loadConfig({ DISCORD_GUILD_ID: NEWSROOM, MODERATOR_ROLE_IDS: `${EDITORS},${NEWSROOM}` });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      'Invalid configuration: MODERATOR_ROLE_IDS holds the server’s own id (DISCORD_GUILD_ID), which is its @everyone role: every member would be a moderator (see .env.example)',
    );
    expect(loadConfig({ DISCORD_GUILD_ID: NEWSROOM, MODERATOR_ROLE_IDS: EDITORS }).MODERATOR_ROLE_IDS).toEqual([EDITORS]);
  });

  it('never counts the role whose id is the asking server’s id, whatever the configuration says', () => {
    const config = { MODERATOR_ROLE_IDS: [EDITORS, NEWSROOM] };
    // discord.js lists @everyone among every member's roles.
    expect(curationAccess(config, { guildId: NEWSROOM, roleIds: [NEWSROOM], permissions: MEMBER })).toMatch(/^Only the newsroom’s moderators/);
    expect(curationAccess(config, { guildId: NEWSROOM, roleIds: [NEWSROOM, EDITORS], permissions: MEMBER })).toBe(true);
  });
});

describe('Manage Messages across the newsroom’s server', () => {
  const config = { MODERATOR_ROLE_IDS: [], DISCORD_GUILD_ID: NEWSROOM };

  it('counts Manage Messages or Administrator in the server-wide permissions', () => {
    expect(curationAccess(config, { guildId: NEWSROOM, roleIds: [], permissions: MEMBER | MANAGE_MESSAGES })).toBe(true);
    expect(curationAccess(config, { guildId: NEWSROOM, roleIds: [], permissions: ADMINISTRATOR })).toBe(true);
    expect(curationAccess(config, { guildId: NEWSROOM, roleIds: [], permissions: MEMBER })).toMatch(/^Only the newsroom’s moderators/);
  });

  it('says so when the server’s roles are unknown (the server is not in the bot’s cache), and allows nothing', () => {
    expect(curationAccess(config, { guildId: NEWSROOM, roleIds: [], permissions: null })).toBe(
      'I cannot see this server’s roles just now, so I cannot tell whether you are one of the newsroom’s moderators. Nothing was changed; please try again later.',
    );
  });
});
