import { isDeepStrictEqual } from 'node:util';
import type { Claim } from '../core/schema.ts';
import type { ImportFormat } from './record-draft.ts';
import type { ImportResult } from './import.ts';
import type { ImportPlan, Removal } from './plan.ts';
import { describeProblem } from './problems.ts';

const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  json: 'a claimbot dataset',
  claimreview: 'ClaimReview JSON-LD',
  'factcheck-api': 'a Fact Check Tools claims:search response',
  csv: 'claimbot CSV',
};

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "removed on 2026-12-04 17:40 UTC by desk-editor" */
function removedOn(removal: Removal | undefined): string {
  return removal ? `removed on ${removal.at.slice(0, 16).replace('T', ' ')} UTC by ${removal.by}` : 'removed';
}

/** The fields of a claim an update changes: `verdict, note`. */
function changedFields(before: Claim, after: Claim): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const bookkeeping = new Set(['createdAt', 'updatedAt', 'addedBy']);
  return [...keys].filter((key) => !bookkeeping.has(key) && !isDeepStrictEqual(before[key as keyof Claim], after[key as keyof Claim]));
}

/**
 * What an import would do, as lines for a terminal or a message: the totals, then each update (and what it changes),
 * each duplicate or older record skipped (and of which claim), and each invalid record with its field. Claims skipped
 * as unchanged are only counted: re-importing a large file would otherwise list every one.
 */
export function describePlan(fileName: string, result: Pick<ImportResult, 'format' | 'total'>, plan: ImportPlan): string[] {
  const skipped = (reason: string) => plan.skip.filter((skip) => skip.reason === reason).length;
  const stories = plan.addStories.length > 0 ? ` (and ${count(plan.addStories.length, 'story', 'stories')})` : '';
  // Restored and removed claims are counted only when there are some: most imports have none.
  const restore = plan.restore.length > 0 ? `, restore ${plan.restore.length}` : '';
  const removed = skipped('removed') > 0 ? `, ${skipped('removed')} removed` : '';
  const lines = [
    `${fileName}: ${count(result.total, 'record')} in ${FORMAT_NAMES[result.format]}.`,
    `Add ${count(plan.add.length, 'claim')}${stories}, update ${plan.update.length}${restore}, ` +
      `skip ${plan.skip.length} (${skipped('unchanged')} unchanged, ${skipped('duplicate')} duplicate, ${skipped('older')} older${removed}), ` +
      `${count(plan.invalid.length, 'invalid record')}.`,
  ];
  for (const { record, from, to } of plan.renamed)
    lines.push(`  new id ${record.label}: "${from}" is one of our claims' ids, and this review is another newsroom's: it is "${to}"`);
  for (const { record, before, after } of plan.update)
    lines.push(`  update ${record.label}: claim "${before.id}" (${changedFields(before, after).join(', ')})`);
  for (const { record, before } of plan.restore) lines.push(`  restore ${record.label}: claim "${before.id}", removed, comes back (--restore-removed)`);
  for (const { record, reason, of, removal } of plan.skip) {
    if (reason === 'duplicate') lines.push(`  skip ${record.label}: the same claimant and statement as claim "${of}"`);
    if (reason === 'older') lines.push(`  skip ${record.label}: claim "${of}" changed after this version of it`);
    if (reason === 'removed') lines.push(`  skip ${record.label}: claim "${of}" ${removedOn(removal)}: skipped (--restore-removed brings it back)`);
  }
  for (const problem of plan.invalid) lines.push(`  invalid ${describeProblem(problem)}`);
  return lines;
}
