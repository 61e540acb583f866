import { describe, expect, it } from 'vitest';
import { importedClaimId } from '../../src/exchange/identity.ts';
import { readImport } from '../../src/exchange/import.ts';

// ClaimReview as other tools write it: identifiers that are URLs or paths, a review without a rating, a body and a
// rating in other words, keywords with gaps, a website as `isPartOf`, an appearance that names nobody, and a review
// that carries our newsroom's name without its address.

const now = new Date('2026-12-01T09:00:00.000Z');
const newsroom = { name: 'Example Newsroom', url: 'https://newsroom.example/' };
const statement = (n: number) => `Invented statement number ${n}`;
const review = (n: number, extra: Record<string, unknown> = {}) => ({
  '@type': 'ClaimReview',
  url: `https://factdesk.example/checks/${n}`,
  claimReviewed: statement(n),
  author: { name: 'Example Fact Desk' },
  reviewRating: { alternateName: 'False' },
  ...extra,
});
const floods = {
  '@id': '_:story-floods',
  '@type': 'CreativeWork',
  identifier: 'floods',
  name: 'Floods',
  isBasedOn: { '@type': 'NewsArticle', url: 'https://wire.example/floods', publisher: { name: 'Wire' } },
  citation: ['https://wire.example/floods-2', { '@id': '_:nothing' }, ''],
};
const graph = [
  floods,
  review(1, { identifier: 'https://factdesk.example/1' }),
  review(2, { identifier: 'fc-2' }),
  review(3, { identifier: 'checks/fc-3' }),
  review(4, { reviewRating: undefined }),
  review(5, { reviewBody: 'The figure is from 2019.', reviewRating: { alternateName: 'Half True' }, itemReviewed: { keywords: 'Ferries, , Islands' } }),
  review(6, { author: { name: 'Example Newsroom', url: 'https://newsroom.example/' } }),
  review(7, { author: { name: 'Example Newsroom', url: 'https://elsewhere.example/' } }),
  review(8, { isPartOf: { '@type': 'WebSite', identifier: 'site', name: 'Fact Desk' } }),
  review(9, { itemReviewed: { appearance: { '@type': 'CreativeWork', datePublished: '2026-01-02' } } }),
  review(10, { isPartOf: { '@id': '_:story-floods' } }),
  review(11, { isPartOf: { '@type': 'CreativeWork', identifier: 'weekly', name: 'Weekly checks' } }),
  review(12, {
    isPartOf: { '@type': 'WebPage', identifier: 'page', name: 'A page', isBasedOn: { '@type': 'NewsArticle', url: 'https://wire.example/other' } },
  }),
  review(13, { isPartOf: { '@type': 'CreativeWork', name: 'An article', isBasedOn: { '@type': 'NewsArticle', url: 'https://wire.example/other' } } }),
  review(14, { itemReviewed: { keywords: ['Harbours', { '@id': '_:nothing' }, null] } }),
];
// Read in each test, not as the file loads: mutation testing switches a mutant on for a test, so a result read before
// it would never see one.
const feed = () => readImport(JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }), 'feed.jsonld', { now, newsroom });
const claim = (n: number) => feed().claims.find((read) => read.claim.statement === statement(n))!;

