import type { AuditEntry } from '../store/claim-table.ts';
import { ellipsis } from './limits.ts';
import type { Claim } from '../core/schema.ts';

/** What changed between two versions of a claim, one line per field: "verdict: unverified → false". */
export function describeChanges(before: Claim | null, after: Claim): string[] {
  if (!before) return [];
  const flat = (claim: Claim) => flatten(claim as unknown as Record<string, unknown>);
  const old = flat(before);
  const now = flat(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter((field) => field !== 'updatedAt' && old[field] !== now[field]);
  return fields.map((field) => `${field}: ${show(old[field])} → ${show(now[field])}`);
}

/** One block per audit entry, oldest first: when, who (and where), what, why, and what changed. */
export function historyLines(entries: readonly AuditEntry[]): string[] {
  return entries.map((entry) => {
    const where = entry.actor.guildId ? ` in server ${entry.actor.guildId}` : '';
    const head = `#${entry.seq} ${entry.at.slice(0, 19).replace('T', ' ')} UTC · ${entry.action} · ${entry.actor.name} (${entry.actor.id})${where}`;
    const lines = [head];
    if (entry.reason) lines.push(`  reason: ${entry.reason}`);
    for (const change of describeChanges(entry.before, entry.after)) lines.push(`  ${change}`);
    return lines.join('\n');
  });
}

function flatten(value: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) Object.assign(out, flatten(inner as Record<string, unknown>, path));
    else out[path] = Array.isArray(inner) ? inner.join(', ') : String(inner);
  }
  return out;
}

/** Long values shortened, so a history stays readable; the full versions are in the database. */
function show(value: string | undefined): string {
  if (value === undefined || value === '') return '(none)';
  return `“${ellipsis(value, 120)}”`;
}
