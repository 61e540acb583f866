import { commands } from '../../commands/index.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { SummaryRecord } from '../../src/store/summary-table.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { messageLimitProblems } from '../../src/views/limits.ts';
import { createLogger } from '../../src/core/log.ts';
import type { ReplyEmbed } from '../../src/views/reply.ts';
import { VERDICTS, type Claim } from '../../src/core/schema.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import type { Timers } from '../../src/summary/sync.ts';
import { FakeDiscord, type ApplicationCommandOptionLike, type RecordedRequest } from '../support/fake-discord.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { scratchDatabase } from '../support/store.ts';
import { GENERATED_STORY, generatedClaims } from '../support/summary.ts';
import { moderator, NEWSROOM, reader } from '../support/people.ts';

const CHANNEL = '300000000000000003';
const STORY = 'north-korean-troops-in-russia';
const EPHEMERAL = 64;
const desk = { id: moderator.userId!, name: 'desk-editor', guildId: NEWSROOM };

interface DiscordEmbed {
  title?: string;
  description?: string;
  footer?: { text: string };
}
interface Sent {
  embeds: DiscordEmbed[];
  allowed_mentions?: { parse: string[] };
}

/** Timers the test fires by hand: what the sync does is decided by the changes made, not by how fast they were made. */
class HandTimers implements Timers {
  private readonly pending = new Map<number, { run: () => void; ms: number }>();
  private count = 0;
  set(run: () => void, ms: number): number {
    this.pending.set(++this.count, { run, ms });
    return this.count;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** The waits of the timers set and not yet fired. */
  get waits(): number[] {
    return [...this.pending.values()].map((timer) => timer.ms);
  }
  /** Fires every timer set so far. */
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.run();
  }
}

