import Fuse from 'fuse.js';
import { keepHighest } from '../core/best.ts';
import { typoDistance } from './edits.ts';
import { isNumber } from './text.ts';

/** A term of the index that a query term stands for, and how close the two are (1 = the same). */
export interface TermMatch {
  term: string;
  similarity: number;
  /** Found as a misspelling (fuse.js), not as the word itself, a stem of it or a prefix. */
  typo: boolean;
}

/** Fuzzy matching only for terms this long: below it, one typo turns a word into another word. */
const MIN_FUZZY_LENGTH = 4;
/** A typo changes a word's length by at most this much; longer completions are found as prefixes. */
const MAX_LENGTH_DIFFERENCE = 2;
/**
 * fuse.js finds the candidates: it scores errors per pattern letter plus how far from the term's start the match
 * begins (per DISTANCE letters); DISTANCE keeps "drone" from matching inside "euronews". The threshold is loose, as
 * fuse.js scores a swap of two letters ("famliy") as two errors: each candidate is then counted exactly (typoDistance).
 */
const FUZZY_THRESHOLD = 0.4;
/** What each typo takes off a match: one typo is a good match, two a fair one; more is another word. */
const TYPO_COST = 0.15;
/**
 * What a typo match is worth when the query word is itself a word of English (REAL_WORD_TYPO_CREDIT × its
 * similarity): half. Measured on issue 20's sets: from 0.4 to 1 the own sets do not move; at 1, "who will be the
 * next pope" was answered with a claim that says "cope"; at 0 (no typo for a real word), "sending" lost "sent".
 */
const REAL_WORD_TYPO_CREDIT = 0.5;
/** One typo from four letters on, two from six: "drones" is not "donetsk", and "covid" is not "civil". */
const allowedTypos = (word: string): number => (word.length >= 6 ? 2 : 1);
const FUZZY_DISTANCE = 10;
/** A term shares a prefix with the query when the shorter is at least this share of the longer ("korea" ~ "korean"). */
const MIN_PREFIX_SHARE = 0.6;
/** Two terms are relatives when they share this many first letters, and this share of the shorter one. */
const MIN_SHARED_START = 5;
const MIN_SHARED_SHARE = 0.8;
/** A common start ("inter", "const") is shared by hundreds of terms: look at this many at most. */
const MAX_RELATIVES_SCANNED = 300;
/** Completions kept for a word being typed (the most frequent), so that "t" does not touch every term. */
const MAX_COMPLETIONS = 30;
/** A word being typed is completed from this many letters on. */
const MIN_COMPLETION_LENGTH = 2;

/**
 * The distinct terms of the index. fuse.js stays the fuzzy engine but runs over terms, not claims, and only
 * over the few terms that could be a typo of the query term: about as long, and with the same first or the same
 * second letter (a typo rarely hits both). That is what keeps a search fast at any number of claims.
 */
export class Vocabulary {
  /** Every term ever met. A term no claim uses any more stays known: it has no postings, so it scores nothing. */
  private readonly known = new Set<string>();
  /** Sorted, for prefix ranges by binary search. New terms wait in `unsorted` until the next search, so a bulk load sorts once. */
  private sorted: string[] = [];
  private unsorted: string[] = [];
  /**
   * Fuzzy candidates by length and first letter, and by length and second letter: the terms, and the fuse.js index
   * over them, made on the first search that needs the bucket (a start with 100,000 claims does not build 700).
   */
  private readonly buckets = new Map<string, { terms: string[]; fuse?: Fuse<string> }>();

  /**
   * `claimsUsing` says how many claims use a term (the index's postings: not counted twice). `extraTerms` can be
   * matched without being in any claim: synonyms, so that a misspelled one is recognised.
   */
  constructor(
    private readonly claimsUsing: (term: string) => number,
    extraTerms: Iterable<string> = [],
  ) {
    for (const term of extraTerms) this.add(term);
  }

