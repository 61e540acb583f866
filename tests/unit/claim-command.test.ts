import { wordsOf } from '../support/errors.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { claimAutocomplete, claimCommand } from '../../commands/claim.ts';
import { replyToText } from '../../src/terminal/terminal-text.ts';
import { SHIPPED_CLAIMS, tempDataset } from '../support/files.ts';
import { consoleContext, scratchStore } from '../support/store.ts';

describe('/claim autocomplete with nothing typed yet', () => {
  // 15 shipped claims updated at one instant, plus 20 copies updated one day apart: more than the 25 choices.
  const dataset = tempDataset((dataset) => {
    const shipped = dataset.claims as Record<string, unknown>[];
    for (let day = 1; day <= 20; day++) {
      const date = `2026-12-${String(day).padStart(2, '0')}T00:00:00.000Z`;
      shipped.push({ ...shipped[day % shipped.length], id: `copy-${day}`, statement: `Copy number ${day}`, createdAt: date, updatedAt: date });
    }
  });
  afterAll(async () => (await dataset).cleanup());

  it('offers the 25 most recently updated claims, newest first, ties by id', async () => {
    const { store, cleanup } = await scratchStore((await dataset).file);
    const choices = await claimCommand.autocomplete!('query', '', consoleContext(store));
    const byRecency = [...store.claims].sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt > b.updatedAt ? -1 : 1));
    expect(choices.map((choice) => choice.value)).toEqual(byRecency.slice(0, 25).map((claim) => claim.id));
    expect(choices.slice(0, 2).map((choice) => choice.value)).toEqual(['copy-20', 'copy-19']);
    expect(choices.at(-1)!.value).toBe(
      [...store.claims]
        .filter((claim) => !claim.id.startsWith('copy-'))
        .map((claim) => claim.id)
        .sort()[4],
    );
    await cleanup();
  });
});

describe('/claim decides between an answer and "No claim matches"', async () => {
  const { store, cleanup } = await scratchStore(SHIPPED_CLAIMS);
  afterAll(cleanup);
  const run = (options: Record<string, string | boolean>) => claimCommand.run({ query: '', ...options }, consoleContext(store));
  const text = async (options: Record<string, string | boolean>) => replyToText(await run(options));

  it('answers a plain question with the claim in full, the next matches under it', async () => {
    const reply = await run({ query: 'how many north korean troops are in russia' });
    expect(reply.ephemeral).toBe(false);
    expect(replyToText(reply)).toMatch(/10,000 troops/);
    expect(replyToText(reply)).toMatch(/Other matches/);
  });

  it('says no claim matches (only to the asker) and lists the closest for a query about something else', async () => {
    const reply = await run({ query: 'drones' });
    expect(reply.ephemeral).toBe(true);
    expect(replyToText(reply)).toMatch(/^No claim matches “drones”/);
  });

  it('applies the verdict and story filters to a picked claim id too', async () => {
    expect(await text({ query: 'battalion-kursk-deployment' })).toMatch(/Kursk region/);
    expect(await text({ query: 'battalion-kursk-deployment', verdict: 'false' })).toMatch(/^No claim matches .* among claims rated .*False/);
    const edited = await tempDataset((dataset) => {
      (dataset.stories as Record<string, unknown>[]).push({
        id: 'another-story',
        title: 'Another story',
        source: { outlet: 'Euronews' },
        additionalSources: [],
      });
    });
    try {
      const withTwoStories = await scratchStore(edited.file);
      const reply = await claimCommand.run({ query: 'battalion-kursk-deployment', story: 'another-story' }, consoleContext(withTwoStories.store));
      expect(replyToText(reply)).toMatch(/^No claim matches .* in “Another story”/);
      await withTwoStories.cleanup();
    } finally {
      await edited.cleanup();
    }
  });

  it('counts a query in characters as people see them: 201 emoji are too many, and the reply says 201', async () => {
    expect(wordsOf(() => run({ query: '🚀'.repeat(201) }))).toBe('A search can be at most 200 characters; yours has 201.');
    expect(await text({ query: '🚀'.repeat(101) })).toMatch(/^No claim matches/);
  });
});

describe('/claim autocomplete obeys the filters filled in so far', async () => {
  const { store, cleanup } = await scratchStore(SHIPPED_CLAIMS);
  afterAll(cleanup);
  const suggest = (value: string, options: Record<string, string> = {}) =>
    claimAutocomplete('query', value, consoleContext(store), { query: value, ...options }).map((choice) => choice.value);

  it('offers only claims with the chosen verdict, typed or not', () => {
    expect(suggest('kursk')).toContain('battalion-kursk-deployment');
    expect(suggest('kursk', { verdict: 'false' })).toEqual([]);
    expect(suggest('', { verdict: 'false' })).toEqual([]);
    expect(suggest('', { verdict: 'unverified' })).toHaveLength(15);
  });

  it('offers only claims of the chosen story, and ignores a filter value that is not valid yet', () => {
    expect(suggest('kursk', { story: 'some-other-story' })).toEqual([]);
    expect(suggest('kursk', { story: 'north-korean-troops-in-russia' })).toEqual(['battalion-kursk-deployment']);
    expect(suggest('kursk', { verdict: 'not-a-verdict' })).toContain('battalion-kursk-deployment');
  });

  it('completes the word being typed', () => {
    expect(suggest('kremlin advan')[0]).toBe('isw-strategic-partnership');
    expect(suggest('mariu')[0]).toBe('partisans-mariupol-training');
  });
});
