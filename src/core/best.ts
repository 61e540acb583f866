/**
 * Keeps `best` ordered best first (`before(a, b)`: a ranks above b) and at most `limit` long, so the top of
 * a long stream is found in one pass without sorting all of it.
 */
export function insertBest<T>(best: T[], item: T, limit: number, before: (a: T, b: T) => boolean): void {
  if (best.length === limit && !before(item, best[limit - 1]!)) return;
  let at = best.length;
  while (at > 0 && before(item, best[at - 1]!)) at--;
  best.splice(at, 0, item);
  if (best.length > limit) best.pop();
}

/** Records `value` for `key` unless the key already has a higher one. */
export function keepHighest<K>(values: Map<K, number>, key: K, value: number): void {
  if (value > (values.get(key) ?? 0)) values.set(key, value);
}
