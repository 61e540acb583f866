import { EXTRA_QUERIES, PUBLIC_QUERIES, readQueries } from '../tests/support/eval-queries.ts';

export const publicEval = readQueries(PUBLIC_QUERIES);
export const extraEval = readQueries(EXTRA_QUERIES);

/**
 * The same mix every run: full sloppy queries and what autocomplete sees while they are typed
 * (the query cut after a third and two thirds of its letters).
 */
export function queryMix(fullQueries: number): string[] {
  const full = [...publicEval, ...extraEval].slice(0, fullQueries).map(({ query }) => query);
  return full.flatMap((query) => [query.slice(0, Math.max(2, Math.round(query.length / 3))), query.slice(0, Math.round((2 * query.length) / 3)), query]);
}
