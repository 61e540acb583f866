import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim } from '../../src/schema.ts';
import { REPO } from './files.ts';

/**
 * The public quality check lives in ../shared/eval beside the repo; a copy is kept in tests/fixtures
 * so a clone on its own still runs it. The shared file wins, so an updated check is picked up.
 */
export const PUBLIC_QUERIES = [join(REPO, '../shared/eval/queries.tsv'), join(REPO, 'tests/fixtures/public-queries.tsv')].find((file) => existsSync(file))!;
export const HELD_OUT_QUERIES = join(REPO, 'tests/fixtures/held-out-queries.tsv');

export function readQueries(file: string): { query: string; expected: RegExp }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [query, pattern] = line.split('\t');
      return { query: query!, expected: new RegExp(pattern!, 'i') };
    });
}

/** The text the eval's regexes are matched against: statement, claimant and attribution. */
export function evalText(claim: Claim): string {
  const { claimant, attribution } = claim;
  return [claim.statement, claimant.name, claimant.description, attribution.citing, attribution.reportedBy.outlet].filter(Boolean).join(' | ');
}
