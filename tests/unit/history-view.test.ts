import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/schema.ts';
import type { AuditEntry } from '../../src/store/claim-table.ts';
import { describeChanges, historyLines } from '../../src/views/history-view.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const { claims } = JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as { claims: Claim[] };
const claim = claims.find((c) => c.id === 'zelensky-tehran-too')!;

describe('what a history says changed', () => {
  it('one line per changed field, nested fields by their path, lists joined, the update time left out', () => {
    const after: Claim = {
      ...claim,
      verdict: 'disputed',
      flags: ['interested-party', 'single-source'],
      attribution: { ...claim.attribution, reportedBy: { ...claim.attribution.reportedBy, url: 'https://www.euronews.com/a' } },
      updatedAt: '2026-12-06T05:00:00.000Z',
    };
    expect(describeChanges(claim, after)).toEqual([
      'verdict: “unverified” → “disputed”',
      'flags: “interested-party” → “interested-party, single-source”',
      'attribution.reportedBy.url: (none) → “https://www.euronews.com/a”',
    ]);
    expect(describeChanges(null, after)).toEqual([]);
    expect(describeChanges(claim, { ...claim, updatedAt: '2026-12-06T05:00:00.000Z' })).toEqual([]);
  });

  it('shortens a long value, and says (none) for a value removed or emptied', () => {
    const note = 'The ministry later denied the report. '.repeat(6).trim();
    const [line] = describeChanges(claim, { ...claim, note });
    expect(line).toMatch(/^note: \(none\) → “The ministry later denied the report\. .*…”$/);
    expect(line!.length).toBeLessThan('note: (none) → “”'.length + note.length);
    const tags = claim.tags!.join(', ');
    expect(describeChanges({ ...claim, note: 'Denied.' }, { ...claim, tags: [] })).toEqual([`tags: “${tags}” → (none)`, 'note: “Denied.” → (none)']);
  });

  it('heads each entry with its number, time, action, who and where, then the reason', () => {
    const entry = (guildId?: string): AuditEntry => ({
      seq: 7,
      at: '2026-12-06T05:00:00.123Z',
      action: 'verdict',
      actor: { id: '42', name: 'Ana', ...(guildId ? { guildId } : {}) },
      claimId: claim.id,
      reason: 'Tehran denies it',
      removed: false,
      before: claim,
      after: { ...claim, verdict: 'disputed' },
    });
    expect(historyLines([entry('99')])).toEqual([
      '#7 2026-12-06 05:00:00 UTC · verdict · Ana (42) in server 99\n  reason: Tehran denies it\n  verdict: “unverified” → “disputed”',
    ]);
    expect(historyLines([{ ...entry(), reason: null }])[0]).toBe('#7 2026-12-06 05:00:00 UTC · verdict · Ana (42)\n  verdict: “unverified” → “disputed”');
  });
});
