import { afterAll, describe, expect, it } from 'vitest';
import { claimCommand } from '../commands/claim.ts';
import { tempDataset } from './support/files.ts';
import { consoleContext, scratchStore } from './support/store.ts';

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
    expect(choices.at(-1)!.value).toBe([...store.claims].filter((claim) => !claim.id.startsWith('copy-')).map((claim) => claim.id).sort()[4]);
    await cleanup();
  });
});
