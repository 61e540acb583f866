import { commands } from '../../commands/index.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { createLogger } from '../../src/core/log.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import type { Timers } from '../../src/summary/sync.ts';
import { FakeDiscord, type RecordedRequest } from '../support/fake-discord.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { moderator, NEWSROOM } from '../support/people.ts';
import { callback, option, subcommand } from '../support/replies.ts';
import { scratchDatabase } from '../support/store.ts';
import { GENERATED_STORY, generatedClaims } from '../support/summary.ts';

const CHANNEL = '300000000000000003';
const STORY = 'north-korean-troops-in-russia';
const desk = { id: moderator.userId!, name: 'desk-editor', guildId: NEWSROOM };

/** The summary timers, held: nothing is synced in the background until the test fires them. */
class HeldTimers implements Timers {
  private readonly pending = new Map<number, () => void>();
  private count = 0;
  set(run: () => void): number {
    this.pending.set(++this.count, run);
    return this.count;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const run of due) run();
  }
}

let discord: FakeDiscord;
let store: ClaimStore;
let bot: RunningBot;
let timers: HeldTimers;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  discord = await FakeDiscord.start();
  const database = await scratchDatabase();
  const config = loadConfig({ CLAIMS_PATH: SHIPPED_CLAIMS, DATABASE_URL: database.url, DISCORD_GUILD_ID: NEWSROOM, DISCORD_API_BASE_URL: discord.apiBaseUrl });
  store = await ClaimStore.open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS });
  timers = new HeldTimers();
  bot = await startBot({ ...config, DISCORD_TOKEN: 'test.token.not-real' }, store, commands, createLogger('silent'), { summaries: { timers } });
  cleanup = async () => {
    await bot.stop();
    await store.close();
    await discord.close();
    await database.cleanup();
  };
});
afterEach(() => cleanup());

/** /summary defers (posting can take longer than Discord's 3 s), so its answer is the edit of the deferred reply. */
async function summary(name: string, story: string): Promise<string> {
  const { token } = await discord.slashCommand('summary', subcommand(name, [option('story', story)]), moderator);
  const isAnswer = (r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${discord.applicationId}/${token}/messages/@original`;
  const request = discord.requests.find(isAnswer) ?? (await discord.nextRequest(isAnswer));
  return (request.body as { content: string }).content;
}
/** What a summary's messages show now: every embed's title and description. */
async function summaryText(story: string): Promise<string> {
  const [record] = await store.summaries.list(story);
  const messages = discord.messagesIn(CHANNEL) as unknown as { id: string; embeds: { title?: string; description?: string }[] }[];
  return record!.messageIds
    .map((id) =>
      messages
        .find((message) => message.id === id)!
        .embeds.map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`)
        .join('\n'),
    )
    .join('\n');
}
async function sync(): Promise<void> {
  timers.fire();
  await bot.summaries.settled();
}

describe('/summary refresh', () => {
  it('brings the pinned summary up to date now, says what it edited, and then that it is up to date', async () => {
    expect(await summary('post', STORY)).toContain('Posted the summary of “North Korean troops in Russia”');
    const rerated = await callback(
      discord,
      discord.slashCommand('claims', subcommand('verdict', [option('id', 'zelensky-tehran-too'), option('verdict', 'false')]), moderator),
    );
    expect(rerated.data.content).toBe('Re-rated `zelensky-tehran-too`: ⚠️ Unverified → ❌ False.');
    // The background edit is held: the summary still shows the old verdict.
    expect(await summaryText(STORY)).toContain('**15 claims · 15 unverified**');

    expect(await summary('refresh', STORY)).toBe(`Refreshed the summaries of “North Korean troops in Russia”:\n• <#${CHANNEL}>: 1 message: 1 edited`);
    expect(await summaryText(STORY)).toContain('**15 claims · 14 unverified · 1 false**');
    expect(await summary('refresh', STORY)).toBe(`Refreshed the summaries of “North Korean troops in Russia”:\n• <#${CHANNEL}>: up to date, 1 message`);
  });

  it('says when the story has no summary to refresh', async () => {
    expect(await summary('refresh', STORY)).toBe('“North Korean troops in Russia” has no summary yet: `/summary post` posts one.');
  });
});

describe('a claim moved to another story', () => {
  it('leaves the old story’s summary and joins the new one’s', async () => {
    await store.import({ stories: [GENERATED_STORY], claims: generatedClaims(2) }, desk);
    await sync();
    await summary('post', STORY);
    await summary('post', GENERATED_STORY.id);
    expect(await summaryText(STORY)).toContain('`zelensky-tehran-too`');

    await store.update('zelensky-tehran-too', desk, 'edit', (claim) => ({ ...claim, story: GENERATED_STORY.id }));
    await sync();
    const old = await summaryText(STORY);
    expect(old).toContain('**14 claims · 14 unverified**');
    expect(old).not.toContain('`zelensky-tehran-too`');
    const joined = await summaryText(GENERATED_STORY.id);
    expect(joined).toMatch(/\*\*3 claims · /);
    expect(joined).toContain('`zelensky-tehran-too`');
  });
});
