import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import type { Claim, Dataset, Story } from '../../src/core/schema.ts';
import { readImport } from '../../src/exchange/import.ts';
import { planImport, type RemovedClaim } from '../../src/exchange/plan.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

// What an import does with claims a moderator took down, with versions of one claim dated against each other, and
// with the stories the file brings. The plan is what `claimbot import` prints and then writes.

const removal = { at: '2026-11-30T08:00:00.000Z', by: 'desk-editor' };
const incoming = (dataset: Dataset, claims: Claim[], stories: Story[] = dataset.stories) => readImport(JSON.stringify({ stories, claims }), 'incoming.json');

/** The shipped dataset with its claim `id` taken down (edited first by `edit`, as it stood when removed). */
async function withTakedown(id: string, edit: (claim: Claim) => Claim = (claim) => claim) {
  const dataset = await loadDataset(SHIPPED_CLAIMS);
  const taken = edit(dataset.claims.find((claim) => claim.id === id)!);
  const removed: RemovedClaim[] = [{ claim: taken, removal }];
  return { dataset, taken, existing: { claims: dataset.claims.filter((claim) => claim.id !== id), stories: dataset.stories, removed } };
}

const ID = 'kyiv-independent-10000-troops';
const story = (id: string): Story => ({ id, title: `Story ${id}`, source: { outlet: 'Example Outlet' }, additionalSources: [] });

describe('an import of a claim that was taken down', () => {
  it('skips it by its id even when the file’s version says something else (an export from before an edit)', async () => {
    const { dataset, existing, taken } = await withTakedown(ID, (claim) => ({ ...claim, statement: `${claim.statement} (corrected)` }));
    const original = dataset.claims.find((claim) => claim.id === ID)!;
    const plan = planImport(existing, incoming(dataset, [original]));
    expect(plan.add).toEqual([]);
    expect(plan.skip).toEqual([{ record: { index: 0, label: 'claims[0]', id: ID }, claim: original, reason: 'removed', of: taken.id, removal }]);
  });

  it('with restoreRemoved, does not restore a copy under another id: only the removed claim itself comes back', async () => {
    const { dataset, existing } = await withTakedown(ID);
    const copy = { ...dataset.claims.find((claim) => claim.id === ID)!, id: 'kyiv-independent-copy' };
    const plan = planImport(existing, incoming(dataset, [copy]), { restoreRemoved: true });
    expect(plan.restore).toEqual([]);
    expect(plan.skip).toMatchObject([{ reason: 'removed', of: ID }]);
  });

  it('with restoreRemoved, restores the newer of the two versions, keeping when and by whom it was first added', async () => {
    const later = '2026-12-01T10:00:00.000Z';
    const { dataset, existing, taken } = await withTakedown(ID, (claim) => ({ ...claim, note: 'As it stood when removed.', updatedAt: later }));
    const older = dataset.claims.find((claim) => claim.id === ID)!;
    const olderPlan = planImport(existing, incoming(dataset, [older]), { restoreRemoved: true });
    expect(olderPlan.restore).toEqual([{ record: { index: 0, label: 'claims[0]', id: ID }, before: taken, after: taken }]);

    const newer = { ...older, verdict: 'confirmed' as const, updatedAt: '2026-12-02T10:00:00.000Z', addedBy: 'someone-else' };
    const newerPlan = planImport(existing, incoming(dataset, [newer]), { restoreRemoved: true });
    expect(newerPlan.restore).toEqual([
      { record: { index: 0, label: 'claims[0]', id: ID }, before: taken, after: { ...newer, createdAt: taken.createdAt, addedBy: taken.addedBy } },
    ]);

    const sameMoment = { ...older, verdict: 'false' as const, updatedAt: later };
    const [restored] = planImport(existing, incoming(dataset, [sameMoment]), { restoreRemoved: true }).restore;
    expect(restored!.after.verdict).toBe('false');
  });
});

describe('versions of one claim', () => {
  it('takes the file’s version when it changed at the same moment as ours: only an older one is skipped', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const ours = dataset.claims[3]!;
    const plan = planImport(dataset, incoming(dataset, [{ ...ours, verdict: 'disputed' }]));
    expect(plan.skip).toEqual([]);
    expect(plan.update.map(({ after }) => [after.id, after.verdict])).toEqual([[ours.id, 'disputed']]);
  });
});

describe('the stories an import adds', () => {
  it('adds only the new stories the claims going in need, not every story of the file', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const claim = { ...dataset.claims[0]!, id: 'invented-claim', statement: 'An invented new statement', story: 'needed-story' };
    const plan = planImport(dataset, incoming(dataset, [claim], [...dataset.stories, story('needed-story'), story('unused-story')]));
    expect(plan.addStories.map(({ id }) => id)).toEqual(['needed-story']);
  });

  it('adds the new story a claim is moved to by an update', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const moved = { ...dataset.claims[2]!, story: 'follow-up-story', updatedAt: '2026-12-01T10:00:00.000Z' };
    const plan = planImport(dataset, incoming(dataset, [moved], [...dataset.stories, story('follow-up-story')]));
    expect(plan.update.map(({ after }) => after.story)).toEqual(['follow-up-story']);
    expect(plan.addStories.map(({ id }) => id)).toEqual(['follow-up-story']);
  });
});

describe('future dates', () => {
  const now = new Date('2026-12-01T09:00:00.000Z');

  it('takes a claim stamped up to five minutes after the import (clocks disagree), and refuses one a moment later', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const stamped = (updatedAt: string) =>
      readImport(JSON.stringify({ stories: dataset.stories, claims: [{ ...dataset.claims[0]!, updatedAt }] }), 'x.json', { now });
    expect(stamped('2026-12-01T09:05:00.000Z')).toMatchObject({ claims: [{ claim: { updatedAt: '2026-12-01T09:05:00.000Z' } }], problems: [] });
    expect(stamped('2026-12-01T09:05:00.001Z')).toMatchObject({
      claims: [],
      problems: [{ field: 'updatedAt', message: 'is in the future (2026-12-01T09:05:00.001Z); it must not be after the import (2026-12-01T09:00:00.000Z)' }],
    });
  });

  it('refuses a story whose report is dated after tomorrow, naming its field', () => {
    const dated = (date: string) => ({ ...story('dated-story'), source: { outlet: 'Example Outlet', date } });
    const result = readImport(JSON.stringify({ stories: [dated('2099-01-01')], claims: [] }), 'x.json', { now });
    expect(result.stories).toEqual([]);
    expect(result.problems).toEqual([
      {
        record: { index: 0, label: 'stories[0]', id: 'dated-story' },
        field: 'source.date',
        message: 'is in the future (2099-01-01); the latest date an import takes is 2026-12-02',
      },
    ]);
    expect(readImport(JSON.stringify({ stories: [dated('2026-12-02')], claims: [] }), 'x.json', { now }).problems).toEqual([]);
  });
});
