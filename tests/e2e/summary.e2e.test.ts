/** `/summary post`, `list` and `remove`: what a moderator sees, what Discord refuses, and a restart. */
import { describe, expect, it } from 'vitest';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { moderator, NEWSROOM, reader } from '../support/people.ts';
import {
  answer,
  CHANNEL,
  EPHEMERAL,
  postSummary,
  posts,
  replaceBot,
  rerate,
  type Sent,
  shown,
  startSummaryBot,
  STORY,
  sub,
  summary,
  sync,
  t,
  text,
  useSummaryBot,
} from '../support/summary-bot.ts';

useSummaryBot();

describe('/summary post', () => {
  it('posts the summary as a public message that pings nobody, pins it, records it, and tells the moderator privately', async () => {
    const interaction = await t.discord.slashCommand('summary', sub('post', [text('story', STORY)]), moderator);
    const first = (await t.discord.reply(interaction)).body as { type: number; data: { flags: number } };
    expect(first).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const reply = await answer(Promise.resolve(interaction));
    expect(reply.content).toBe(
      `Posted the summary of “North Korean troops in Russia” in <#${CHANNEL}> (1 message, pinned). It changes by itself whenever a claim of the story does.`,
    );

    const [message] = t.discord.messagesIn(CHANNEL) as unknown as (Sent & { id: string })[];
    expect(message!.embeds).toHaveLength(1);
    const [embed] = message!.embeds;
    expect(embed!.title).toBe('North Korean troops in Russia');
    expect(embed!.description).toMatch(/^Source: Euronews\n\*\*15 claims · 15 unverified\*\*\n\*\*1\.\*\* ⚠️ Unverified · /);
    for (const claim of t.store.claims) expect(embed!.description).toContain(`\`${claim.id}\``);
    expect(embed!.footer!.text).toMatch(/^15 claims in all · updated \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(message!.allowed_mentions).toEqual({ parse: [] });
    expect(t.discord.pinnedIn(CHANNEL)).toEqual([message!.id]);
    expect(await t.store.summaries.list(STORY)).toMatchObject([{ guildId: NEWSROOM, channelId: CHANNEL, story: STORY, messageIds: [message!.id] }]);
  });

  it('posts in the channel given, and /summary list shows where each summary is', async () => {
    const elsewhere = '310000000000000031';
    expect((await summary('post', [text('story', STORY), { name: 'channel', type: 7, value: elsewhere }])).content).toContain(`in <#${elsewhere}>`);
    expect(t.discord.messagesIn(elsewhere)).toHaveLength(1);
    expect(t.discord.messagesIn(CHANNEL)).toHaveLength(0);
    expect((await summary('list')).content).toMatch(new RegExp(`^• “North Korean troops in Russia” in <#${elsewhere}>: 1 message, updated <t:\\d+:R>$`));
  });

  it('refuses a reader, and posts nothing', async () => {
    const reply = await summary('post', [text('story', STORY)], reader);
    expect(reply).toMatchObject({ flags: EPHEMERAL, content: 'Only the newsroom’s moderators can change claims. Nothing was changed.' });
    expect(posts()).toHaveLength(0);
    expect(await t.store.summaries.list()).toEqual([]);
  });

  it('is registered for Manage Messages, in servers only', () => {
    const registered = (t.discord.commands('guild') as { name: string; default_member_permissions: string; contexts: number[] }[]).find(
      (command) => command.name === 'summary',
    );
    expect(registered).toMatchObject({ default_member_permissions: String(1n << 13n), contexts: [0] });
  });
});

describe('when Discord refuses', () => {
  it('50013 on pin: the summary is posted and kept, and the moderator is told the bot needs Pin Messages', async () => {
    t.discord.failNext('PUT', /\/messages\/pins\//, 403, { message: 'Missing Permissions', code: 50013 });
    const reply = await summary('post', [text('story', STORY)]);
    expect(reply.content).toBe(
      [
        `Posted the summary of “North Korean troops in Russia” in <#${CHANNEL}> (1 message). It changes by itself whenever a claim of the story does.`,
        `I could not pin it: I need the **Pin Messages** permission in <#${CHANNEL}>. Give it to me and run \`/summary post\` again.`,
      ].join('\n'),
    );
    expect(t.discord.messagesIn(CHANNEL)).toHaveLength(1);
    expect(t.discord.pinnedIn(CHANNEL)).toEqual([]);
    expect((await summary('list')).content).toContain('⚠️ I could not pin it: I need the **Pin Messages** permission');

    const again = await summary('post', [text('story', STORY)]);
    expect(again.content).toBe(`The summary of “North Korean troops in Russia” is already in <#${CHANNEL}>: brought it up to date (up to date, 1 message).`);
    expect(t.discord.pinnedIn(CHANNEL)).toHaveLength(1);
    expect((await summary('list')).content).not.toContain('⚠️');
  });

  it('50013 on a background edit: logged with the story and channel, shown by /summary list, and retried by the next change', async () => {
    const id = await postSummary();
    t.discord.failNext('PATCH', new RegExp(`^/channels/${CHANNEL}/messages/${id}$`), 403, { message: 'Missing Permissions', code: 50013 });
    await rerate('zelensky-tehran-too', 'false');
    await sync();
    expect(t.logs.find((line) => line.message === 'could not update a summary')).toMatchObject({
      level: 'error',
      story: STORY,
      channel: CHANNEL,
      problem: 'missing-permissions',
      operation: 'edit',
    });
    expect((await summary('list')).content).toContain(
      `⚠️ Discord refused to edit the summary in <#${CHANNEL}>: I need **View Channel**, **Send Messages** and **Embed Links** there.`,
    );

    await rerate('zelensky-tehran-too', 'disputed');
    await sync();
    expect(shown(id)[0]!.description).toContain('**15 claims · 14 unverified · 1 disputed**');
    expect((await summary('list')).content).not.toContain('⚠️');
  });

  it('30003 (250 pins): the summary is posted unpinned and the moderator is told', async () => {
    t.discord.failNext('PUT', /\/messages\/pins\//, 400, { message: 'Maximum number of pins reached (250)', code: 30003 });
    const reply = await summary('post', [text('story', STORY)]);
    expect(reply.content).toContain(`<#${CHANNEL}> already has 250 pinned messages, Discord's limit: the summary is posted unpinned.`);
    expect(t.discord.messagesIn(CHANNEL)).toHaveLength(1);
  });

  it('50001 on post: nothing is posted or recorded, and the moderator is told the bot cannot see the channel', async () => {
    t.discord.failNext('POST', /^\/channels\/\d+\/messages$/, 403, { message: 'Missing Access', code: 50001 });
    const reply = await summary('post', [text('story', STORY)]);
    expect(reply.content).toBe(`Nothing was posted in <#${CHANNEL}>.\nI cannot see <#${CHANNEL}>: I need the **View Channel** permission there.`);
    expect(await t.store.summaries.list()).toEqual([]);
  });
});

describe('after a restart', () => {
  it('brings up to date a summary whose story changed while the bot was offline', async () => {
    const id = await postSummary();
    const url = t.store.databaseUrl;
    await t.stop();

    const offline = await ClaimStore.open({ databaseUrl: url, seedFile: SHIPPED_CLAIMS });
    await rerate('zelensky-tehran-too', 'misleading', offline);
    await offline.close();

    // With its real timers, as deployed.
    const edited = t.discord.nextRequest((r) => r.method === 'PATCH' && r.path === `/channels/${CHANNEL}/messages/${id}`);
    replaceBot(await startSummaryBot(t.discord, url, { realTimers: true }));
    expect(((await edited).body as Sent).embeds[0]!.description).toContain('**15 claims · 14 unverified · 1 misleading**');
    expect(posts()).toHaveLength(1);
  });
});
