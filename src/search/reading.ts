import { keepHighest } from '../core/best.ts';
import { relatedWords } from './meanings.ts';
import { contentTerms, POSSIBILITY_TERM, tokens, type Token } from './text.ts';

/**
 * How a text is read. `query`: a submitted query, every word finished. `typing`: autocomplete sees each keystroke,
 * so the last word may be unfinished and completes as a prefix. `message`: a chat message, longer and looser than
 * a query: its names and numbers weigh more, and what counts is how much of a claim it repeats.
 */
export type ReadingMode = 'query' | 'typing' | 'message';

export interface ReadWord extends Token {
  /** Still being typed: any term it begins matches. */
  partial: boolean;
  /** How much more than its rarity the word counts (names and numbers in a message). */
  boost: number;
  /** Terms that mean the same or something more specific (WordNet), each with how much it counts for the word. */
  related: ReadonlyMap<string, number>;
}

/** A name or a number in a message says more about which claim it is about than its other words. */
const NAME_OR_NUMBER_BOOST = 1.5;

/** The distinct words of a text worth searching for, in order. Stop words only as a word still being typed. */
export function readText(text: string, mode: ReadingMode): ReadWord[] {
  const all = tokens(text);
  const typingLast = mode === 'typing' && /[\p{L}\p{N}]$/u.test(text) ? all.length - 1 : -1;
  const names = mode === 'message' ? namesAndNumbers(text) : new Set<string>();
  const read = new Map<string, ReadWord>();
  all.forEach((token, i) => {
    const partial = i === typingLast;
    if ((token.stopword && !partial) || read.has(token.term)) return;
    const related = mode === 'message' || partial ? NO_RELATED : relatedTerms(token);
    read.set(token.term, { ...token, partial, boost: names.has(token.term) || /^\d/.test(token.term) ? NAME_OR_NUMBER_BOOST : 1, related });
  });
  return [...read.values()];
}

const NO_RELATED: ReadonlyMap<string, number> = new Map();

/**
 * What a finished query word also means, as index terms. Not for a message: its many words already say what it is
 * about, and a long message would look up hundreds of words. Not for a word still being typed: it is not a word yet.
 */
function relatedTerms({ term, word }: Token): ReadonlyMap<string, number> {
  // "might" is a word of possibility here, not a noun for power.
  if (/^\d/.test(word) || term === POSSIBILITY_TERM) return NO_RELATED;
  const terms = new Map<string, number>();
  for (const [related, strength] of relatedWords(word)) {
    for (const relatedTerm of contentTerms(related)) if (relatedTerm !== term) keepHighest(terms, relatedTerm, strength);
  }
  return terms;
}

/** Terms of the capitalised words of a message that do not start a sentence: names ("Zelensky", "Kursk", "ISW"). */
function namesAndNumbers(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<![.!?]["”’)]?\s*|^\s*)\b\p{Lu}[\p{L}'’-]*/gu)) {
    for (const term of contentTerms(match[0])) names.add(term);
  }
  return names;
}
