import { afterEach, describe, expect, it } from 'vitest';
import type { SummaryRecord } from '../../src/store/summary-table.ts';
import { enginesUnderTest } from '../support/postgres.ts';
import { uncachedStore } from '../support/store.ts';

// The pinned summaries' records: one per story and channel, which the sync edits in place (summary-sync.e2e.test.ts).
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const summary = (channelId: string, story: string, messageIds: string[], hash = `hash-${channelId}-${story}`): SummaryRecord => ({
  guildId: '200000000000000002',
  channelId,
  story,
  messageIds,
  hash,
  updatedAt: '2026-12-06T09:00:00.000Z',
});

describe.each(enginesUnderTest())('pinned summaries on $engine', ({ scratch }) => {
  async function openSummaries() {
    const database = await scratch();
    cleanups.push(database.cleanup);
    return (await uncachedStore(database.url, cleanups)).summaries;
  }

  it('keeps one summary per story and channel, by channel then story, with every message in order', async () => {
    const summaries = await openSummaries();
    const newsroom = summary('300000000000000001', 'north-korea-troops', ['500000000000000011', '500000000000000012']);
    const desk = summary('300000000000000002', 'north-korea-troops', ['500000000000000021']);
    const landslide = summary('300000000000000001', 'nepal-landslide', ['500000000000000031']);
    for (const record of [newsroom, desk, landslide]) await summaries.save(record);
    expect(await summaries.list()).toEqual([landslide, newsroom, desk]);
    expect(await summaries.list('north-korea-troops')).toEqual([newsroom, desk]);
    expect(await summaries.list('no-such-story')).toEqual([]);

    // Saved again (a longer story now takes three messages): the same summary, changed in place.
    const grown = { ...newsroom, messageIds: [...newsroom.messageIds, '500000000000000013'], hash: 'after-the-edit', updatedAt: '2026-12-06T10:00:00.000Z' };
    await summaries.save(grown);
    expect(await summaries.list()).toEqual([landslide, grown, desk]);

    await summaries.forget({ channelId: newsroom.channelId, story: 'north-korea-troops' });
    expect(await summaries.list()).toEqual([landslide, desk]);
  });
});
