import { describe, expect, it } from 'vitest';
import { generatedStoryId } from '../../src/exchange/identity.ts';
import { readImport } from '../../src/exchange/import.ts';
import { describeProblem } from '../../src/exchange/problems.ts';
import { dateOf, hasType, nameOf, textOf, values } from '../../src/exchange/json-values.ts';

// A Fact Check Tools claims:search response as the API gives it, odd parts included: a review with no publisher, a
// review that is not an object, a claim with no text, several claims filed under one article.

const now = new Date('2026-12-01T09:00:00.000Z');
const bridgeReview = {
  publisher: { name: 'Example Fact Desk' },
  url: 'https://factdesk.example/checks/bridge',
  title: 'Bridge checks',
  textualRating: 'False',
};
const ferryReview = { url: 'https://www.checkers.example/ferry', textualRating: 'True' };

describe('Fact Check Tools responses', () => {
  it('files claims under their first review’s article, one story for claims that share it, and names a claim without text', () => {
    const response = {
      claims: [
        { text: 'The bridge will close', claimReview: [bridgeReview] },
        { claimReview: ['not a review', bridgeReview] },
        { text: 'The ferry stops', claimReview: [ferryReview] },
        { text: 'The bridge will reopen in May', claimReview: bridgeReview },
      ],
    };
    const result = readImport(JSON.stringify(response), 'search.json', { now });
    expect(result.format).toBe('factcheck-api');
    expect(result.problems.map(describeProblem)).toEqual(['claims[1], field statement (text in the file): is required']);
    const bridge = generatedStoryId(bridgeReview.url);
    const ferry = generatedStoryId(ferryReview.url);
    expect(result.stories.map((story) => [story.id, story.title, story.source.outlet])).toEqual([
      [bridge, 'Bridge checks', 'Example Fact Desk'],
      [ferry, 'checkers.example: The ferry stops', 'checkers.example'],
    ]);
    expect(result.claims.map(({ record, claim }) => [record.label, claim.story, claim.verdict])).toEqual([
      ['claims[0]', bridge, 'false'],
      ['claims[2]', ferry, 'confirmed'],
      ['claims[3]', bridge, 'false'],
    ]);
  });

  it('is not taken for a response when one of its claims is not a claim object, or has neither text nor a review', () => {
    const notFound = /^odd\.json: no claims found: /;
    expect(() => readImport(JSON.stringify({ claims: [{ text: 'A claim' }, 'a bare string'] }), 'odd.json', { now })).toThrow(notFound);
    expect(() => readImport(JSON.stringify({ claims: [{ text: 'A claim' }, { claimant: 'Someone' }] }), 'odd.json', { now })).toThrow(notFound);
    expect(readImport(JSON.stringify({ claims: [{ claimReview: [bridgeReview] }] }), 'reviews.json', { now }).format).toBe('factcheck-api');
    // A file with stories of its own is ours (a dataset) or nothing, never a response.
    expect(() => readImport(JSON.stringify({ stories: 'none', claims: [{ text: 'A claim' }] }), 'odd.json', { now })).toThrow(notFound);
  });
});

describe('reading loosely shaped JSON-LD values', () => {
  it('takes a missing or null value as none, a single value as one', () => {
    expect(values(undefined)).toEqual([]);
    expect(values(null)).toEqual([]);
    expect(values('one')).toEqual(['one']);
    expect(values(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('reads the first non-empty text of a string, a number or an @value', () => {
    expect(textOf(['', '  ', ' Kyiv '])).toBe('Kyiv');
    expect(textOf({ '@value': 12 })).toBe('12');
    expect(textOf({ '@value': ' text ' })).toBe('text');
    expect(textOf([{ name: 'no value' }, true])).toBeUndefined();
    expect(nameOf({ name: 'Example Fact Desk' })).toBe('Example Fact Desk');
  });

  it('knows a type by its short name, schema: prefix or schema.org address, and nothing else', () => {
    for (const type of ['ClaimReview', 'schema:ClaimReview', 'http://schema.org/ClaimReview', 'https://schema.org/ClaimReview', ['Thing', 'ClaimReview']])
      expect(hasType({ '@type': type }, 'ClaimReview')).toBe(true);
    for (const type of ['https://example.org/ClaimReview', 'xschema:ClaimReview', 'ClaimReviewed', [42], undefined])
      expect(hasType({ '@type': type }, 'ClaimReview')).toBe(false);
  });

  it('reads the calendar date at the start of a value', () => {
    expect(dateOf('2024-05-01T10:00:00-04:00')).toBe('2024-05-01');
    expect(dateOf('published 2024-05-01')).toBeUndefined();
    expect(dateOf('May 1')).toBeUndefined();
    expect(dateOf(undefined)).toBeUndefined();
  });
});

describe('Fact Check Tools responses: claims without reviews, reviews without ratings, a story given twice', () => {
  const later = {
    publisher: { name: 'Example Fact Desk' },
    url: 'https://factdesk.example/checks/later',
    title: 'Later',
    reviewDate: '2099-01-01T00:00:00Z',
    textualRating: 'False',
  };
  const read = () =>
    readImport(
      JSON.stringify({
        claims: [
          { text: 'No review yet' },
          { text: 'Not rated', claimReview: [{ publisher: { name: 'Example Fact Desk' }, url: 'https://factdesk.example/checks/unrated', title: 'Unrated' }] },
          { text: 'Later one', claimReview: [later] },
          { text: 'Later two', claimReview: [later] },
          { text: 'Archived', claimReview: [{ url: 'https://archive.www.example.org/checks/1', textualRating: 'True' }] },
        ],
      }),
      'search.json',
      { now },
    );

  it('reads a claim that has text and no review yet, and a review without a rating, as unverified with no note', () => {
    const result = read();
    expect(result.format).toBe('factcheck-api');
    expect(result.claims.map(({ claim }) => [claim.statement, claim.verdict, claim.note])).toEqual([
      ['No review yet', 'unverified', undefined],
      ['Not rated', 'unverified', undefined],
      ['Archived', 'confirmed', 'Rated “True”.'],
    ]);
  });

  it('names a story that two claims share once, by its place among the stories', () => {
    const storyProblems = read().problems.filter((problem) => problem.record.label.startsWith('stories'));
    expect(storyProblems.map(describeProblem)).toEqual([
      `stories[2] (id "${generatedStoryId(later.url)}"), field source.date: is in the future (2099-01-01); the latest date an import takes is 2026-12-02`,
    ]);
  });

  it('drops only a leading "www." from the address that names an unnamed publisher', () => {
    expect(read().claims.find(({ claim }) => claim.statement === 'Archived')!.claim.attribution.reportedBy.outlet).toBe('archive.www.example.org');
  });
});
