import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_THRESHOLD } from '../../src/search/answer.ts';
import type { ReadingMode } from '../../src/search/reading.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { documentedShare } from '../support/documented.ts';
import { NEWSROOM } from '../support/people.ts';
import { callback, option } from '../support/replies.ts';

/**
 * The bars that decide between an answer and "no claim matches", pinned where they are: for each, the real query
 * (or message) that scores closest above it and the one closest below it, both within BAND of it, found by the
 * product's own scoring over the shipped claims. A bar moved by more than the gap between the two flips one reply.
 */
const BAND = 0.03;
/** Words no claim has: each lowers a query's coverage by a step. */
const UNKNOWN_WORDS = ['', ' zorblaxian', ' zorblaxian quuxified'];

// The tests only read: one bot for the file, so their order does not matter.
let t: BotUnderTest;
beforeAll(async () => {
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM });
});
afterAll(() => t.stop());

/** Every start of every shipped statement, with 0 to 2 unknown words after it, and the best score it gets. */
function scoredTexts(mode: ReadingMode): { text: string; score: number }[] {
  const scored: { text: string; score: number }[] = [];
  for (const claim of t.store.claims) {
    const words = claim.statement.split(/\s+/);
    for (let i = 1; i <= words.length; i++) {
      for (const unknown of UNKNOWN_WORDS) {
        const text = `${words.slice(0, i).join(' ')}${unknown}`;
        if (text.length > 200) continue;
        const [best] = t.store.search(text, { mode, limit: 1 });
        if (best) scored.push({ text, score: best.score });
      }
    }
  }
  return scored;
}

/** The text scoring closest at or above the bar of `mode`, and the one closest below it. */
function aroundTheBar(mode: ReadingMode) {
  const bar = ANSWER_THRESHOLD[mode];
  const scored = scoredTexts(mode);
  const above = scored.filter(({ score }) => score >= bar).reduce((a, b) => (b.score < a.score ? b : a));
  const below = scored.filter(({ score }) => score < bar).reduce((a, b) => (b.score > a.score ? b : a));
  expect(above.score - bar).toBeLessThan(BAND);
  expect(bar - below.score).toBeLessThan(BAND);
  return { above, below };
}

describe('the answer bar of /claim', () => {
  it('is the 50 % the README documents', async () => {
    expect(ANSWER_THRESHOLD.query).toBe(await documentedShare(/answers when the best claim scores (\d+) % or more/));
    expect(ANSWER_THRESHOLD.typing).toBe(ANSWER_THRESHOLD.query);
  });

  it('answers a query scoring just above it, and says "No claim matches" to one just below it', async () => {
    const { above, below } = aroundTheBar('query');
    const answered = (await callback(t.discord, t.discord.slashCommand('claim', [option('query', above.text)]))).data;
    expect(answered.content ?? '').not.toMatch(/^No claim matches/);
    expect(answered.embeds![0]!.footer.text).toMatch(/^claim [a-z0-9-]+ · updated /);

    const missed = (await callback(t.discord, t.discord.slashCommand('claim', [option('query', below.text)]))).data;
    expect(missed.content).toMatch(/^No claim matches “.+”\.\n\nClosest claims:\n• /);
    expect(missed.embeds ?? []).toEqual([]);
  });
});

describe('the message bar of Check claims', () => {
  it('is the 35 % the README documents', async () => {
    expect(ANSWER_THRESHOLD.message).toBe(await documentedShare(/it matches a claim when it repeats (\d+) % or more of the claim's informative content/));
  });

  it('matches a message scoring just above it, and finds no known claim in one just below it', async () => {
    const { above, below } = aroundTheBar('message');
    const check = async (content: string) => (await callback(t.discord, t.discord.messageContextMenu('Check claims', { content }))).data;
    const matched = await check(above.text);
    expect(matched.content).toBe('This message matches a known claim:');
    expect(matched.embeds![0]!.footer.text).toMatch(/^claim [a-z0-9-]+ · updated /);

    const missed = await check(below.text);
    expect(missed.content).toMatch(/^No known claim in this message: “.+”\.\n\nClosest claims:\n• /);
  });
});