  /** Knows the term from now on. */
  add(term: string): void {
    if (this.known.has(term)) return;
    this.known.add(term);
    this.unsorted.push(term);
    if (isNumber(term) || term.length < MIN_FUZZY_LENGTH - MAX_LENGTH_DIFFERENCE) return;
    for (const key of bucketKeys(term, term.length)) {
      const bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, { terms: [term] });
      else if (bucket.fuse) bucket.fuse.add(term);
      else bucket.terms.push(term);
    }
  }

  /** The fuse.js index of a bucket, made when first needed (from then on, fuse.js adds new terms to the list itself). */
  private fuzzy(key: string): Fuse<string> | undefined {
    const bucket = this.buckets.get(key);
    if (!bucket) return undefined;
    return (bucket.fuse ??= new Fuse(bucket.terms, {
      includeScore: true,
      ignoreFieldNorm: true,
      threshold: FUZZY_THRESHOLD,
      location: 0,
      distance: FUZZY_DISTANCE,
    }));
  }

  /** How many claims use the term. */
  count(term: string): number {
    return this.claimsUsing(term);
  }

  /**
   * The query term itself, terms it is a prefix of or that are a prefix of it, and terms within a typo or two.
   * A `partial` term is still being typed, so any term it begins counts ("tr" → "troop"). A word English knows
   * (`knownWord`) is as likely another word as a slip: "pope" is not "cope", though "sending" may be "sent".
   */
  matches(queryTerm: string, partial: boolean, knownWord = false): TermMatch[] {
    const found = new Map<string, number>();
    if (this.known.has(queryTerm)) found.set(queryTerm, 1);
    // A word still being typed is not a different word from its completions: it is one of them, not yet finished.
    for (const term of this.completions(queryTerm, partial))
      keepHighest(found, term, partial ? typingSimilarity(queryTerm, term) : prefixSimilarity(queryTerm, term));
    for (const term of this.prefixesOf(queryTerm)) keepHighest(found, term, prefixSimilarity(term, queryTerm));
    for (const { term, similarity } of this.relatives(queryTerm)) keepHighest(found, term, similarity);
    const matches = [...found].map(([term, similarity]) => ({ term, similarity, typo: false }));
    if (this.count(queryTerm) > 0) return matches;
    const typos = new Map<string, number>();
    const credit = knownWord ? REAL_WORD_TYPO_CREDIT : 1;
    for (const { term, similarity } of this.typos(queryTerm)) if (!found.has(term)) keepHighest(typos, term, similarity * credit);
    return matches.concat([...typos].map(([term, similarity]) => ({ term, similarity, typo: true })));
  }

  /** Sorts the terms added since the last search, so that the first search after a bulk load does not pay for it. */
  prepare(): void {
    if (this.unsorted.length === 0) return;
    this.sorted = this.sorted.concat(this.unsorted).sort();
    this.unsorted = [];
  }

  /** Longer terms that start with the query term, the most used first. */
  private completions(prefix: string, partial: boolean): string[] {
    if (prefix.length < MIN_COMPLETION_LENGTH) return [];
    this.prepare();
    const completions: string[] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const term = this.sorted[i]!;
      if (!term.startsWith(prefix)) break;
      if (term !== prefix && (partial || prefix.length >= MIN_PREFIX_SHARE * term.length)) completions.push(term);
    }
    if (completions.length <= MAX_COMPLETIONS) return completions;
    return completions.sort((a, b) => this.count(b) - this.count(a) || (a < b ? -1 : 1)).slice(0, MAX_COMPLETIONS);
  }

  /** Known terms the query term starts with: "koreans" → "korea". */
  private prefixesOf(word: string): string[] {
    const prefixes: string[] = [];
    for (let length = Math.ceil(MIN_PREFIX_SHARE * word.length); length < word.length; length++) {
      const prefix = word.slice(0, length);
      if (this.known.has(prefix)) prefixes.push(prefix);
    }
    return prefixes;
  }

  /**
   * Known terms that begin like the word and end differently, which no stemmer joins: "floridian" and "florida",
   * "democrat" and "democraci". They must share at least MIN_SHARED_START letters and most of the shorter one.
   */
  private relatives(word: string): { term: string; similarity: number }[] {
    if (word.length < MIN_SHARED_START || isNumber(word)) return [];
    this.prepare();
    const start = word.slice(0, MIN_SHARED_START);
    const relatives: { term: string; similarity: number }[] = [];
    for (let i = lowerBound(this.sorted, start), scanned = 0; i < this.sorted.length && scanned < MAX_RELATIVES_SCANNED; i++, scanned++) {
      const term = this.sorted[i]!;
      if (!term.startsWith(start)) break;
      const shared = sharedStart(word, term);
      if (term !== word && shared >= MIN_SHARED_SHARE * Math.min(word.length, term.length)) {
        relatives.push({ term, similarity: 0.6 + 0.3 * (shared / Math.max(word.length, term.length)) });
      }
    }
    return relatives;
  }

  private typos(word: string): TermMatch[] {
    if (word.length < MIN_FUZZY_LENGTH || isNumber(word)) return [];
    const typos: TermMatch[] = [];
    for (let length = word.length - MAX_LENGTH_DIFFERENCE; length <= word.length + MAX_LENGTH_DIFFERENCE; length++) {
      for (const key of bucketKeys(word, length)) {
        // A term in both of the word's buckets is found twice, with the same score: the caller keeps the best.
        for (const { item } of this.fuzzy(key)?.search(word) ?? []) {
          const distance = typoDistance(word, item, allowedTypos(word));
          if (distance <= allowedTypos(word)) typos.push({ term: item, similarity: 1 - TYPO_COST * distance, typo: true });
        }
      }
    }
    return typos;
  }
}

/** The buckets a term of `length` letters sharing the first or the second letter of `word` is in. */
function bucketKeys(word: string, length: number): string[] {
  return [`${length}:1:${word[0]}`, `${length}:2:${word[1]}`];
}

/** 0.6 to 0.95: the more of the longer term the shorter one covers, the closer they are. */
function prefixSimilarity(shorter: string, longer: string): number {
  return 0.6 + 0.35 * (shorter.length / longer.length);
}

function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** 0.9 to 1: a word being typed matches its completions almost fully, the closest a little more. */
function typingSimilarity(typed: string, completion: string): number {
  return 0.9 + 0.1 * (typed.length / completion.length);
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
