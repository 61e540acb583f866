import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim } from '../../src/schema.ts';
import { REPO } from './files.ts';

/** The shared quality checks beside the clone (../shared/eval), and the real LIAR corpus (../shared/corpus). */
export const EVAL_DIR = join(REPO, '../shared/eval');
export const CORPUS_DIR = join(REPO, '../shared/corpus');

/**
 * The public quality check lives in ../shared/eval beside the repo; a copy is kept in tests/fixtures
 * so a clone on its own still runs it. The shared file wins, so an updated check is picked up.
 */
export const PUBLIC_QUERIES = [join(EVAL_DIR, 'queries.tsv'), join(REPO, 'tests/fixtures/public-queries.tsv')].find((file) => existsSync(file))!;
/** More sloppy queries written for the first story. In the repository, so not held out: tuned against like the public ones. */
export const EXTRA_QUERIES = join(REPO, 'tests/fixtures/extra-queries.tsv');

/** The rows of a tab-separated file, without comment lines (#) and blank lines. */
export function readTsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

/** Query and regex rows: the regex (case-insensitive) must match a right claim's `evalText`. */
export function readQueries(file: string): { query: string; expected: RegExp }[] {
  return readTsv(file).map(([query, pattern]) => ({ query: query!, expected: new RegExp(pattern!, 'i') }));
}

/** The text the eval's regexes are matched against: statement, claimant and attribution. */
export function evalText(claim: Claim): string {
  const { claimant, attribution } = claim;
  return [claim.statement, claimant.name, claimant.description, attribution.citing, attribution.reportedBy.outlet].filter(Boolean).join(' | ');
}
