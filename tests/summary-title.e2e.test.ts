import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from './support/bot.ts';
import { tempDataset } from './support/files.ts';
import { moderator, NEWSROOM } from './support/people.ts';

const STORY = 'north-korean-troops-in-russia';
const HOSTILE_TITLE = '**Breaking** [read the full story](https://evil.example/x) _now_';
const ESCAPED_TITLE = '\\*\\*Breaking\\*\\* \\[read the full story\\](https\\://evil.example/x) \\_now\\_';

let t: BotUnderTest;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const dataset = await tempDataset((data) => {
    (data.stories![0] as { title: string }).title = HOSTILE_TITLE;
  });
  cleanup = dataset.cleanup;
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, CLAIMS_PATH: dataset.file });
});
afterAll(async () => {
  await t.stop();
  await cleanup();
});

describe('the pinned summary of a story whose title holds markdown and a link', () => {
  it('shows the title as written, escaped: no bold, no live link', async () => {
    const options = [{ name: 'post', type: 1, options: [{ name: 'story', type: 3, value: STORY }] }];
    const { token } = await t.discord.slashCommand('summary', options, moderator);
    // The deferred answer to the moderator comes once the summary is posted, pinned and recorded.
    const answered = await t.discord.nextRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${t.discord.applicationId}/${token}/messages/@original`);
    expect((answered.body as { content: string }).content).toContain(`Posted the summary of “${ESCAPED_TITLE}”`);
    const [pinned] = t.discord.pinnedIn(t.discord.channelId);
    const message = t.discord.messagesIn(t.discord.channelId).find((m) => m.id === pinned);
    const [embed] = (message as { embeds: { title: string; description: string }[] }).embeds;
    expect(embed!.title).toBe(ESCAPED_TITLE);
    expect(embed!.description).toContain('Source: Euronews');
  });
});
