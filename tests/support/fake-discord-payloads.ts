/**
 * The payloads the fake Discord sends: snowflakes, users, messages, the guild and its channel, interactions, each
 * with every field discord.js reads (it drops an event silently, or builds nothing, when one is missing).
 */
export type Json = Record<string, unknown>;

/** Who invokes an interaction: lets a test act as a moderator or as an ordinary member. */
export interface InteractionOverrides {
  userId: string;
  username: string;
  roles: string[];
  /** Permission bit field as a decimal string, like Discord sends it. */
  permissions: string;
  locale: string;
}

const DISCORD_EPOCH = 1420070400000n;
// VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY: an ordinary member, not a moderator.
const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 16n));
// ...plus EMBED_LINKS and ATTACH_FILES, what a bot usually needs to answer.
const BOT_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n));
/** The server's owner, who has every permission whatever their roles. */
export const GUILD_OWNER_ID = '1';
/**
 * Every fake server has this role, which grants Manage Messages server-wide, as a newsroom's editors' role does:
 * a member is a moderator by holding it, not by the `permissions` of the channel the interaction came from.
 */
export const DESK_EDITORS_ROLE = { id: '210000000000000021', name: 'desk editors', permissions: String((1n << 10n) | (1n << 11n) | (1n << 13n) | (1n << 16n)) };

export class DiscordPayloads {
  private idCounter = 0n;

  constructor(
    readonly applicationId: string,
    readonly guildId: string,
    readonly channelId: string,
    /** Guild roles besides @everyone and DESK_EDITORS_ROLE. */
    private readonly extraRoles: ReadonlyArray<{ id: string; name: string; permissions?: string }>,
  ) {}

  /** Snowflakes encode a timestamp, which discord.js reads for `createdAt`. */
  snowflake(): string {
    return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (this.idCounter++ & 0xfffn));
  }

  withIds(commands: unknown[], scope: 'global' | 'guild'): Json[] {
    return commands.map((command) => ({
      id: this.snowflake(),
      application_id: this.applicationId,
      version: this.snowflake(),
      type: 1,
      options: [],
      ...(scope === 'guild' ? { guild_id: this.guildId } : {}),
      ...(command as Json),
    }));
  }

  user(id: string, username: string, bot: boolean): Json {
    return { id, username, discriminator: '0', global_name: null, avatar: null, bot };
  }

  /** A complete message: discord.js builds a Message from whatever the REST call returns. */
  message(fields: Json): Json {
    return {
      id: this.snowflake(),
      channel_id: this.channelId,
      guild_id: this.guildId,
      author: this.user('1', 'someone', false),
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      ...fields,
    };
  }

  /** Interaction replies are sent by the application's webhook, as the bot user. */
  botMessage(fields: Json): Json {
    return this.message({ author: this.user(this.applicationId, 'FakeBot', true), webhook_id: this.applicationId, ...fields });
  }

  textChannel(): Json {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0,
    };
  }

  guild(): Json {
    const role = (id: string, name: string, permissions: string, position: number) => ({
      id,
      name,
      permissions,
      position,
      color: 0,
      hoist: false,
      icon: null,
      unicode_emoji: null,
      managed: false,
      mentionable: false,
      flags: 0,
    });
    const roles = [
      role(this.guildId, '@everyone', MEMBER_PERMISSIONS, 0), // @everyone's id is the guild id
      role(DESK_EDITORS_ROLE.id, DESK_EDITORS_ROLE.name, DESK_EDITORS_ROLE.permissions, 1),
      ...this.extraRoles.map((r, i) => role(r.id, r.name, r.permissions ?? MEMBER_PERMISSIONS, i + 2)),
    ];
    return {
      id: this.guildId,
      name: 'Fake Guild',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: GUILD_OWNER_ID,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      application_id: null,
      max_members: 500000,
      max_video_channel_users: 25,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      lazy: false,
      features: [],
      roles,
      emojis: [],
      stickers: [],
      channels: [this.textChannel()],
      members: [],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** A guild interaction with every field discord.js reads; without them it drops the event silently. */
  interaction(type: number, data: Json, overrides: Partial<InteractionOverrides>, extra: Json = {}): Json {
    const who: InteractionOverrides = {
      userId: '500000000000000005',
      username: 'tester',
      roles: [],
      permissions: MEMBER_PERMISSIONS,
      locale: 'en-US',
      ...overrides,
    };
    return {
      id: this.snowflake(),
      token: `interaction-token-${this.snowflake()}`,
      application_id: this.applicationId,
      type,
      data,
      version: 1,
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: this.textChannel(),
      app_permissions: BOT_PERMISSIONS,
      locale: who.locale,
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
      member: {
        user: this.user(who.userId, who.username, false),
        roles: who.roles,
        permissions: who.permissions,
        joined_at: new Date().toISOString(),
        nick: null,
        avatar: null,
        premium_since: null,
        deaf: false,
        mute: false,
        pending: false,
        flags: 0,
        communication_disabled_until: null,
      },
      ...extra,
    };
  }
}
