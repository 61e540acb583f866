import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import jsonld, { type Options } from 'jsonld';
import { describe, expect, it } from 'vitest';
import { loadDataset, parseDataset } from '../../src/core/dataset.ts';
import { FormatError } from '../../src/core/errors.ts';
import { exportClaims } from '../../src/exchange/export.ts';
import { VERDICT_WORDS } from '../../src/exchange/ratings.ts';
import type { Claim, Dataset } from '../../src/core/schema.ts';
import { REPO, SHIPPED_CLAIMS } from '../support/files.ts';

const newsroom = { name: 'Example Newsroom', url: 'https://newsroom.example' };

/** The shipped dataset with a second story whose report has a URL and date, and claims out of order. */
async function twoStories(): Promise<Dataset> {
  const shipped = await loadDataset(SHIPPED_CLAIMS);
  const first = shipped.claims[0]!;
  const extra: Claim = {
    ...first,
    id: 'aaa-desk-test-claim',
    story: 'a-desk-test-story',
    statement: 'An invented statement, with a comma, "quotes" and\na line break',
    attribution: { reportedBy: { outlet: 'Example Outlet', url: 'https://outlet.example/report', date: '2026-11-20' } },
    verdict: 'false',
  };
  const story = {
    id: 'a-desk-test-story',
    title: 'A test story',
    source: { outlet: 'Example Outlet', url: 'https://outlet.example/report', date: '2026-11-20' },
    additionalSources: [],
  };
  return { stories: [...shipped.stories, story], claims: [...shipped.claims].reverse().concat(extra) };
}

type Node = Record<string, unknown> & { '@type'?: unknown };

function graphOf(text: string): Node[] {
  const document = JSON.parse(text) as { '@context': unknown; '@graph': Node[] };
  expect(document['@context']).toEqual(['https://schema.org', { claimbot: 'urn:claimbot:' }]);
  return document['@graph'];
}

describe('exportClaims as json', () => {
  it('writes our dataset format that parseDataset accepts, stories by id and claims by story then id', async () => {
    const dataset = await twoStories();
    const exported = parseDataset(JSON.parse(exportClaims(dataset, 'json', { newsroom })), 'export.json');
    expect(exported.stories.map((story) => story.id)).toEqual(['a-desk-test-story', 'north-korean-troops-in-russia']);
    const expectedOrder = [...dataset.claims].sort((a, b) => (`${a.story} ${a.id}` < `${b.story} ${b.id}` ? -1 : 1)).map((claim) => claim.id);
    expect(exported.claims.map((claim) => claim.id)).toEqual(expectedOrder);
    expect(exported.claims[0]?.id).toBe('aaa-desk-test-claim');
  });

  it('keeps only the story asked for, and refuses a story that does not exist', async () => {
    const dataset = await twoStories();
    const one = JSON.parse(exportClaims(dataset, 'json', { newsroom, story: 'a-desk-test-story' })) as Dataset;
    expect(one.stories.map((story) => story.id)).toEqual(['a-desk-test-story']);
    expect(one.claims.map((claim) => claim.id)).toEqual(['aaa-desk-test-claim']);
    expect(() => exportClaims(dataset, 'json', { newsroom, story: 'no-such-story' })).toThrow(new FormatError('no story has the id "no-such-story"'));
  });
});