interface SummaryBot {
  discord: FakeDiscord;
  store: ClaimStore;
  bot: RunningBot;
  timers: HandTimers;
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** The real bot against the loopback Discord, its summary timers in the test's hands. The Discord and the database outlive it. */
async function startSummaryBot(
  discord: FakeDiscord,
  databaseUrl: string,
  { shouldEdit, realTimers = false }: { shouldEdit?: (summary: SummaryRecord) => boolean; realTimers?: boolean } = {},
): Promise<SummaryBot> {
  const config = loadConfig({ CLAIMS_PATH: SHIPPED_CLAIMS, DATABASE_URL: databaseUrl, DISCORD_GUILD_ID: NEWSROOM, DISCORD_API_BASE_URL: discord.apiBaseUrl });
  const logs: Record<string, unknown>[] = [];
  const log = createLogger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const store = await ClaimStore.open({ databaseUrl, seedFile: SHIPPED_CLAIMS });
  const timers = new HandTimers();
  const bot = await startBot({ ...config, DISCORD_TOKEN: 'test.token.not-real' }, store, commands, log, {
    summaries: { timers: realTimers ? undefined : timers, shouldEdit },
  });
  return { discord, store, bot, timers, logs, stop: async () => (await bot.stop(), await store.close()) };
}

let t: SummaryBot;
const cleanups: (() => Promise<void>)[] = [];
beforeEach(async () => {
  const discord = await FakeDiscord.start();
  const database = await scratchDatabase();
  t = await startSummaryBot(discord, database.url);
  cleanups.push(
    () => t.stop(),
    () => discord.close(),
    database.cleanup,
  );
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const sub = (name: string, options: ApplicationCommandOptionLike[] = []): ApplicationCommandOptionLike[] => [{ name, type: 1, options }];
const text = (name: string, value: string): ApplicationCommandOptionLike => ({ name, type: 3, value });

/** The answer the asker finally sees: the edit of a deferred reply, or a direct reply. */
async function answer(interaction: Promise<{ id: string; token: string }>, discord = t.discord): Promise<{ content: string; flags?: number }> {
  const { id, token } = await interaction;
  const isFinal = (r: RecordedRequest) =>
    (r.method === 'PATCH' && r.path === `/webhooks/${discord.applicationId}/${token}/messages/@original`) ||
    (r.path === `/interactions/${id}/${token}/callback` && (r.body as { type: number }).type === 4);
  const request = discord.requests.find(isFinal) ?? (await discord.nextRequest(isFinal));
  const body = request.body as { type?: number; data?: { content: string; flags?: number }; content?: string };
  return body.type === 4 ? body.data! : { content: body.content! };
}
const summary = (subcommand: string, options: ApplicationCommandOptionLike[] = [], who = moderator) =>
  answer(t.discord.slashCommand('summary', sub(subcommand, options), who));

/** Lets the gathered changes through, and waits until the summaries are edited. */
async function sync(): Promise<void> {
  t.timers.fire();
  await t.bot.summaries.settled();
}
const edits = (messageId: string, discord = t.discord) =>
  discord.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${CHANNEL}/messages/${messageId}`);
const posts = (discord = t.discord) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`);
const shown = (messageId: string, discord = t.discord) => (discord.messagesIn(CHANNEL).find((m) => m.id === messageId) as unknown as Sent).embeds;
const allText = (embeds: DiscordEmbed[]) => embeds.map((embed) => [embed.title, embed.description, embed.footer?.text].join('\n')).join('\n');
const rerate = (id: string, verdict: Claim['verdict'], store = t.store) => store.update(id, desk, 'verdict', (claim) => ({ ...claim, verdict }));

/** Posts the summary of the shipped story in the test channel; returns its message id. */
async function postSummary(): Promise<string> {
  const reply = await summary('post', [text('story', STORY)]);
  expect(reply.content).toContain('Posted the summary');
  const [record] = await t.store.summaries.list(STORY);
  return record!.messageIds[0]!;
}

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

describe('keeping the summary true', () => {
  it('edits the same message when a claim is re-rated, added or removed, and sends no edit that would change nothing', async () => {
    const id = await postSummary();

    const rerated = await answer(t.discord.slashCommand('claims', sub('verdict', [text('id', 'zelensky-tehran-too'), text('verdict', 'false')]), moderator));
    expect(rerated.content).toContain('Re-rated');
    await sync();
    expect(edits(id)).toHaveLength(1);
    expect(shown(id)[0]!.description).toContain('**15 claims · 14 unverified · 1 false**');
    expect(shown(id)[0]!.description).toMatch(/❌ False · \*\*Volodymyr Zelensky\*\* · `zelensky-tehran-too`/);

    const template = t.store.claim('zelensky-tehran-too')!;
    const now = new Date().toISOString();
    await t.store.add(
      { ...template, id: 'added-claim', statement: 'A claim added after the summary was pinned', verdict: 'unverified', createdAt: now, updatedAt: now },
      desk,
    );
    await sync();
    expect(edits(id)).toHaveLength(2);
    expect(shown(id)[0]!.description).toMatch(
      /\*\*16\.\*\* ⚠️ Unverified · \*\*Volodymyr Zelensky\*\* · `added-claim`\nA claim added after the summary was pinned/,
    );

    await t.store.remove('added-claim', desk, 'added by mistake');
    await sync();
    expect(edits(id)).toHaveLength(3);
    expect(shown(id)[0]!.description).not.toContain('added-claim');
    expect(shown(id)[0]!.footer!.text).toMatch(/^15 claims in all · /);

    await t.store.update('zelensky-tehran-too', desk, 'edit', (claim) => ({ ...claim, tags: [...claim.tags, 'not-shown-in-summaries'] }));
    await sync();
    expect(edits(id)).toHaveLength(3);

    expect(posts()).toHaveLength(1);
    expect(t.discord.pinnedIn(CHANNEL)).toEqual([id]);
  });

  it('coalesces a burst: 20 changes, 10 of them as the first edit goes out, make at most 2 edits, and the last state is shown', async () => {
    const id = await postSummary();
    const ids = t.store.claims.map((claim) => claim.id).sort();
    const verdicts = ['false', 'disputed', 'misleading', 'confirmed'] as const;
    for (let i = 0; i < 10; i++) await rerate(ids[i % ids.length]!, verdicts[i % verdicts.length]!);
    t.timers.fire();
    const writes = [];
    for (let i = 10; i < 20; i++) writes.push(rerate(ids[i % ids.length]!, verdicts[i % verdicts.length]!));
    await Promise.all(writes);
    await sync();
    expect(edits(id).length).toBeGreaterThanOrEqual(1);
    expect(edits(id).length).toBeLessThanOrEqual(2);
    const counts = shown(id)[0]!.description!.split('\n')[1];
    const byVerdict = VERDICTS.map((verdict) => [verdict, t.store.claims.filter((claim) => claim.verdict === verdict).length] as const);
    expect(counts).toBe(
      `**15 claims · ${byVerdict
        .filter(([, n]) => n > 0)
        .map(([verdict, n]) => `${n} ${verdict}`)
        .join(' · ')}**`,
    );
  });

  it('after 10008 (someone deleted the message), posts the summary again, pins it, and keeps it up to date from then on', async () => {
    const id = await postSummary();
    t.discord.deleteMessage(CHANNEL, id);
    await rerate('zelensky-tehran-too', 'false');
    await sync();
    const [again] = t.discord.messagesIn(CHANNEL) as unknown as (Sent & { id: string })[];
    expect(again!.id).not.toBe(id);
    expect(again!.embeds[0]!.description).toContain('1 false');
    expect(t.discord.pinnedIn(CHANNEL)).toEqual([again!.id]);
    expect((await t.store.summaries.list(STORY))[0]!.messageIds).toEqual([again!.id]);
    expect(t.logs.find((line) => line.message === 'summary message was deleted: posting the summary again')).toMatchObject({
      level: 'warn',
      story: STORY,
      channel: CHANNEL,
    });

    await rerate('zelensky-tehran-too', 'confirmed');
    await sync();
    expect(edits(again!.id)).toHaveLength(1);
    expect(posts()).toHaveLength(2);
  });

  it('after 10003 (the channel was deleted), forgets the summary, logs it, and keeps answering', async () => {
    await postSummary();
    t.discord.deleteChannel(CHANNEL);
    await rerate('zelensky-tehran-too', 'false');
    await sync();
    expect(await t.store.summaries.list()).toEqual([]);
    expect(t.logs.find((line) => line.message === 'summary channel is gone: summary forgotten')).toMatchObject({ level: 'warn', channel: CHANNEL });
    expect((await summary('list')).content).toBe('No summaries are posted yet: `/summary post` posts one.');
  });

  const TOO_MANY_EDITS = { message: 'Maximum number of edits to messages older than 1 hour reached. Try again later', code: 30046 };

  it('after 30046 (a 429 on an edit of an old message), waits as long as Discord says, sends no stale edit, and then shows the final state', async () => {
    const id = await postSummary();
    t.discord.failNext('PATCH', new RegExp(`^/channels/${CHANNEL}/messages/${id}$`), 429, { ...TOO_MANY_EDITS, retry_after: 7 }, { 'retry-after': '7' });
    await rerate('zelensky-tehran-too', 'false');
    await sync();
    expect(edits(id)).toHaveLength(1);
    const [wait] = t.timers.waits;
    expect(wait).toBeGreaterThanOrEqual(7000);
    expect(wait).toBeLessThan(60_000);

    await rerate('zelensky-tehran-too', 'misleading');
    await sync();
    expect(edits(id)).toHaveLength(2);
    expect(shown(id)[0]!.description).toContain('**15 claims · 14 unverified · 1 misleading**');
    expect(t.timers.waits).toEqual([]);
  });

  it('after 30046 without a time to wait, backs off a minute, and never drops the final state', async () => {
    const id = await postSummary();
    t.discord.failNext('PATCH', new RegExp(`^/channels/${CHANNEL}/messages/${id}$`), 429, TOO_MANY_EDITS);
    await rerate('zelensky-tehran-too', 'false');
    await sync();
    expect(edits(id)).toHaveLength(1);
    expect(shown(id)[0]!.description).toContain('15 unverified');
    expect(t.timers.waits).toEqual([60_000]);

    await rerate('zelensky-tehran-too', 'disputed');
    expect(t.timers.waits).toEqual([60_000]);
    await sync();
    expect(edits(id)).toHaveLength(2);
    expect(shown(id)[0]!.description).toContain('**15 claims · 14 unverified · 1 disputed**');
    expect(t.timers.waits).toEqual([]);
  });

  it('leaves the editing to the process that owns the guild (shouldEdit)', async () => {
    const id = await postSummary();
    const url = t.store.databaseUrl;
    await t.stop();
    t = await startSummaryBot(t.discord, url, { shouldEdit: (record) => record.guildId !== NEWSROOM });
    await rerate('zelensky-tehran-too', 'false');
    await sync();
    expect(edits(id)).toHaveLength(0);
  });

  it('/summary remove deletes the messages, which unpins them, and forgets the summary', async () => {
    const id = await postSummary();
    expect((await summary('remove', [text('story', STORY)])).content).toBe(
      `Deleted the summary of “North Korean troops in Russia” in <#${CHANNEL}>; it is no longer kept up to date.`,
    );
    expect(t.discord.messagesIn(CHANNEL)).toEqual([]);
    expect(t.discord.pinnedIn(CHANNEL)).toEqual([]);
    expect(await t.store.summaries.list()).toEqual([]);
    await rerate('zelensky-tehran-too', 'false');
    await sync();
    expect(edits(id)).toHaveLength(0);
    // A mistake found after the answer was deferred still reaches the moderator, in place of "thinking…".
    expect((await summary('remove', [text('story', STORY)])).content).toBe(
      `There is no summary of “${STORY}” in <#${CHANNEL}>. \`/summary list\` shows where they are.`,
    );
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

describe('a story of 300 claims', () => {
  it('continues over several pinned messages, each within every limit, with every claim in exactly one, and keeps them all in sync', async () => {
    await t.store.import({ stories: [GENERATED_STORY], claims: generatedClaims(300) }, desk);
    await sync();
    const reply = await summary('post', [text('story', GENERATED_STORY.id)]);
    const [record] = await t.store.summaries.list(GENERATED_STORY.id);
    const ids = record!.messageIds;
    expect(reply.content).toContain(`(${ids.length} messages, pinned)`);
    expect(ids.length).toBeGreaterThan(1);
    expect(t.discord.pinnedIn(CHANNEL)).toEqual(ids);

    const sent = ids.map((id) => shown(id));
    for (const embeds of sent) {
      expect(embeds.length).toBeLessThanOrEqual(10);
      expect(messageLimitProblems(embeds.map(({ footer, ...embed }): ReplyEmbed => ({ ...embed, footer: footer?.text })))).toEqual([]);
    }
    const listed = [
      ...sent
        .map(allText)
        .join('\n')
        .matchAll(/ · `(generated-claim-\d+)`\n/g),
    ].map((m) => m[1]);
    expect(listed).toEqual(generatedClaims(300).map((claim) => claim.id));
    expect(sent.at(-1)!.at(-1)!.footer!.text).toMatch(/ · 300 claims in all · updated /);

    await rerate('generated-claim-300', 'false');
    await sync();
    expect(
      shown(ids.at(-1)!)
        .map((embed) => embed.description)
        .join('\n'),
    ).toMatch(/❌ False · \*\*Claimant 300\*\* · `generated-claim-300`/);
    expect(ids.slice(1, -1).every((id) => edits(id).length === 0)).toBe(true);
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
    t = await startSummaryBot(t.discord, url, { realTimers: true });
    expect(((await edited).body as Sent).embeds[0]!.description).toContain('**15 claims · 14 unverified · 1 misleading**');
    expect(posts()).toHaveLength(1);
  });
});
