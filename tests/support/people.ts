import { DESK_EDITORS_ROLE, type InteractionOverrides } from './fake-discord.ts';

/** The newsroom's own server: the loopback Discord's default guild, and DISCORD_GUILD_ID in the bot's config. */
export const NEWSROOM = '200000000000000002';
/** View Channel, Send Messages, Read Message History: what an ordinary member has. */
export const MEMBER = (1n << 10n) | (1n << 11n) | (1n << 16n);
export const MANAGE_MESSAGES = 1n << 13n;

/** A member of the newsroom whose role grants Manage Messages server-wide: a moderator when no moderator roles are configured. */
export const moderator: Partial<InteractionOverrides> = {
  userId: '600000000000000006',
  username: 'desk-editor',
  roles: [DESK_EDITORS_ROLE.id],
  permissions: String(MEMBER | MANAGE_MESSAGES),
};
export const reader: Partial<InteractionOverrides> = { userId: '700000000000000007', username: 'reader', permissions: String(MEMBER) };

/** A new claim as a moderator fills in the add form. */
export const NEW_CLAIM_FORM = {
  statement: 'Pyongyang has sent 1,500 special forces to Vladivostok',
  claimant: 'Some reports, unnamed outlets',
  citing: '',
  'reported-by': 'Euronews https://www.euronews.com/example',
  flags: ['anonymous-source'],
};
