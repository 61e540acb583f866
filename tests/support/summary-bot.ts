/**
 * The `/summary` end-to-end tests' bot and helpers: the real bot against the loopback Discord, its summary timers
 * in the test's hands, and what the tests read back from the fake (posts, edits, what a message shows).
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { SummaryRecord } from '../../src/store/summary-table.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { createLogger } from '../../src/core/log.ts';
import type { Claim } from '../../src/core/schema.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import type { Timers } from '../../src/summary/sync.ts';
import { FakeDiscord, type ApplicationCommandOptionLike, type RecordedRequest } from './fake-discord.ts';
import { SHIPPED_CLAIMS } from './files.ts';
import { scratchDatabase } from './store.ts';
import { moderator, NEWSROOM } from './people.ts';

export const CHANNEL = '300000000000000003';
export const STORY = 'north-korean-troops-in-russia';
export const EPHEMERAL = 64;
export const desk = { id: moderator.userId!, name: 'desk-editor', guildId: NEWSROOM };

export interface DiscordEmbed {
  title?: string;
  description?: string;
  footer?: { text: string };
}
export interface Sent {
  embeds: DiscordEmbed[];
  allowed_mentions?: { parse: string[] };
}

/** Timers the test fires by hand: what the sync does is decided by the changes made, not by how fast they were made. */
export class HandTimers implements Timers {
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

export interface SummaryBot {
  discord: FakeDiscord;
  store: ClaimStore;
  bot: RunningBot;
  timers: HandTimers;
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** The real bot against the loopback Discord, its summary timers in the test's hands. The Discord and the database outlive it. */
export async function startSummaryBot(
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

/** The running bot of the current test: a test that restarts it hands the new one to `replaceBot`. */
export let t: SummaryBot;
const cleanups: (() => Promise<void>)[] = [];

/** Registers the hooks that give each test a fresh loopback Discord, database and bot, all closed after it. */
export function useSummaryBot(): void {
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
}

/** The bot restarted by a test: the one the helpers and the cleanup after the test use from now on. */
export function replaceBot(bot: SummaryBot): void {
  t = bot;
}

export const sub = (name: string, options: ApplicationCommandOptionLike[] = []): ApplicationCommandOptionLike[] => [{ name, type: 1, options }];
export const text = (name: string, value: string): ApplicationCommandOptionLike => ({ name, type: 3, value });

/** The answer the asker finally sees: the edit of a deferred reply, or a direct reply. */
export async function answer(interaction: Promise<{ id: string; token: string }>, discord = t.discord): Promise<{ content: string; flags?: number }> {
  const { id, token } = await interaction;
  const isFinal = (r: RecordedRequest) =>
    (r.method === 'PATCH' && r.path === `/webhooks/${discord.applicationId}/${token}/messages/@original`) ||
    (r.path === `/interactions/${id}/${token}/callback` && (r.body as { type: number }).type === 4);
  const request = discord.requests.find(isFinal) ?? (await discord.nextRequest(isFinal));
  const body = request.body as { type?: number; data?: { content: string; flags?: number }; content?: string };
  return body.type === 4 ? body.data! : { content: body.content! };
}
export const summary = (subcommand: string, options: ApplicationCommandOptionLike[] = [], who = moderator) =>
  answer(t.discord.slashCommand('summary', sub(subcommand, options), who));

/** Lets the gathered changes through, and waits until the summaries are edited. */
export async function sync(): Promise<void> {
  t.timers.fire();
  await t.bot.summaries.settled();
}
export const edits = (messageId: string, discord = t.discord) =>
  discord.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${CHANNEL}/messages/${messageId}`);
export const posts = (discord = t.discord) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`);
export const shown = (messageId: string, discord = t.discord) => (discord.messagesIn(CHANNEL).find((m) => m.id === messageId) as unknown as Sent).embeds;
export const allText = (embeds: DiscordEmbed[]) => embeds.map((embed) => [embed.title, embed.description, embed.footer?.text].join('\n')).join('\n');
export const rerate = (id: string, verdict: Claim['verdict'], store = t.store) => store.update(id, desk, 'verdict', (claim) => ({ ...claim, verdict }));

/** Posts the summary of the shipped story in the test channel; returns its message id. */
export async function postSummary(): Promise<string> {
  const reply = await summary('post', [text('story', STORY)]);
  expect(reply.content).toContain('Posted the summary');
  const [record] = await t.store.summaries.list(STORY);
  return record!.messageIds[0]!;
}
