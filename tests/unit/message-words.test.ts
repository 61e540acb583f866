import { describe, expect, it } from 'vitest';
import { boundMessageWords, MESSAGE_BOUNDS } from '../../src/search/message-words.ts';
import { readText } from '../../src/search/reading.ts';

/** How many claims use each term, as an index would say: the words of the list, in numbers. */
const uses = (counts: Record<string, number>) => (term: string) => counts[term] ?? 0;

describe('which words of a long message the search looks at', () => {
  it('keeps every word of a short message, in its order', () => {
    const words = readText('North Korea sent troops to Kursk, says Zelenksy', 'message');
    expect(boundMessageWords(words, uses({ north: 900, korea: 300, sent: 2000, troop: 1200, kursk: 12 })).map((word) => word.term)).toEqual(
      words.map((word) => word.term),
    );
  });

  it('keeps the rarest known words and a few possible typos, names first, in the message’s order', () => {
    const known = Array.from({ length: 60 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const madeUp = Array.from({ length: 20 }, (_, i) => `zq${'x'.repeat(i % 5)}${String.fromCharCode(97 + i)}`);
    const text = [...known, ...madeUp, 'Qwertyk'].join(' ');
    const counts = Object.fromEntries(known.map((word, i) => [word, i + 1]));
    const kept = boundMessageWords(readText(text, 'message'), uses(counts)).map((word) => word.term);
    expect(kept.filter((term) => counts[term])).toEqual(known.slice(0, MESSAGE_BOUNDS.knownWords));
    const typos = kept.filter((term) => !counts[term]);
    expect(typos).toHaveLength(MESSAGE_BOUNDS.typoLookups);
    // The capitalised one (a name) first, then the longest made-up words.
    expect(typos).toContain('qwertyk');
    expect(typos.filter((term) => term !== 'qwertyk').every((term) => term.length >= 6)).toBe(true);
  });

  it('stops at the postings budget, but always keeps the rarest few however common', () => {
    const text = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet';
    const words = readText(text, 'message');
    const common = Object.fromEntries(words.map((word, i) => [word.term, 10_000 + i]));
    expect(boundMessageWords(words, uses(common)).map((word) => word.term)).toEqual(words.slice(0, MESSAGE_BOUNDS.alwaysKept).map((word) => word.term));
  });
});
