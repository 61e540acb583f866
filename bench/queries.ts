import { join } from 'node:path';
import { CORPUS_DIR, EXTRA_QUERIES, PUBLIC_QUERIES, readQueries, readTsv } from '../tests/support/eval-queries.ts';

export const publicEval = readQueries(PUBLIC_QUERIES);
export const extraEval = readQueries(EXTRA_QUERIES);

/**
 * The same mix every run: full sloppy queries and what autocomplete sees while they are typed
 * (the query cut after a third and two thirds of its letters).
 */
export function queryMix(fullQueries: number): string[] {
  return asTyped([...publicEval, ...extraEval].slice(0, fullQueries).map(({ query }) => query));
}

/** The same mix for the real corpus: its sloppy and its unrelated queries (../shared/corpus). */
export function corpusQueryMix(): string[] {
  return asTyped(['queries.tsv', 'unrelated.tsv'].flatMap((file) => readTsv(join(CORPUS_DIR, file)).map(([query]) => query!)));
}

function asTyped(queries: readonly string[]): string[] {
  return queries.flatMap((query) => [query.slice(0, Math.max(2, Math.round(query.length / 3))), query.slice(0, Math.round((2 * query.length) / 3)), query]);
}