describe('reading ClaimReviews other tools wrote', () => {
  it('reads every review', () => {
    const result = feed();
    expect(result.problems).toEqual([]);
    expect(result.claims).toHaveLength(14);
  });

  it('takes an identifier as our id only when it is a slug like ours', () => {
    expect([1, 2, 3].map((n) => claim(n).claim.id)).toEqual([
      importedClaimId('Unnamed claimant', statement(1)),
      'fc-2',
      importedClaimId('Unnamed claimant', statement(3)),
    ]);
  });

  it('reads a review without a rating as unverified, and keeps its body and a rating in other words as the note', () => {
    expect(claim(4).claim).toMatchObject({ verdict: 'unverified' });
    expect(claim(4).claim).not.toHaveProperty('note');
    expect(claim(14).claim.tags).toEqual(['harbours']);
    expect(claim(5).claim).toMatchObject({
      verdict: 'misleading',
      note: 'The figure is from 2019. Rated “Half True” by Example Fact Desk.',
      tags: ['ferries', 'islands'],
    });
  });

  it('takes a review as ours only with our newsroom’s name and address', () => {
    expect([6, 7, 1].map((n) => claim(n).foreign ?? false)).toEqual([false, true, true]);
  });

  it('files a review under our story node, and under a story of its own when it is part of something else (a website, a series)', () => {
    expect(claim(10).claim.story).toBe('floods');
    expect(feed().stories.find((story) => story.id === 'floods')).toEqual({
      id: 'floods',
      title: 'Floods',
      source: { outlet: 'Wire', url: 'https://wire.example/floods' },
      additionalSources: ['https://wire.example/floods-2'],
    });
    // A website, a series of checks that is not based on an article, a page (not a CreativeWork of ours) and a work
    // without our story's identifier are not our stories.
    for (const n of [8, 11, 12, 13])
      expect(feed().stories.find((story) => story.id === claim(n).claim.story)!.title).toBe(`Example Fact Desk: ${statement(n)}`);
  });

  it('reports a claim by its review when its appearance names no outlet and no address', () => {
    expect(claim(9).claim.attribution.reportedBy).toEqual({ outlet: 'Example Fact Desk', url: 'https://factdesk.example/checks/9' });
  });
});

describe('when a review was added, from the dates it gives', () => {
  it('reads a time with an offset and a date alone as UTC, and takes the modified date as the added one when it is earlier than now', () => {
    const read = (dateModified: string) =>
      readImport(JSON.stringify([review(1, { dateModified })]), 'feed.jsonld', { now }).claims.map(({ claim }) => [claim.createdAt, claim.updatedAt]);
    // 09:30 at UTC+1 is 08:30 UTC, before the import's 09:00 UTC, though as text it sorts after it.
    expect(read('2026-12-01T09:30:00+01:00')).toEqual([['2026-12-01T08:30:00.000Z', '2026-12-01T08:30:00.000Z']]);
    expect(read('2026-11-30')).toEqual([['2026-11-30T00:00:00.000Z', '2026-11-30T00:00:00.000Z']]);
  });
});

describe('what is wrong in a ClaimReview file, named by its record', () => {
  const story = {
    '@id': '_:story-untitled',
    '@type': 'CreativeWork',
    identifier: 'untitled',
    isBasedOn: { '@type': 'NewsArticle', url: 'https://wire.example/untitled', publisher: { name: 'Wire' } },
  };
  const inStory = (n: number, extra: Record<string, unknown> = {}) => review(n, { isPartOf: { '@id': '_:story-untitled' }, ...extra });
  // A null and a bare string among the nodes (a hand-edited feed) are passed over, not read as reviews.
  const problems = () =>
    readImport(
      JSON.stringify([
        null,
        story,
        'note',
        inStory(1),
        inStory(2, { identifier: 'fc-2', dateCreated: 'yesterday' }),
        inStory(3, { identifier: 'https://factdesk.example/3', claimReviewed: undefined }),
      ]),
      'feed.jsonld',
      { now },
    ).problems;

  it('names a story without a title once, as the first story, with its id', () => {
    expect(problems().filter((problem) => problem.field === 'title')).toEqual([
      { record: { index: 0, label: 'stories[0]', id: 'untitled' }, field: 'title', message: 'is required' },
    ]);
  });

  it('names a review by its place among the reviews and its identifier, and the field by its name in the file', () => {
    expect(problems().find((problem) => problem.field === 'createdAt')).toEqual({
      record: { index: 1, label: 'reviews[1]', id: 'fc-2' },
      field: 'createdAt',
      message: 'must be a date and time like 2026-11-25T04:00:00Z',
      sourceField: 'dateCreated',
    });
  });

  it('names a review that gives no claim by the identifier it has, even one that cannot be our id', () => {
    expect(problems().find((problem) => problem.field === 'statement')).toEqual({
      record: { index: 2, label: 'reviews[2]', id: 'https://factdesk.example/3' },
      field: 'statement',
      message: 'is required',
      sourceField: 'claimReviewed',
    });
  });
});
