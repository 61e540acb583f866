import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { tempDataset } from '../support/files.ts';
import { NEWSROOM } from '../support/people.ts';
import { callback, EPHEMERAL, field, option } from '../support/replies.ts';

/** A claimant whose name is a markdown link: shown anywhere unescaped, it becomes a live link to another site. */
const HOSTILE = '[Ministry](https://evil.example)';
const ESCAPED = '\\[Ministry\\](https\\://evil.example)';

// The tests only read: one bot for the file, so their order does not matter.
let t: BotUnderTest;
let cleanupDataset: () => Promise<void>;
beforeAll(async () => {
  const dataset = await tempDataset((data) => {
    const shipped = data.claims![0] as Record<string, unknown>;
    const ministry = (id: string, statement: string) => ({
      ...shipped,
      id,
      statement,
      claimant: { name: HOSTILE, description: 'a ministry' },
      tags: [],
      flags: [],
    });
    data.claims!.push(
      ministry('ministry-grain-quota-doubles', 'The grain export quota doubles in March'),
      ministry('ministry-grain-quota-lifted', 'The grain export quota is lifted for wheat'),
      ministry('ministry-wheat-subtext', '-# Wheat harvests fell by a third\n# and the bread price rose'),
    );
  });
  cleanupDataset = dataset.cleanup;
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, CLAIMS_PATH: dataset.file });
});
afterAll(async () => {
  await t.stop();
  await cleanupDataset();
});

const lookUp = async (query: string) => (await callback(t.discord, t.discord.slashCommand('claim', [option('query', query)]))).data;

describe('a claimant’s name is text, not markdown, wherever a claim is listed in one line', () => {
  it('under Other matches', async () => {
    const reply = await lookUp('grain export quota');
    const [embed] = reply.embeds!;
    expect(embed!.title).toBe(`${ESCAPED}, a ministry`);
    expect(field(embed!, 'Other matches')).toMatch(
      new RegExp(`^• ${escapeRegExp(ESCAPED)}: The grain export quota (doubles in March|is lifted for wheat) \\(\`ministry-grain-quota-(doubles|lifted)\`\\)$`),
    );
  });

  it('under Closest claims, when nothing matches', async () => {
    const reply = await lookUp('grain harvest weather forecast drought');
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/^No claim matches “grain harvest weather forecast drought”\./);
    expect(reply.content).toContain(`Closest claims:\n• ${ESCAPED}: `);
    expect(reply.content).not.toContain(`• ${HOSTILE}`);
  });

  it('under Closest claims of Check claims on a message', async () => {
    const reply = (
      await callback(
        t.discord,
        t.discord.messageContextMenu('Check claims', { content: 'Is the grain harvest forecast any good this year, after the drought?' }),
      )
    ).data;
    expect(reply.content).toMatch(/^No known claim in this message/);
    expect(reply.content).toContain(`• ${ESCAPED}: `);
    expect(reply.content).not.toContain(`• ${HOSTILE}`);
  });
});

describe('a statement whose lines start like Discord markdown blocks', () => {
  it('shows "-# " (subtext) and "# " (a heading) as written, escaped inside the quote', async () => {
    const [embed] = (await lookUp('wheat harvests fell by a third')).embeds!;
    expect(embed!.footer.text).toMatch(/^claim ministry-wheat-subtext /);
    expect(embed!.description).toBe('> \\-# Wheat harvests fell by a third\n> \\# and the bread price rose');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
