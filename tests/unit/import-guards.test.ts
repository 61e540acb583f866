import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { futureClaimProblems, futureStoryProblems } from '../../src/exchange/future-dates.ts';
import { readImport } from '../../src/exchange/import.ts';
import { planImport } from '../../src/exchange/plan.ts';
import { describePlan } from '../../src/exchange/report.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
const now = new Date('2026-12-04T12:00:00.000Z');
const record = { index: 0, label: 'claims[0]' };

describe('future dates', () => {
  it('are refused for when a claim was added and changed (beyond five minutes of clock difference) and for report dates after tomorrow', () => {
    const claim = {
      ...claims[0]!,
      createdAt: '2026-12-04T12:04:00.000Z',
      updatedAt: '2099-01-01T00:00:00.000Z',
      attribution: { reportedBy: { outlet: 'X', date: '2026-12-06' } },
    };
    expect(futureClaimProblems(record, claim, now)).toEqual([
      { record, field: 'updatedAt', message: 'is in the future (2099-01-01T00:00:00.000Z); it must not be after the import (2026-12-04T12:00:00.000Z)' },
      { record, field: 'attribution.reportedBy.date', message: 'is in the future (2026-12-06); the latest date an import takes is 2026-12-05' },
    ]);
    expect(futureStoryProblems(record, { ...stories[0]!, source: { outlet: 'X', date: '2026-12-05' } }, now)).toEqual([]);
  });
});

describe('planImport with removed claims', () => {
  const removed = [{ claim: claims[2]!, removal: { at: '2026-12-03T08:15:00.000Z', by: 'desk-editor' } }];
  const live = claims.filter((_, i) => i !== 2);
  const incoming = readImport(JSON.stringify({ stories, claims }), 'old.json', { now });

  it('skips a removed claim, saying when and by whom, and restores it only when asked', () => {
    const plan = planImport({ claims: live, stories, removed }, incoming);
    expect(plan.skip.filter((skip) => skip.reason === 'removed')).toEqual([
      { record: { index: 2, label: 'claims[2]', id: claims[2]!.id }, claim: claims[2], reason: 'removed', of: claims[2]!.id, removal: removed[0]!.removal },
    ]);
    expect(describePlan('old.json', incoming, plan)).toContain(
      `  skip claims[2]: claim "${claims[2]!.id}" removed on 2026-12-03 08:15 UTC by desk-editor: skipped (--restore-removed brings it back)`,
    );
    const restoring = planImport({ claims: live, stories, removed }, incoming, { restoreRemoved: true });
    expect(restoring.restore).toEqual([{ record: { index: 2, label: 'claims[2]', id: claims[2]!.id }, before: claims[2], after: claims[2] }]);
    expect(restoring.skip.some((skip) => skip.reason === 'removed')).toBe(false);
  });
});