describe('exportClaims as ClaimReview JSON-LD', () => {
  it('has a ClaimReview with the expected fields for every claim of data/claims.json, and invents no URL or date', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const graph = graphOf(exportClaims(dataset, 'claimreview', { newsroom }));
    const reviews = graph.filter((node) => node['@type'] === 'ClaimReview');
    expect(reviews).toHaveLength(dataset.claims.length);
    const byId = new Map(reviews.map((review) => [review.identifier, review]));
    for (const claim of dataset.claims) {
      const review = byId.get(claim.id);
      expect(review, claim.id).toMatchObject({
        claimReviewed: claim.statement,
        itemReviewed: {
          '@type': 'Claim',
          author: { '@type': expect.stringMatching(/^(Person|Organization)$/), ...claim.claimant },
          appearance: { '@type': 'CreativeWork', publisher: { '@type': 'Organization', name: claim.attribution.reportedBy.outlet } },
        },
        reviewRating: { '@type': 'Rating', alternateName: VERDICT_WORDS[claim.verdict] },
        author: { '@type': 'Organization', name: 'Example Newsroom', url: 'https://newsroom.example' },
        isPartOf: { '@id': `_:story-${claim.story}` },
        dateCreated: claim.createdAt,
        dateModified: claim.updatedAt,
      });
      // The shipped claims have no report URL or date, and we know no publication URL or date for our own reviews.
      expect(review).not.toHaveProperty('url');
      expect(review).not.toHaveProperty('datePublished');
      expect((review!.itemReviewed as Node).appearance).not.toHaveProperty('url');
      expect((review!.itemReviewed as Node).appearance).not.toHaveProperty('datePublished');
    }
    expect(byId.get('zelensky-coalition-of-criminals')).toMatchObject({
      itemReviewed: { author: { '@type': 'Person' }, description: 'addressing Parliament in Kyiv on Wednesday', 'claimbot:quote': true },
    });
    expect(byId.get('kyiv-independent-10000-troops')).toMatchObject({
      itemReviewed: { author: { '@type': 'Organization' }, citation: 'Western sources', keywords: ['troops', 'troop-numbers'] },
      'claimbot:flags': ['anonymous-source', 'secondhand'],
    });
  });

  it('leaves out empty lists (no tags, no flags, no further sources) rather than writing []', async () => {
    const dataset = await twoStories();
    const bare = { ...dataset.claims.at(-1)!, tags: [], flags: [] };
    const graph = graphOf(exportClaims({ ...dataset, claims: [bare] }, 'claimreview', { newsroom, story: 'a-desk-test-story' }));
    const [story, review] = graph;
    expect(story).toMatchObject({ '@id': '_:story-a-desk-test-story', identifier: 'a-desk-test-story' });
    expect(story).not.toHaveProperty('citation');
    expect(review).toMatchObject({ identifier: 'aaa-desk-test-claim' });
    expect(review).not.toHaveProperty('claimbot:flags');
    expect(review!.itemReviewed).not.toHaveProperty('keywords');
  });

  it('describes each story once, and gives a report URL and date where they are known', async () => {
    const graph = graphOf(exportClaims(await twoStories(), 'claimreview', { newsroom: { name: 'Desk' } }));
    const stories = graph.filter((node) => node['@type'] === 'CreativeWork');
    expect(stories.map((story) => story.identifier)).toEqual(['a-desk-test-story', 'north-korean-troops-in-russia']);
    expect(stories[1]).toEqual({
      '@id': '_:story-north-korean-troops-in-russia',
      '@type': 'CreativeWork',
      identifier: 'north-korean-troops-in-russia',
      name: 'North Korean troops in Russia',
      isBasedOn: { '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Euronews' } },
      citation: ['ISW'],
    });
    const review = graph.find((node) => node.identifier === 'aaa-desk-test-claim')!;
    expect(review.author).toEqual({ '@type': 'Organization', name: 'Desk' });
    expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'False' });
    expect((review.itemReviewed as Node).appearance).toEqual({
      '@type': 'CreativeWork',
      publisher: { '@type': 'Organization', name: 'Example Outlet' },
      url: 'https://outlet.example/report',
      datePublished: '2026-11-20',
    });
  });
});

type RemoteDocument = Awaited<ReturnType<NonNullable<Options.Expand['documentLoader']>>>;

