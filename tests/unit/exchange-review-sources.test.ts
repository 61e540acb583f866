import { describe, expect, it } from 'vitest';
import { shortHash } from '../../src/core/claim-id.ts';
import { generatedStoryId } from '../../src/exchange/identity.ts';
import { reportFromReview, storyFromReview, verdictFromRatings } from '../../src/exchange/review-sources.ts';

// The story and report an imported fact check is filed under, and its story id: what a desk sees in the dry run
// and then in /claim's Attribution and Story fields.

describe('the story of an imported fact check', () => {
  it('is its article: the story id from the URL, the title from the article or the statement', () => {
    const url = 'https://factdesk.example/checks/ferry-timetable/';
    expect(storyFromReview({ publisher: 'Example Fact Desk', url, title: 'Ferry checks' }, 'The ferry stops', 'feed.jsonld')).toEqual({
      id: generatedStoryId(url),
      title: 'Ferry checks',
      source: { outlet: 'Example Fact Desk', url, title: 'Ferry checks' },
    });
    expect(storyFromReview({ url: 'https://www.checkers.example/x' }, 'The ferry stops', 'feed.jsonld').title).toBe('checkers.example: The ferry stops');
  });

  it('without an address, is one story per outlet, or per file when nothing names the outlet', () => {
    expect(storyFromReview({ publisher: 'Example Fact Desk' }, undefined, 'feed.jsonld')).toEqual({
      id: 'imported-example-fact-desk',
      title: 'Imported from Example Fact Desk',
      source: { outlet: 'Example Fact Desk' },
    });
    expect(storyFromReview({ url: 'not an address' }, 'A statement', 'feed.jsonld').source).toMatchObject({ outlet: 'feed.jsonld' });
    expect(storyFromReview({}, 'A statement', 'feed.jsonld')).toMatchObject({ id: 'imported-feed-jsonld', title: 'feed.jsonld: A statement' });
  });

  it('keeps a title of 200 characters and shortens a longer one to 200 with an ellipsis', () => {
    const exactly = 'a'.repeat(200);
    expect(storyFromReview({ publisher: 'Desk', title: exactly }, undefined, 'f').title).toBe(exactly);
    expect(storyFromReview({ publisher: 'Desk', title: `${exactly}b` }, undefined, 'f').title).toBe(`${'a'.repeat(199)}…`);
  });

  it('reports the claim by the publisher, else the site, else the web host', () => {
    expect(reportFromReview({ publisher: 'Desk', site: 'desk.example', url: 'https://www.desk.example/1', date: '2026-03-04' }, 'f')).toEqual({
      outlet: 'Desk',
      url: 'https://www.desk.example/1',
      date: '2026-03-04',
    });
    expect(reportFromReview({ site: 'desk.example', url: 'https://www.other.example/1' }, 'f').outlet).toBe('desk.example');
    expect(reportFromReview({ url: 'https://www.other.example/1' }, 'f').outlet).toBe('other.example');
  });
});

describe('story ids from addresses', () => {
  it('take the last words of the path, else the host, with a hash of the whole address', () => {
    const path = 'https://factdesk.example/checks/ferry-timetable/';
    expect(generatedStoryId(path)).toBe(`ferry-timetable-${shortHash(path)}`);
    expect(generatedStoryId('https://factdesk.example/')).toBe(`factdesk-example-${shortHash('https://factdesk.example/')}`);
    expect(generatedStoryId('no address at all')).toBe(`no-address-at-all-${shortHash('no address at all')}`);
    expect(generatedStoryId('%%%')).toBe(`story-${shortHash('%%%')}`);
  });

  it('stay within 64 characters however long the host of an address without a path, or a text that is no address', () => {
    const host = `https://${'harbour-'.repeat(12)}example.org/`;
    const text = 'a text that is no address and goes on '.repeat(4);
    for (const long of [host, text]) {
      expect(generatedStoryId(long)).toMatch(/^[a-z0-9-]+-[0-9a-f]{6}$/);
      expect(generatedStoryId(long).length).toBeLessThanOrEqual(64);
    }
  });

  it('stay within 64 characters however long the path', () => {
    const long = `https://factdesk.example/${Array.from({ length: 30 }, (_, i) => `word${i}`).join('-')}`;
    const id = generatedStoryId(long);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id.length).toBeGreaterThan(50);
    expect(id.startsWith('word0-word1-')).toBe(true);
  });
});

describe('ratings', () => {
  it('keep no note for one rating in our words, and every rating with who gave it otherwise', () => {
    expect(verdictFromRatings([{ words: 'False', by: 'Desk' }])).toEqual({ verdict: 'false' });
    expect(verdictFromRatings([{ words: 'Pants on Fire', by: 'Desk' }])).toMatchObject({ note: 'Rated “Pants on Fire” by Desk.' });
    expect(verdictFromRatings([{ words: 'False', by: 'Desk' }, { words: 'True' }])).toEqual({ verdict: 'false', note: 'Rated “False” by Desk, “True”.' });
    expect(verdictFromRatings([])).toEqual({ verdict: 'unverified' });
  });
});
