import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { readImport } from '../../src/exchange/import.ts';
import { planImport } from '../../src/exchange/plan.ts';
import { describeProblem } from '../../src/exchange/problems.ts';
import { describePlan } from '../../src/exchange/report.ts';
import type { Claim, Dataset } from '../../src/core/schema.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const later = '2026-12-01T10:00:00.000Z';

/** Our dataset JSON holding `claims` (and the shipped story plus any `stories`), read as an import. */
function incoming(dataset: Dataset, claims: Claim[], stories: Dataset['stories'] = dataset.stories) {
  return readImport(JSON.stringify({ stories, claims }), 'incoming.json');
}

describe('planImport', () => {
  it('updates a claim whose content changed, keeping when and by whom it was first added', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const original = dataset.claims[1]!;
    const rerated: Claim = { ...original, verdict: 'false', note: 'Re-rated by the desk.', updatedAt: later, addedBy: 'desk-editor' };
    const plan = planImport(dataset, incoming(dataset, [rerated]));
    expect(plan.add).toEqual([]);
    expect(plan.update).toEqual([
      {
        record: { index: 0, label: 'claims[0]', id: original.id },
        before: original,
        after: { ...rerated, addedBy: original.addedBy, createdAt: original.createdAt },
      },
    ]);
  });

  it("does not let an old export undo a later change: a version older than the dataset's is skipped", async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const oldExport = incoming(dataset, dataset.claims);
    const rerated = dataset.claims.map((claim, i) => (i === 2 ? { ...claim, verdict: 'confirmed' as const, updatedAt: later } : claim));
    const plan = planImport({ claims: rerated, stories: dataset.stories }, oldExport);
    expect(plan.update).toEqual([]);
    expect(plan.skip.filter((skipped) => skipped.reason !== 'unchanged')).toMatchObject([{ reason: 'older', of: dataset.claims[2]!.id }]);
  });

  it('skips a claim whose only changes are when and by whom it was added', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const restamped = { ...dataset.claims[1]!, updatedAt: later, addedBy: 'someone-else' };
    const plan = planImport(dataset, incoming(dataset, [restamped]));
    expect(plan.update).toEqual([]);
    expect(plan.skip).toMatchObject([{ reason: 'unchanged', of: restamped.id }]);
  });

  it('skips the same claimant and statement under another id as a duplicate, and says of which claim', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const original = dataset.claims.find((claim) => claim.id === 'kyiv-independent-10000-troops')!;
    const copy = { ...original, id: 'kyiv-independent-copy', statement: `  ${original.statement.toUpperCase()}.`, claimant: { name: 'the kyiv independent' } };
    const plan = planImport(dataset, incoming(dataset, [copy]));
    expect(plan.add).toEqual([]);
    expect(plan.skip).toEqual([
      {
        record: { index: 0, label: 'claims[0]', id: 'kyiv-independent-copy' },
        claim: { ...copy, statement: copy.statement.trim() },
        reason: 'duplicate',
        of: original.id,
      },
    ]);
  });

  it('refuses a statement another claimant already has, which would make the dataset invalid', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const original = dataset.claims.find((claim) => claim.id === 'kyiv-independent-10000-troops')!;
    const plan = planImport(dataset, incoming(dataset, [{ ...original, id: 'someone-else-says-it', claimant: { name: 'Someone Else' } }]));
    expect(plan.add).toEqual([]);
    expect(plan.invalid.map(describeProblem)).toEqual([
      'claims[0] (id "someone-else-says-it"), field statement: claim "kyiv-independent-10000-troops" (The Kyiv Independent) already has this statement',
    ]);
  });

  it('refuses a claim of a story neither the file nor the dataset has', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const claim = { ...dataset.claims[0]!, id: 'new-claim', statement: 'An invented new statement', story: 'unknown-story' };
    const plan = planImport(dataset, incoming(dataset, [claim]));
    expect(plan.invalid.map(describeProblem)).toEqual(['claims[0] (id "new-claim"), field story: no story has the id "unknown-story"']);
  });

  it('adds new claims and the stories they bring, and never changes a story the dataset has', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const story = { id: 'invented-story', title: 'An invented story', source: { outlet: 'Example Outlet' }, additionalSources: [] };
    const renamedShippedStory = { ...dataset.stories[0]!, title: 'Renamed by the file' };
    const claim = { ...dataset.claims[0]!, id: 'invented-claim', statement: 'An invented new statement', story: story.id };
    const plan = planImport(dataset, incoming(dataset, [claim], [renamedShippedStory, story]));
    expect(plan).toMatchObject({ add: [claim], update: [], skip: [], invalid: [], addStories: [story] });
  });

  it('catches a file that repeats itself: the same claim twice is a duplicate, one id for two claims is invalid', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const claim = { ...dataset.claims[0]!, id: 'invented-claim', statement: 'An invented new statement' };
    const other = { ...claim, statement: 'Another invented statement' };
    const plan = planImport(dataset, incoming(dataset, [claim, claim, other]));
    expect(plan.add).toEqual([claim]);
    expect(plan.skip).toMatchObject([{ record: { label: 'claims[1]' }, reason: 'duplicate', of: 'invented-claim' }]);
    expect(plan.invalid.map(describeProblem)).toEqual([
      'claims[2] (id "invented-claim"), field id: claims[0] already has the id "invented-claim" for another claim',
    ]);
  });

  it("adds no story for claims that are all skipped, and none of the file's own when a story is given", async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const feed = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factdesk.example/checks/one',
      claimReviewed: 'An invented reviewed claim',
      author: { name: 'Example Fact Desk' },
      reviewRating: { alternateName: 'False' },
    });
    const first = planImport(dataset, readImport(feed, 'feed.jsonld'));
    expect(first.addStories.map((story) => story.source.url)).toEqual(['https://factdesk.example/checks/one']);
    const after = { claims: [...dataset.claims, ...first.add], stories: [...dataset.stories, ...first.addStories] };
    // The second time, the review's id is one of ours because we made it from the review: nothing to rename.
    expect(planImport(after, readImport(feed, 'feed.jsonld'))).toMatchObject({ add: [], addStories: [], renamed: [], skip: [{ reason: 'unchanged' }] });
    const intoShipped = planImport(dataset, readImport(feed, 'feed.jsonld', { story: 'north-korean-troops-in-russia' }));
    expect(intoShipped.add.map((claim) => claim.story)).toEqual(['north-korean-troops-in-russia']);
    expect(intoShipped.addStories).toEqual([]);
  });

  it('passes on the records the file could not read', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const broken = { ...dataset.claims[0]!, id: 'Not A Slug' };
    const plan = planImport(dataset, incoming(dataset, [broken]));
    expect(plan.invalid).toMatchObject([{ record: { index: 0, id: 'Not A Slug' }, field: 'id' }]);
  });
});