describe('the ClaimReview export read by a JSON-LD processor (jsonld.js)', () => {
  /**
   * There is no network in tests, so "https://schema.org" is served from a local stand-in for schema.org's context
   * (its vocabulary, and `url` as a link, as the real one has). Safe mode makes expansion fail on anything it would
   * otherwise drop silently: a property that maps to no IRI, a malformed @id or @type, an invalid prefix.
   */
  async function expand(document: unknown): Promise<Record<string, unknown[]>[]> {
    const context = JSON.parse(await readFile(join(REPO, 'tests/fixtures/exchange/schema-org-context.jsonld'), 'utf8')) as Record<string, unknown>;
    const options: Options.Expand & { safe: boolean } = {
      safe: true,
      documentLoader: async (url: string) => {
        if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`unexpected context ${url}`);
        return { contextUrl: undefined, documentUrl: url, document: context as RemoteDocument['document'] };
      },
    };
    return (await jsonld.expand(document as object, options)) as Record<string, unknown[]>[];
  }

  it('expands without losing a property, every review linked to its story node', async () => {
    const dataset = await twoStories();
    const nodes = await expand(JSON.parse(exportClaims(dataset, 'claimreview', { newsroom })));
    const S = 'http://schema.org/';
    const ofType = (type: string) => nodes.filter((node) => node['@type']?.includes(`${S}${type}`));
    const storyIds = ofType('CreativeWork').map((node) => node['@id']);
    expect(storyIds).toEqual(['_:story-a-desk-test-story', '_:story-north-korean-troops-in-russia']);
    const reviews = ofType('ClaimReview');
    expect(reviews).toHaveLength(dataset.claims.length);
    for (const review of reviews) {
      const claim = dataset.claims.find((candidate) => candidate.id === (review[`${S}identifier`]![0] as { '@value': string })['@value'])!;
      expect(review[`${S}claimReviewed`]).toEqual([{ '@value': claim.statement }]);
      expect(review[`${S}isPartOf`]).toEqual([{ '@id': `_:story-${claim.story}` }]);
      expect(review[`${S}reviewRating`]).toEqual([{ '@type': [`${S}Rating`], [`${S}alternateName`]: [{ '@value': VERDICT_WORDS[claim.verdict] }] }]);
      expect(review['urn:claimbot:addedBy']).toEqual([{ '@value': claim.addedBy }]);
      const item = review[`${S}itemReviewed`]?.[0] as Record<string, unknown[]>;
      expect(item['@type']).toEqual([`${S}Claim`]);
      expect(item['urn:claimbot:quote']).toEqual([{ '@value': claim.quote }]);
      expect((item[`${S}author`]![0] as Record<string, unknown[]>)[`${S}name`]).toEqual([{ '@value': claim.claimant.name }]);
    }
    const known = reviews.find((review) => JSON.stringify(review).includes('aaa-desk-test-claim'))!;
    const appearance = (known[`${S}itemReviewed`]![0] as Record<string, unknown[]>)[`${S}appearance`]?.[0];
    expect(appearance).toMatchObject({ [`${S}url`]: [{ '@id': 'https://outlet.example/report' }], [`${S}datePublished`]: [{ '@value': '2026-11-20' }] });
  });
});

describe('exportClaims as CSV', () => {
  it('writes a header and one RFC 4180 row per claim: CRLF line ends, quoted cells with doubled quotes', async () => {
    const dataset = await twoStories();
    const csv = exportClaims(dataset, 'csv', { newsroom, story: 'a-desk-test-story' });
    expect(csv.split('\r\n')[0]).toBe(
      'id,story,statement,quote,claimant,claimantDescription,citing,reportedBy,reportedByUrl,reportedByDate,context,tags,verdict,flags,note,' +
        'createdAt,updatedAt,addedBy,storyTitle,storyOutlet,storyUrl,storyDate,storySourceTitle,storyAdditionalSources',
    );
    expect(csv).toContain('aaa-desk-test-claim,a-desk-test-story,"An invented statement, with a comma, ""quotes"" and\na line break",false,');
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      verdict: 'false',
      reportedByUrl: 'https://outlet.example/report',
      storyTitle: 'A test story',
      tags: 'troops; troop-numbers',
    });
  });

  it('has one row per claim of the shipped dataset, lists joined by semicolons', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const rows = parse(exportClaims(dataset, 'csv', { newsroom }), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.id).sort()).toEqual(dataset.claims.map((claim) => claim.id).sort());
    expect(rows.find((row) => row.id === 'kyiv-independent-10000-troops')).toMatchObject({
      flags: 'anonymous-source; secondhand',
      citing: 'Western sources',
      quote: 'false',
    });
  });
});
