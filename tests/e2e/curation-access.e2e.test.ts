import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_EDITORS_ROLE, FakeDiscord, GUILD_OWNER_ID, type ApplicationCommandOptionLike, type InteractionOverrides } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { MANAGE_MESSAGES, MEMBER, NEWSROOM, reader } from '../support/people.ts';

interface Callback {
  data: { content?: string; flags?: number; embeds?: { title: string }[] };
}

const EPHEMERAL = 64;
const ADMINISTRATOR = 1n << 3n;
const NOT_A_MODERATOR = 'Only the newsroom’s moderators can change claims. Nothing was changed.';
const CLAIM = 'zelensky-tehran-too';
/** A role that grants Administrator and nothing else: Discord lets an administrator do everything, Manage Messages included. */
const ADMINS = { id: '930000000000000003', name: 'admins', permissions: String(ADMINISTRATOR) };

const sub = (name: string, options: ApplicationCommandOptionLike[]): ApplicationCommandOptionLike[] => [{ name, type: 1, options }];
const text = (name: string, value: string): ApplicationCommandOptionLike => ({ name, type: 3, value });

async function rerate(t: BotUnderTest, who: Partial<InteractionOverrides>, verdict: string): Promise<Callback['data']> {
  const interaction = await t.discord.slashCommand('claims', sub('verdict', [text('id', CLAIM), text('verdict', verdict)]), who);
  return ((await t.discord.reply(interaction)).body as Callback).data;
}

describe('Manage Messages counts across the newsroom’s server, from the member’s roles (DISCORD_GUILD_ID, no moderator roles)', () => {
  let t: BotUnderTest;
  beforeAll(async () => {
    t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM }, await FakeDiscord.start({ roles: [ADMINS] }));
  });
  afterAll(() => t.stop());

  it('refuses a member who has Manage Messages only through this channel’s overwrite, and changes nothing', async () => {
    // Discord sends the member's permissions in the channel: an overwrite there can grant Manage Messages to anyone.
    const overwritten = { userId: '710000000000000001', username: 'channel-overwrite', roles: [], permissions: String(MEMBER | MANAGE_MESSAGES) };
    const auditBefore = await t.store.countAudit();
    expect(await rerate(t, overwritten, 'false')).toMatchObject({ flags: EPHEMERAL, content: NOT_A_MODERATOR });
    expect(t.store.claim(CLAIM)!.verdict).toBe('unverified');
    expect(await t.store.countAudit()).toBe(auditBefore);
  });

  it('allows a member whose role grants Manage Messages server-wide, even where the channel denies it', async () => {
    const editor = { userId: '710000000000000002', username: 'desk-editor', roles: [DESK_EDITORS_ROLE.id], permissions: String(MEMBER) };
    const reply = await rerate(t, editor, 'disputed');
    expect(reply.embeds![0]!.title).toContain('Zelensky');
    expect(t.store.claim(CLAIM)!.verdict).toBe('disputed');
  });

  it('allows a member whose role grants Administrator', async () => {
    const admin = { userId: '710000000000000003', username: 'admin', roles: [ADMINS.id], permissions: String(MEMBER) };
    await rerate(t, admin, 'unverified');
    expect(t.store.claim(CLAIM)!.verdict).toBe('unverified');
    expect((await t.store.history(CLAIM)).at(-1)).toMatchObject({ actor: { id: admin.userId } });
  });

  it('allows the server’s owner, who has every permission without any role', async () => {
    const owner = { userId: GUILD_OWNER_ID, username: 'owner', roles: [], permissions: String(MEMBER) };
    await rerate(t, owner, 'disputed');
    expect(t.store.claim(CLAIM)!.verdict).toBe('disputed');
    expect((await t.store.history(CLAIM)).at(-1)).toMatchObject({ actor: { id: owner.userId } });
  });
});

describe('MODERATOR_ROLE_IDS holding the server’s own id (the @everyone role every member has)', () => {
  let t: BotUnderTest;
  beforeAll(async () => {
    // Without DISCORD_GUILD_ID the bot cannot refuse this at startup: the server is known only when someone asks.
    t = await startBotUnderTest({ MODERATOR_ROLE_IDS: `${DESK_EDITORS_ROLE.id},${NEWSROOM}` });
  });
  afterAll(() => t.stop());

  it('never counts @everyone as a moderator role: a reader is refused, a member with the listed role is not', async () => {
    expect(await rerate(t, reader, 'false')).toMatchObject({ flags: EPHEMERAL, content: NOT_A_MODERATOR });
    expect(t.store.claim(CLAIM)!.verdict).toBe('unverified');
    await rerate(t, { ...reader, roles: [DESK_EDITORS_ROLE.id] }, 'disputed');
    expect(t.store.claim(CLAIM)!.verdict).toBe('disputed');
  });
});