describe('describePlan', () => {
  it('gives the totals, then each update with what it changes, each duplicate with its claim, each invalid record', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const [first, second, third] = dataset.claims as [Claim, Claim, Claim];
    const story = { id: 'invented-story', title: 'An invented story', source: { outlet: 'Example Outlet' }, additionalSources: [] };
    const file = incoming(
      dataset,
      [
        { ...first, verdict: 'false', note: 'Re-rated.', updatedAt: later },
        { ...second, id: 'second-again' },
        { ...third, id: 'invented-claim', statement: 'An invented new statement', story: story.id },
        { ...third, id: 'Bad Id' },
        third,
      ],
      [...dataset.stories, story],
    );
    const lines = describePlan('incoming.json', file, planImport(dataset, file));
    expect(lines).toEqual([
      'incoming.json: 5 records in a claimbot dataset.',
      'Add 1 claim (and 1 story), update 1, skip 2 (1 unchanged, 1 duplicate, 0 older), 1 invalid record.',
      `  update claims[0]: claim "${first.id}" (verdict, note)`,
      `  skip claims[1]: the same claimant and statement as claim "${second.id}"`,
      expect.stringMatching(/^ {2}invalid claims\[3\] \(id "Bad Id"\), field id: must be lowercase letters/),
    ]);
  });
});

describe('planImport of another newsroom’s reviews', () => {
  it('keeps a foreign identifier that is none of our ids, and gives one that is ours an id of its own', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const ours = dataset.claims[0]!;
    const review = (identifier: string, statement: string) => ({
      '@type': 'ClaimReview',
      identifier,
      claimReviewed: statement,
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A. Speaker' } },
      reviewRating: { '@type': 'Rating', alternateName: 'False' },
      author: { '@type': 'Organization', name: 'Other Fact Desk' },
      url: 'https://other.example/checks/1',
    });
    const feed = readImport(JSON.stringify([review('fc-77', 'An invented statement'), review(ours.id, 'Another invented statement')]), 'feed.jsonld', {
      now: new Date(later),
      newsroom: { name: 'Example Newsroom' },
    });
    const plan = planImport(dataset, feed);
    const renamed = plan.renamed.map(({ from, to }) => [from, to]);
    expect(renamed).toEqual([[ours.id, expect.not.stringMatching(ours.id)]]);
    expect(plan.add.map((claim) => claim.id)).toEqual(['fc-77', renamed[0]![1]]);
  });
});
