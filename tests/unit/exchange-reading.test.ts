import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import type { Story } from '../../src/core/schema.ts';
import { readImport } from '../../src/exchange/import.ts';
import { describeProblem } from '../../src/exchange/problems.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

// How `claimbot import` reads what it is given: which format a file is, the timestamps other tools write, a story
// given twice, a file it cannot read. Each answer here is what the desk sees in the dry run.

const now = new Date('2026-12-01T09:00:00.000Z');
const story: Story = { id: 'floods', title: 'Floods', source: { outlet: 'Wire' }, additionalSources: [] };
const claim = {
  story: 'floods',
  statement: 'The river rose two metres',
  quote: false,
  claimant: { name: 'Jane Roe' },
  attribution: { reportedBy: { outlet: 'Wire' } },
};
const json = (claims: unknown[], stories: unknown[] = [story]) => JSON.stringify({ stories, claims });
const CSV = 'story,storyTitle,storyOutlet,statement,claimant,reportedBy\r\nfloods,Floods,Wire,The river rose two metres,Jane Roe,Wire\r\n';

describe('which format a file is', () => {
  it('goes by the name’s extension when it has one, and by the first character when not', () => {
    expect(readImport(json([claim]), 'export.csv.json').format).toBe('json');
    expect(readImport(CSV, 'claims.json.txt').format).toBe('csv');
    expect(readImport(CSV, 'claims').format).toBe('csv');
    expect(readImport(CSV.replace('two metres', 'two metres [update]'), 'claims').format).toBe('csv');
    expect(readImport(`  \n${json([claim])}`, 'claims').format).toBe('json');
    expect(() => readImport(json([claim]), 'claims.csv')).toThrow(/^claims\.csv: not a claimbot CSV file: /);
    expect(() => readImport(CSV, 'claims.JSONLD')).toThrow(/^claims\.JSONLD: not valid JSON: /);
  });

  it('names a file that is not JSON or that nests too deeply, and reads nothing from it', () => {
    expect(() => readImport('{"stories": [', 'broken.json')).toThrow(/^broken\.json: not valid JSON: \S/);
    expect(() => readImport(`${'['.repeat(200)}${']'.repeat(200)}`, 'deep.json')).toThrow(/^deep\.json: .*nest/);
  });
});

describe('timestamps', () => {
  const stamped = (fields: Record<string, unknown>) => readImport(json([{ ...claim, ...fields }]), 'x.json', { now, actor: 'desk-import' });

  it('reads a timestamp with an offset as UTC, and keeps who added the record', () => {
    expect(stamped({ createdAt: '2026-11-30T10:00:00Z', updatedAt: '2026-11-30T11:00:00+01:00' }).claims[0]!.claim).toMatchObject({
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
      addedBy: 'desk-import',
    });
  });

  it('stamps a record without timestamps with the import’s time; one updated earlier was created no later', () => {
    expect(stamped({}).claims[0]!.claim).toMatchObject({ createdAt: now.toISOString(), updatedAt: now.toISOString() });
    expect(stamped({ updatedAt: '2026-11-02T08:00:00.000Z' }).claims[0]!.claim).toMatchObject({
      createdAt: '2026-11-02T08:00:00.000Z',
      updatedAt: '2026-11-02T08:00:00.000Z',
    });
  });

  it('names a timestamp it cannot read (an update time taken from it too)', () => {
    const { claims, problems } = stamped({ createdAt: 'last Tuesday' });
    expect(claims).toEqual([]);
    expect(problems.map(({ field }) => field)).toEqual(['createdAt', 'updatedAt']);
    expect(stamped({ updatedAt: 20261130 }).problems.map(({ field }) => field)).toEqual(['updatedAt']);
  });
});

describe('ids and stories', () => {
  it('makes no id for a record without a claimant, and names what is missing', () => {
    const { problems } = readImport(json([{ ...claim, claimant: {} }]), 'x.json', { now });
    expect(problems.map(describeProblem)).toEqual(['claims[0], field claimant.name: is required']);
  });

  it('names a record by the id it gives, even when the id is not a valid one', () => {
    const { problems } = readImport(
      json([
        { ...claim, id: 'Not A Slug' },
        { ...claim, id: 42 },
      ]),
      'x.json',
      { now },
    );
    expect(problems.map(({ record }) => record.id)).toEqual(['Not A Slug', undefined]);
  });

  it('keeps one of a story given twice the same way, and names a story given twice differently', () => {
    const same = readImport(json([claim], [story, story]), 'x.json', { now });
    expect(same).toMatchObject({ stories: [story], problems: [] });
    const differently = readImport(json([claim], [story, { ...story, title: 'Other floods' }]), 'x.json', { now });
    expect(differently.stories).toEqual([story]);
    expect(differently.problems.map(describeProblem)).toEqual(['stories[1] (id "floods"), field story: story "floods" is described differently in stories[0]']);
  });

  it('with a story given, keeps only that story of the file and puts every claim in it', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const other = { ...story, id: 'drought', title: 'Drought' };
    const result = readImport(json([claim], [story, other]), 'x.json', { now, story: 'drought' });
    expect(result.stories).toEqual([other]);
    expect(result.claims.map(({ claim: read }) => read.story)).toEqual(['drought']);
    expect(dataset.stories.map(({ id }) => id)).not.toContain('drought');
  });
});
