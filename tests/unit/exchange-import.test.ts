import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { FormatError } from '../../src/core/errors.ts';
import { exportClaims, type ExportFormat } from '../../src/exchange/export.ts';
import { readImport } from '../../src/exchange/import.ts';
import { planImport } from '../../src/exchange/plan.ts';
import { describeProblem } from '../../src/exchange/problems.ts';
import type { Claim, Dataset, Story } from '../../src/core/schema.ts';
import { REPO, SHIPPED_CLAIMS } from '../support/files.ts';

const FIXTURES = join(REPO, 'tests/fixtures/exchange');
const newsroom = { name: 'Example Newsroom' };
const now = new Date('2026-12-01T09:00:00.000Z');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** Writes `text` to a scratch file and reads it back as the CLI will. */
async function throughFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'claimbot-exchange-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, name), text);
  return readFile(join(dir, name), 'utf8');
}

const fileNames: Record<ExportFormat, string> = { json: 'claims.json', claimreview: 'claims.jsonld', csv: 'claims.csv' };

/** The shipped dataset plus an invented story and claim that use every optional field, lists with several entries included. */
async function everyField(): Promise<Dataset> {
  const shipped = await loadDataset(SHIPPED_CLAIMS);
  const story: Story = {
    id: 'invented-full-story',
    title: 'An invented story, with every field',
    source: { outlet: 'Example Outlet', url: 'https://outlet.example/story?id=1&x=2', date: '2026-11-20', title: 'Headline; with a semicolon-free title' },
    additionalSources: ['First source', 'Second source'],
  };
  const claim: Claim = {
    id: 'invented-full-claim',
    story: story.id,
    statement: 'An invented quote, "with quotes", commas,\nand a line break',
    quote: true,
    claimant: { name: 'Minister Ana Example', description: 'invented minister' },
    attribution: { citing: 'unnamed officials', reportedBy: { outlet: 'Example Outlet', url: 'https://outlet.example/story?id=1&x=2', date: '2026-11-20' } },
    context: 'speaking on Tuesday',
    tags: ['one-tag', 'two-tag'],
    verdict: 'disputed',
    flags: ['secondhand', 'single-source', 'interested-party'],
    note: 'A curator’s note.',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-21T11:30:00.000Z',
    addedBy: 'Desk Editor',
  };
  return { stories: [...shipped.stories, story], claims: [...shipped.claims, claim] };
}

describe('export → import of the same data', () => {
  it.each(['json', 'claimreview', 'csv'] as const)('in %s reads every claim and story back unchanged: nothing to add or update', async (format) => {
    const dataset = await everyField();
    const text = await throughFile(fileNames[format], exportClaims(dataset, format, { newsroom }));
    const incoming = readImport(text, fileNames[format], { now, newsroom });
    expect(incoming.format).toBe(format);
    expect(incoming.problems).toEqual([]);
    // Every field comes back exactly, timestamps and who added it included.
    expect(incoming.claims.map(({ claim }) => claim).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...dataset.claims].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect([...incoming.stories].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...dataset.stories].sort((a, b) => (a.id < b.id ? -1 : 1)));
    const plan = planImport(dataset, incoming);
    expect(plan).toMatchObject({ add: [], update: [], invalid: [], addStories: [] });
    expect(plan.skip.map((skipped) => [skipped.reason, skipped.of]).sort()).toEqual(dataset.claims.map((claim) => ['unchanged', claim.id]).sort());
  });

  it('in CSV saved by a spreadsheet with a byte order mark reads the same', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const csv = exportClaims(dataset, 'csv', { newsroom });
    const withBom = readImport(await throughFile('claims.csv', `\uFEFF${csv}`), 'claims.csv');
    expect(withBom.problems).toEqual([]);
    expect(withBom.claims).toEqual(readImport(csv, 'claims.csv').claims);
    // Only the mark that starts the file: one inside a statement (pasted text) is part of the quote.
    const pasted = { ...dataset.claims[0]!, statement: `Pasted\uFEFF quote` };
    const inside = readImport(exportClaims({ ...dataset, claims: [pasted] }, 'csv', { newsroom }), 'claims.csv');
    expect(inside.claims.map((read) => read.claim.statement)).toEqual(['Pasted\uFEFF quote']);
  });

  it('into an empty dataset adds every claim and story', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const plan = planImport({ claims: [], stories: [] }, readImport(exportClaims(dataset, 'claimreview', { newsroom }), 'x.jsonld'));
    expect(plan.add).toHaveLength(dataset.claims.length);
    expect(plan.addStories).toEqual(dataset.stories);
  });
});

