import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import type { Claim, Story } from '../../src/core/schema.ts';
import { exportClaims } from '../../src/exchange/export.ts';
import { readImport } from '../../src/exchange/import.ts';
import { planImport } from '../../src/exchange/plan.ts';
import { withSourceField } from '../../src/exchange/problems.ts';
import { ratingToVerdict } from '../../src/exchange/ratings.ts';
import { describePlan } from '../../src/exchange/report.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

// The dry run's lines for restores, older versions and takedowns; the order of an export; the file's own name for a
// field in a problem; ratings written with runs of punctuation.

const later = '2026-12-01T10:00:00.000Z';
const removal = { at: '2026-11-30T08:15:42.000Z', by: 'desk-editor' };
const incoming = (stories: readonly Story[], claims: Claim[]) => readImport(JSON.stringify({ stories, claims }), 'incoming.json');

describe('the dry run of an import', () => {
  it('says what comes back, what is older, what stays removed, and counts the stories it adds', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const [first, second, third, fourth] = dataset.claims as [Claim, Claim, Claim, Claim];
    const ours = dataset.claims.map((claim) => (claim.id === second.id ? { ...claim, verdict: 'confirmed' as const, updatedAt: later } : claim));
    const existing = {
      claims: ours.filter((claim) => claim.id !== first.id && claim.id !== fourth.id),
      stories: dataset.stories,
      removed: [
        { claim: first, removal },
        { claim: fourth, removal },
      ],
    };
    const stories = [1, 2].map((n) => ({ id: `story-${n}`, title: `Story ${n}`, source: { outlet: 'Wire' }, additionalSources: [] }));
    const newClaims = stories.map((story, n) => ({ ...third, id: `new-claim-${n}`, statement: `A new statement ${n}`, story: story.id }));
    const file = incoming([...dataset.stories, ...stories], [first, second, fourth, ...newClaims]);
    const plan = planImport(existing, file);
    const restorePlan = planImport(existing, file, { restoreRemoved: true });
    expect(describePlan('incoming.json', file, plan)).toEqual([
      'incoming.json: 5 records in a claimbot dataset.',
      'Add 2 claims (and 2 stories), update 0, skip 3 (0 unchanged, 0 duplicate, 1 older, 2 removed), 0 invalid records.',
      `  skip claims[0]: claim "${first.id}" removed on 2026-11-30 08:15 UTC by desk-editor: skipped (--restore-removed brings it back)`,
      `  skip claims[1]: claim "${second.id}" changed after this version of it`,
      `  skip claims[2]: claim "${fourth.id}" removed on 2026-11-30 08:15 UTC by desk-editor: skipped (--restore-removed brings it back)`,
    ]);
    expect(describePlan('incoming.json', file, restorePlan).slice(1, 4)).toEqual([
      'Add 2 claims (and 2 stories), update 0, restore 2, skip 1 (0 unchanged, 0 duplicate, 1 older), 0 invalid records.',
      `  restore claims[0]: claim "${first.id}", removed, comes back (--restore-removed)`,
      `  restore claims[2]: claim "${fourth.id}", removed, comes back (--restore-removed)`,
    ]);
  });

  it('names what an update changes, not when or by whom the claim was added', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const claim = dataset.claims[0]!;
    const changed = { ...claim, note: 'Corrected.', createdAt: '2020-01-01T00:00:00.000Z', addedBy: 'someone-else', updatedAt: later };
    const file = incoming(dataset.stories, [changed]);
    expect(describePlan('incoming.json', file, planImport(dataset, file)).at(-1)).toBe(`  update claims[0]: claim "${claim.id}" (note)`);
  });

  it('says "removed" alone when the takedown’s time and author are not known', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const [first] = dataset.claims as [Claim];
    const file = incoming(dataset.stories, [first]);
    const plan = planImport({ claims: dataset.claims.slice(1), stories: dataset.stories }, file);
    plan.skip.push({ record: { index: 0, label: 'claims[0]', id: first.id }, claim: first, reason: 'removed', of: first.id });
    expect(describePlan('incoming.json', file, plan).at(-1)).toBe(`  skip claims[0]: claim "${first.id}" removed: skipped (--restore-removed brings it back)`);
  });
});

describe('the order of an export', () => {
  it('is stories by id, and claims by story then id, whatever order the dataset holds them in', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const [a, b, c] = dataset.claims as [Claim, Claim, Claim];
    const stories = ['zulu', 'alpha'].map((id) => ({ id, title: id, source: { outlet: 'Wire' }, additionalSources: [] }));
    // Each story's claims first in the wrong story order, and ids that sort against the stories' order.
    const claims = [
      { ...c, id: 'z-claim', story: 'alpha' },
      { ...a, id: 'a-claim', statement: 'Another statement', story: 'alpha' },
      { ...a, id: 'm-claim', story: 'zulu' },
      { ...b, id: 'b-claim', story: 'zulu' },
    ];
    for (const held of [claims, [...claims].reverse()]) {
      const exported = JSON.parse(exportClaims({ stories, claims: held }, 'json', { newsroom: { name: 'Example Newsroom' } })) as {
        stories: Story[];
        claims: Claim[];
      };
      expect(exported.stories.map(({ id }) => id)).toEqual(['alpha', 'zulu']);
      expect(exported.claims.map(({ id }) => id)).toEqual(['a-claim', 'z-claim', 'b-claim', 'm-claim']);
    }
  });
});

describe('the file’s own name for a field', () => {
  it('is the longest of its names that the field starts with, followed by the rest of the path', () => {
    const names = { 'attribution.reportedBy': 'report', attribution: 'source', tags: 'keywords', q: 'quoted' };
    const problem = (field: string) => withSourceField({ record: { index: 0, label: 'row 2' }, field, message: 'x' }, names).sourceField;
    expect(problem('attribution.reportedBy.outlet')).toBe('report.outlet');
    expect(problem('attribution.citing')).toBe('source.citing');
    expect(problem('tags[1]')).toBe('keywords[1]');
    expect(problem('q')).toBe('quoted');
    expect(problem('attributionNote')).toBeUndefined();
    expect(problem('statement')).toBeUndefined();
  });
});

describe('ratings', () => {
  it('read a run of punctuation or spaces as one space', () => {
    expect(ratingToVerdict('Half -- True!')).toEqual(ratingToVerdict('half true'));
    expect(ratingToVerdict('Half -- True!').verdict).not.toBe('unverified');
  });
});
