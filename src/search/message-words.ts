import type { ReadWord } from './reading.ts';

/**
 * How much of a chat message the search looks at. A message can be 4,000 characters of anything, and every word
 * costs: a word the claims use costs its postings (and those of its look-alikes), a word they do not use costs a
 * fuzzy search for the words it could be a typo of (about 1 ms at 10,000 claims). A crafted message of made-up or
 * misspelt words held the event loop for 0.4 to 0.9 s of CPU at 10,000 claims; with these bounds no message takes
 * more than 9 ms there, or 36 ms at 100,000 (BENCHMARKS.md, "Check claims on hostile messages"). What a message is
 * about is in its rare words: those are kept.
 */
export const MESSAGE_BOUNDS = {
  /** Distinct words the claims use, the rarest first. A long real message has a few dozen that matter. */
  knownWords: 40,
  /** Claims the kept words may reach together (their postings), beyond the rarest `alwaysKept` of them. */
  postings: 30_000,
  /** The rarest known words are kept whatever they reach, so a message of common words still finds its claim. */
  alwaysKept: 6,
  /** Words no claim uses, looked up as possible typos: names and numbers first, then the longest. */
  typoLookups: 6,
} as const;

/**
 * The words of a message worth the search's time, in the message's order (the search rewards words that stand
 * next to each other): the rarest words the claims use, within MESSAGE_BOUNDS, and a few words they do not use,
 * which may be typos of words they do. `claimsUsing` says how many claims use a term (0: none).
 */
export function boundMessageWords(words: readonly ReadWord[], claimsUsing: (term: string) => number): ReadWord[] {
  const uses = new Map(words.map((word) => [word, claimsUsing(word.term)]));
  const known = words.filter((word) => uses.get(word)! > 0).sort((a, b) => uses.get(a)! - uses.get(b)!);
  const unknown = words.filter((word) => uses.get(word) === 0).sort((a, b) => b.boost - a.boost || b.term.length - a.term.length);
  const kept = new Set<ReadWord>(unknown.slice(0, MESSAGE_BOUNDS.typoLookups));
  let reached = 0;
  for (const [rank, word] of known.slice(0, MESSAGE_BOUNDS.knownWords).entries()) {
    reached += uses.get(word)!;
    if (rank >= MESSAGE_BOUNDS.alwaysKept && reached > MESSAGE_BOUNDS.postings) break;
    kept.add(word);
  }
  return words.filter((word) => kept.has(word));
}