describe('invalid records', () => {
  it('in our JSON are named by index, id and field, and the valid ones still read', async () => {
    const dataset = JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as { claims: Record<string, unknown>[] };
    dataset.claims[3]!.flags = ['interested-party', 'rumour'];
    delete (dataset.claims[7]!.claimant as Record<string, unknown>).name;
    const result = readImport(JSON.stringify(dataset), 'claims.json');
    expect(result.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^claims\[3\] \(id "zelensky-coalition-of-criminals"\), field flags\[1\]: must be one of anonymous-source/),
      'claims[7] (id "kyiv-independent-10000-troops"), field claimant.name: is required',
    ]);
    expect(result.problems[0]).toMatchObject({ record: { index: 3, id: 'zelensky-coalition-of-criminals' }, field: 'flags[1]' });
    expect(result.claims).toHaveLength(dataset.claims.length - 2);
    dataset.claims[0] = 'not a claim' as unknown as Record<string, unknown>;
    expect(readImport(JSON.stringify(dataset), 'claims.json').problems.map(describeProblem)[0]).toBe('claims[0], the record: must be an object');
    expect(planImport({ claims: [], stories: [] }, result).invalid).toHaveLength(2);
  });

  it('in CSV are named by spreadsheet row and field', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const rows = exportClaims(dataset, 'csv', { newsroom }).split('\r\n');
    rows[2] = rows[2]!.replace(',unverified,', ',probably,');
    rows[4] = rows[4]!.replace(',Euronews,,,', ',https://not-an-outlet-url,,not a date,');
    const result = readImport(rows.join('\r\n'), 'claims.csv');
    expect(result.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^row 3 \(id "battalion-kursk-deployment"\), field verdict: must be one of unverified/),
      expect.stringMatching(/^row 5 \(id "[a-z-]+"\), field attribution\.reportedBy\.date \(reportedByDate in the file\): must be a date like 2024-10-16/),
    ]);
  });

  it('in ClaimReview are named by their place among the reviews, with the field', () => {
    const review = (claimReviewed: string) => ({
      '@type': 'ClaimReview',
      claimReviewed,
      url: 'https://desk.example/a',
      author: { name: 'Desk' },
      reviewRating: { alternateName: 'False' },
    });
    const result = readImport(JSON.stringify([review('A first invented claim'), review('  '), review('A third invented claim')]), 'reviews.json');
    expect(result.problems).toEqual([{ record: { index: 1, label: 'reviews[1]' }, field: 'statement', sourceField: 'claimReviewed', message: 'is required' }]);
    expect(describeProblem(result.problems[0]!)).toBe('reviews[1], field statement (claimReviewed in the file): is required');
    expect(result.claims.map(({ claim }) => claim.statement)).toEqual(['A first invented claim', 'A third invented claim']);
  });

  it('refuse a file that is none of the formats, naming what was expected', () => {
    expect(() => readImport(' \n', 'x.json')).toThrow(new FormatError('x.json: the file is empty'));
    expect(() => readImport('null', 'x.json')).toThrow(/x\.json: no claims found/);
    expect(() => readImport('{"hello": "world"}', 'x.json')).toThrow(/x\.json: no claims found: expected ClaimReview JSON-LD, a Fact Check Tools/);
    expect(() => readImport('{"claims": [', 'x.json')).toThrow(FormatError);
    expect(() => readImport('statement,claimant,colour\na,b,c\n', 'x.csv')).toThrow('x.csv: not a claimbot CSV file: unknown column colour');
    expect(() => readImport('statement,claimant\n"unterminated,b\n', 'x.csv')).toThrow(/x\.csv: not a claimbot CSV file: Quote Not Closed/);
  });
});

