/**
 * Turns claim text, queries and chat messages into comparable terms. The same function runs on every side,
 * so whatever it folds (invisible characters, case, accents, word endings, "10,000" vs "ten thousand") matches
 * either way. The stemmer (Porter2), the stop words and the number words come from maintained packages.
 */
import { stem as porter2 } from 'porter2';
import { eng as ENGLISH_STOPWORDS } from 'stopword';
import { foldCase, isAscii } from '../core/text.ts';
import { numberWordsToDigits } from './number-words.ts';

/**
 * Words that say nothing about which claim is meant: the maintained English list, plus what people wrap a
 * question or a chat message in ("what did X say about", "is it true that", "apparently").
 */
const FILLER = [
  ...['say', 'says', 'saying', 'claim', 'claims', 'claimed', 'true', 'apparently', 'heard', 'hear', 'lol', 'yeah', 'guys', 'ok', 'okay'],
  ...['why', 'whose', 'not', 'also', 'just', 'really', 'even', 'ever', 'anyone', 'anything', 'everyone', 'someone', 'something'],
  // Auxiliaries the list lacks, also as typed without the apostrophe (and as LIAR prints them).
  ...['does', 'doesnt', 'dont', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'wont', 'wouldnt', 'couldnt', 'shouldnt', 'hasnt', 'havent', 'hadnt'],
];
const STOPWORDS: ReadonlySet<string> = new Set([...ENGLISH_STOPWORDS, ...FILLER]);

/**
 * Words that say a thing is possible, not that it is: one term, as numbers are one however written, so that "where
 * could they be deployed" finds the claim that they "would likely" be, before claims of where they were. The stop
 * word list drops "could" and "would"; what a claim hedges is part of what it says.
 */
const POSSIBILITY = new Set(['could', 'would', 'might', 'likely', 'possibly', 'probably', 'perhaps']);
export const POSSIBILITY_TERM = 'could';

/** Invisible characters removed, lowercase, accents removed, typographic apostrophes made plain. */
export function fold(text: string): string {
  // Most text is plain ASCII: only the rest needs the other apostrophes.
  return isAscii(text) ? text.toLowerCase().replace(/`/g, "'") : foldCase(text).replace(/[‘’ʼ`´]/g, "'");
}

const NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)\b/;
const SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };

/**
 * Every way journalists write a number, as digits: "10,000" "10.000" "10 000" "10k" "ten thousand" → 10000,
 * "2.6 million" → 2600000, "70%" "seventy per cent" → "70 percent". Decimals stay decimals ("2.6").
 */
export function normalizeNumbers(folded: string): string {
  // Digits with a scale first: the number-word parser would read "2.6 million" as "2.6 1000000".
  const digits = folded
    .replace(/\b\d{1,3}(?:[,. ]\d{3})+\b/g, (number) => number.replace(/[,. ]/g, ''))
    .replace(/\b(\d+(?:\.\d+)?)(?: ?(thousand|million|billion|trillion)|(k|m|mn|bn|b|tn))\b/g, (_all, number: string, word?: string, suffix?: string) =>
      String(Math.round(Number(number) * SCALES[(word ?? suffix)!]!)),
    );
  return (NUMBER_WORD.test(digits) ? numberWordsToDigits(digits) : digits).replace(/%/g, ' percent ').replace(/\bper cent\b/g, 'percent');
}

/** Stems already worked out: a corpus uses far fewer distinct words than it has words (12,810 claims: ~20,000 vs ~500,000). */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/** One word as the index keeps it: Porter2 stem; numbers as they are. */
export function stem(word: string): string {
  if (/^\d/.test(word)) return word;
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    // Bounded, so that a stream of made-up words in queries cannot grow it for ever.
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, (stemmed = porter2(word)));
  }
  return stemmed;
}

export interface Token {
  term: string;
  /** The word as written (folded): what a dictionary looks up. */
  word: string;
  /** A stop word or filler: kept only when a text has nothing else. */
  stopword: boolean;
}

/** The words of a text, in order, folded and stemmed, each marked as a stop word or not. */
export function tokens(text: string): Token[] {
  const words = normalizeNumbers(fold(text).replace(/\bu\.s\.(?:a\.)?/g, 'usa'))
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .match(/\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu);
  // A lone letter is what is left of an initial or a possessive: it says nothing on its own.
  return (words ?? [])
    .filter((word) => word.length > 1 || /\d/.test(word))
    .map((word) => (POSSIBILITY.has(word) ? { term: POSSIBILITY_TERM, word, stopword: false } : { term: stem(word), word, stopword: STOPWORDS.has(word) }));
}

/** All content terms of a text, in order (its stop words only when it has nothing else). */
export function terms(text: string): string[] {
  const all = tokens(text);
  const content = all.filter((token) => !token.stopword);
  return (content.length > 0 ? content : all).map((token) => token.term);
}

/** The content terms of a text, never its stop words: what an index keeps of a claim. */
export function contentTerms(text: string): string[] {
  return tokens(text)
    .filter((token) => !token.stopword)
    .map((token) => token.term);
}

export const isNumber = (term: string): boolean => /^\d/.test(term);
