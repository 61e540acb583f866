import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset } from '../../src/core/dataset.ts';
import { comparableText, type Claim, type Dataset } from '../../src/core/schema.ts';
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

/**
 * The LIAR corpus as a dataset. PolitiFact rated a few statements twice (6 of 12,810 repeat one another but for a
 * final full stop or case), which our own datasets refuse; the corpus keeps the first of each and is otherwise
 * validated like any dataset. Read from `dir` (../shared/corpus), never copied.
 */
export async function loadCorpus(dir = CORPUS_DIR): Promise<Dataset> {
  const file = join(dir, 'liar.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { stories: unknown[]; claims: { statement?: unknown }[] };
  const seen = new Set<string>();
  const claims = raw.claims.filter((claim) => {
    if (typeof claim.statement !== 'string') return true;
    const key = comparableText(claim.statement);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return parseDataset({ ...raw, claims }, file);
}
