/** A posted summary kept true: edits that follow the claims, bursts, what Discord refuses on an edit, long stories. */
import { describe, expect, it } from 'vitest';
import { messageLimitProblems } from '../../src/views/limits.ts';
import type { ReplyEmbed } from '../../src/views/reply.ts';
import { VERDICTS } from '../../src/core/schema.ts';
import { GENERATED_STORY, generatedClaims } from '../support/summary.ts';
import { moderator, NEWSROOM } from '../support/people.ts';
import {
  allText,
  answer,
  CHANNEL,
  desk,
  edits,
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
    replaceBot(await startSummaryBot(t.discord, url, { shouldEdit: (record) => record.guildId !== NEWSROOM }));
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