describe('foreign ClaimReview', () => {
  it('reads a DataFeed (with a UTF-8 BOM): claimant, where it appeared, the rating, a story per review article', async () => {
    const text = await readFile(join(FIXTURES, 'claimreview-feed.jsonld'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const result = readImport(text, 'claimreview-feed.jsonld', { now, actor: 'Desk Editor' });
    expect(result.problems).toEqual([]);
    expect(result.format).toBe('claimreview');
    const [moon, rain] = result.claims.map(({ claim }) => claim);
    expect(moon).toEqual({
      id: 'sam-sample-astronauts-confirmed-the-moon-is-made-of-9c2c4c',
      story: expect.stringMatching(/^moon-cheese-[0-9a-f]{6}$/),
      statement: 'Astronauts confirmed the Moon is made of cheese',
      quote: false,
      claimant: { name: 'Sam Sample', description: 'podcast host' },
      attribution: { reportedBy: { outlet: 'Sam Sample', url: 'https://video.example/watch/123' } },
      context: 'on 2026-04-28',
      tags: [],
      verdict: 'false',
      flags: [],
      note: 'Rated “Pants on Fire!” by Example Fact Desk.',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      addedBy: 'Desk Editor',
    });
    expect(rain).toMatchObject({
      claimant: { name: 'City Residents Forum' },
      attribution: { reportedBy: { outlet: 'Example Fact Desk', url: 'https://factdesk.example/checks/rain-tax' } },
      verdict: 'misleading',
    });
    expect(rain).not.toHaveProperty('note');
    expect(result.stories).toEqual([
      {
        id: moon!.story,
        title: 'The Moon is not made of cheese',
        source: {
          outlet: 'Example Fact Desk',
          url: 'https://factdesk.example/checks/moon-cheese',
          date: '2026-05-01',
          title: 'The Moon is not made of cheese',
        },
        additionalSources: [],
      },
      {
        id: rain!.story,
        title: 'Example Fact Desk: The city will tax rainwater collected on balconies',
        source: { outlet: 'Example Fact Desk', url: 'https://factdesk.example/checks/rain-tax' },
        additionalSources: [],
      },
    ]);
  });

  it('gives the same ids on every import of the same file, so a second import skips everything', async () => {
    const text = await readFile(join(FIXTURES, 'claimreview-feed.jsonld'), 'utf8');
    const first = readImport(text, 'feed.jsonld', { now });
    const again = readImport(text, 'feed.jsonld', { now: new Date('2027-01-01T00:00:00.000Z') });
    expect(again.claims.map(({ claim }) => claim.id)).toEqual(first.claims.map(({ claim }) => claim.id));
    const existing = { claims: first.claims.map(({ claim }) => claim), stories: first.stories };
    expect(planImport(existing, again)).toMatchObject({ add: [], update: [], invalid: [], addStories: [] });
  });

  it('reads a single object and a @graph alike, and puts every claim in the story asked for', () => {
    const review = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'An invented claim',
      reviewRating: { alternateName: 'Unproven' },
    };
    const single = readImport(JSON.stringify(review), 'one.json', { story: 'north-korean-troops-in-russia' });
    const graph = readImport(JSON.stringify({ '@context': 'https://schema.org', '@graph': [review] }), 'graph.json', {
      story: 'north-korean-troops-in-russia',
    });
    for (const result of [single, graph]) {
      expect(result.claims.map(({ claim }) => [claim.story, claim.verdict, claim.claimant.name, claim.attribution.reportedBy.outlet, claim.note])).toEqual([
        [
          'north-korean-troops-in-russia',
          'inconclusive',
          'Unnamed claimant',
          'one.json'.replace('one', result === single ? 'one' : 'graph'),
          'Rated “Unproven”.',
        ],
      ]);
    }
  });
});

describe('Fact Check Tools API claims:search responses', () => {
  it('become one claim per API claim, with the first review as the report and story, and every rating kept', async () => {
    const result = readImport(await readFile(join(FIXTURES, 'factcheck-search.json'), 'utf8'), 'factcheck-search.json', { now });
    expect(result.format).toBe('factcheck-api');
    expect(result.problems).toEqual([]);
    const [seawater, bridge, clock] = result.claims.map(({ claim }) => claim);
    expect(seawater).toMatchObject({
      statement: 'Drinking seawater cures the common cold',
      claimant: { name: 'Viral social media post' },
      context: 'on 2026-03-02',
      attribution: { reportedBy: { outlet: 'Example Fact Desk', url: 'https://factdesk.example/checks/seawater-cold-cure', date: '2026-03-04' } },
      verdict: 'false',
      quote: false,
    });
    expect(seawater).not.toHaveProperty('note');
    expect(bridge).toMatchObject({
      claimant: { name: 'Unnamed claimant' },
      attribution: { reportedBy: { outlet: 'checkers.example', date: '2026-04-10' } },
      verdict: 'misleading',
      note: 'Rated “Half True” by checkers.example, “Mostly False” by Another Desk.',
    });
    expect(clock).toMatchObject({ verdict: 'unverified', note: 'Rated “Flip-flop” by Example Fact Desk.' });
    expect(result.stories.map((story) => [story.title, story.source.outlet])).toEqual([
      ['No, seawater does not cure colds', 'Example Fact Desk'],
      ['Harbour bridge closure: what we know', 'checkers.example'],
      ["Example Fact Desk: The town hall's new clock cost 2 million euros", 'Example Fact Desk'],
    ]);
    expect(new Set(result.claims.map(({ claim }) => claim.story))).toEqual(new Set(result.stories.map((story) => story.id)));
  });
});

describe('a large ClaimReview file', () => {
  it('reads 10,000 reviews, reporting progress as it goes, and plans them all as new', async () => {
    const reviews = Array.from({ length: 10_000 }, (_, i) => ({
      '@type': 'ClaimReview',
      url: `https://factdesk.example/checks/${i % 250}`,
      claimReviewed: `Invented claim number ${i}: the ferry to island ${i % 97} runs ${i} times a week`,
      author: { '@type': 'Organization', name: 'Example Fact Desk' },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: `Speaker ${i % 40}` } },
      reviewRating: { '@type': 'Rating', alternateName: ['False', 'Mostly True', 'Misleading', 'Unknowable'][i % 4] },
    }));
    const text = await throughFile('feed.jsonld', JSON.stringify({ '@context': 'https://schema.org', '@graph': reviews }));
    const progress: [number, number][] = [];
    const result = readImport(text, 'feed.jsonld', { now, onProgress: (done, total) => progress.push([done, total]) });
    expect(result.problems).toEqual([]);
    expect(result.claims).toHaveLength(10_000);
    expect(progress.length).toBeGreaterThan(50);
    expect(progress.length).toBeLessThanOrEqual(101);
    expect(progress.at(-1)).toEqual([10_000, 10_000]);
    // A report every hundredth of the records, counting those read.
    expect(progress.slice(0, 3)).toEqual([
      [100, 10_000],
      [200, 10_000],
      [300, 10_000],
    ]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);
    const plan = planImport(await loadDataset(SHIPPED_CLAIMS), result);
    expect(plan.add).toHaveLength(10_000);
    expect(new Set(plan.add.map((claim) => claim.id)).size).toBe(10_000);
    expect(plan.addStories).toHaveLength(250);
    expect(plan.add.filter((claim) => claim.verdict === 'unverified').every((claim) => claim.note === 'Rated “Unknowable” by Example Fact Desk.')).toBe(true);
  });
});
