import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, DiscordAPIError, Events, GatewayIntentBits, HTTPError, type Interaction } from 'discord.js';
import { FakeDiscord } from '../support/fake-discord.ts';

let fake: FakeDiscord;
let client: Client;

/** Resolves with the next interaction the bot receives. */
function nextInteraction(): Promise<Interaction> {
  return new Promise((resolve) => client.once(Events.InteractionCreate, resolve));
}

const MODERATOR_ROLE = '700000000000000007';

beforeEach(async () => {
  fake = await FakeDiscord.start({ roles: [{ id: MODERATOR_ROLE, name: 'Moderator' }] });
  client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // retries: 0 so an injected 5xx surfaces at once (discord.js retries 5xx up to 3 times by
    // default, and failNext only fails the first attempt, so the retry would succeed).
    rest: { api: fake.apiBaseUrl, retries: 0 },
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('fake.token.value');
  await ready;
});

afterEach(async () => {
  await client.destroy();
  await fake.close();
});

describe('FakeDiscord with a real discord.js Client', () => {
  it('logs the client in and delivers the guild with its text channel', async () => {
    await fake.connected();
    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.available).toBe(true);
    expect(client.channels.cache.get(fake.channelId)?.isTextBased()).toBe(true);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /gateway/bot');
  });

  it('delivers a slash command and records the reply as a type-4 callback', async () => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: `pong: ${interaction.options.getString('query')}` });
    });
    const sent = await fake.slashCommand('claim', [{ name: 'query', type: 3, value: 'north korea' }]);
    const reply = await fake.reply(sent);
    expect(reply.method).toBe('POST');
    expect(reply.path).toBe(`/interactions/${sent.id}/${sent.token}/callback`);
    expect(reply.body).toMatchObject({ type: 4, data: { content: 'pong: north korea' } });
  });

  it('passes member overrides through to the interaction', async () => {
    const received = nextInteraction();
    await fake.slashCommand('claim', [], { userId: '42', roles: [MODERATOR_ROLE], permissions: String(1n << 13n) });
    const moderator = await received;
    expect(moderator.user.id).toBe('42');
    expect(moderator.memberPermissions?.has('ManageMessages')).toBe(true);
    expect(moderator.inCachedGuild() && moderator.member.roles.cache.has(MODERATOR_ROLE)).toBe(true);

    const nextOne = nextInteraction();
    await fake.slashCommand('claim');
    const member = await nextOne;
    expect(member.memberPermissions?.has('ManageMessages')).toBe(false);
    expect(member.inCachedGuild() && member.member.roles.cache.has(MODERATOR_ROLE)).toBe(false);
  });

  it('records deferReply then editReply as callback type 5 and PATCH @original', async () => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      const message = await interaction.editReply({ content: 'done', embeds: [{ title: 'Result' }] });
      await interaction.followUp({ content: `edited ${message.content}` });
    });
    const sent = await fake.slashCommand('claim');
    const followUp = fake.nextRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${sent.token}`);
    expect((await fake.reply(sent)).body).toMatchObject({ type: 5 });
    expect((await followUp).body).toMatchObject({ content: 'edited done' });
    const edit = fake.requests.find((r) => r.method === 'PATCH');
    expect(edit?.path).toBe(`/webhooks/${fake.applicationId}/${sent.token}/messages/@original`);
    expect(edit?.body).toMatchObject({ content: 'done', embeds: [{ title: 'Result' }] });
  });

  it('parses payload_json out of multipart replies with files', async () => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'report attached', files: [{ attachment: Buffer.from('hi'), name: 'report.txt' }] });
    });
    const sent = await fake.slashCommand('claim');
    const reply = await fake.reply(sent);
    expect(reply.body).toMatchObject({ type: 4, data: { content: 'report attached', attachments: [{ id: '0' }] } });
  });

  it('returns the message with withResponse and on fetchReply', async () => {
    const contents = new Promise<string[]>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const response = await interaction.reply({ content: 'hello', withResponse: true });
        const fetched = await interaction.fetchReply();
        resolve([response.resource?.message?.content ?? '', fetched.content]);
      });
    });
    await fake.slashCommand('claim');
    expect(await contents).toEqual(['hello', 'hello']);
  });

  it('records autocomplete respond() as a type-8 callback with choices', async () => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `${typed} (suggested)`, value: typed }]);
    });
    const sent = await fake.autocomplete('claim', [{ name: 'query', type: 3, value: 'nor', focused: true }]);
    expect((await fake.reply(sent)).body).toEqual({ type: 8, data: { choices: [{ name: 'nor (suggested)', value: 'nor' }] } });
  });

  it('delivers a message context menu command with its target message', async () => {
    const received = nextInteraction();
    await fake.messageContextMenu('Check claim', { id: '900', content: 'the moon is cheese', author: { id: '77', username: 'poster' } });
    const interaction = await received;
    expect(interaction.isMessageContextMenuCommand() && interaction.targetMessage.content).toBe('the moon is cheese');
    expect(interaction.isMessageContextMenuCommand() && interaction.targetMessage.author.id).toBe('77');
  });

  it('delivers a raw modal submit through dispatchInteraction', async () => {
    const received = nextInteraction();
    await fake.dispatchInteraction({
      type: 5,
      data: { custom_id: 'report', components: [{ type: 1, components: [{ type: 4, custom_id: 'reason', value: 'spam' }] }] },
    });
    const interaction = await received;
    expect(interaction.isModalSubmit() && interaction.fields.getTextInputValue('reason')).toBe('spam');
  });

  it('fails the next matching request once with failNext', async () => {
    fake.failNext('POST', /\/callback$/, 500);
    fake.failNext('POST', /\/callback$/, 404, { message: 'Unknown interaction', code: 10062 });
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'x' }).catch((error: unknown) => errors.push(error));
    });
    for (let i = 0; i < 3; i++) await fake.reply(await fake.slashCommand('claim'));
    await expect.poll(() => errors.length).toBe(2);
    expect(errors[0]).toBeInstanceOf(HTTPError); // 5xx become HTTPError, not DiscordAPIError
    expect(errors[0]).toMatchObject({ status: 500 });
    expect(errors[1]).toBeInstanceOf(DiscordAPIError);
    expect(errors[1]).toMatchObject({ status: 404, code: 10062 });
  });

  it('answers unknown routes with a 404 DiscordAPIError', async () => {
    const error: unknown = await client.rest.get('/nowhere').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 404, message: '404: Not Found' });
  });

  it('stores registered global and guild commands', async () => {
    expect(fake.commands('global')).toEqual([]);
    await client.application!.commands.set([{ name: 'claim', description: 'Look up a claim' }]);
    expect(fake.commands('global')).toMatchObject([{ name: 'claim', application_id: fake.applicationId }]);
    const fetched = await client.application!.commands.fetch();
    expect(fetched.map((c) => c.name)).toEqual(['claim']);

    await client.guilds.cache.get(fake.guildId)!.commands.set([{ name: 'mod', description: 'Moderate' }]);
    expect(fake.commands('guild')).toMatchObject([{ name: 'mod', guild_id: fake.guildId }]);
  });

  it('refuses a body Discord’s spec refuses, as Discord does, and records it for the test to fail on', async () => {
    const refused = new Promise<unknown>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (interaction.isChatInputCommand()) resolve(await interaction.reply({ content: 'x'.repeat(2001) }).catch((error: unknown) => error));
      });
    });
    await fake.slashCommand('claim');
    const error = await refused;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({
      status: 400,
      code: 50035,
      rawError: { errors: { data: { content: { _errors: [{ message: 'must NOT have more than 2000 characters' }] } } } },
    });
    expect(fake.takeViolations()).toEqual([
      `create_interaction_response: data.content = "${'x'.repeat(59)}… (2001 characters): must NOT have more than 2000 characters`,
    ]);
  });

  it('times out nextRequest with a list of recent requests', async () => {
    await expect(fake.nextRequest(() => false, 50)).rejects.toThrow(/GET \/gateway\/bot/);
  });
});
