import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { tempDataset } from '../support/files.ts';
import { moderator, NEWSROOM } from '../support/people.ts';

/** Dataset text with markdown and a masked link in it, as a hostile or careless import could bring. */
const STORY = 'north-korean-troops-in-russia';
const HOSTILE_TITLE = '**Breaking** [read the full story](https://evil.example/x) _now_';
const ESCAPED_TITLE = '\\*\\*Breaking\\*\\* \\[read the full story\\](https\\://evil.example/x) \\_now\\_';
const CLAIM = 'kyiv-independent-10000-troops';
const HOSTILE_CITING = '[Western sources](https://evil.example/y)';
const HOSTILE_OUTLET = '*Euro*news';

let t: BotUnderTest;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const dataset = await tempDataset((data) => {
    (data.stories![0] as { title: string }).title = HOSTILE_TITLE;
    const claim = data.claims!.find((record) => (record as { id: string }).id === CLAIM) as {
      attribution: { citing: string; reportedBy: { outlet: string } };
      flags: string[];
    };
    claim.attribution.citing = HOSTILE_CITING;
    claim.attribution.reportedBy.outlet = HOSTILE_OUTLET;
    claim.flags.push('outlet-unverified');
  });
  cleanup = dataset.cleanup;
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, CLAIMS_PATH: dataset.file });
});
afterAll(async () => {
  await t.stop();
  await cleanup();
});

describe('dataset text with markdown and links, echoed into Discord', () => {
  it('a pinned summary shows its story title as written, escaped: no bold, no live link', async () => {
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

  it('a claim’s sourcing badges show whom it cites and its outlet as written, escaped', async () => {
    const interaction = await t.discord.slashCommand('claim', [{ name: 'query', type: 3, value: CLAIM }]);
    const { data } = (await t.discord.reply(interaction)).body as { data: { embeds: { fields: { name: string; value: string }[] }[] } };
    const sourcing = data.embeds[0]!.fields.find((field) => field.name === 'Sourcing')!.value;
    expect(sourcing).toBe(
      ['🕶️ anonymous source', '🔁 secondhand: citing \\[Western sources\\](https\\://evil.example/y)', '🚫 \\*Euro\\*news could not verify it'].join('\n'),
    );
  });
});
