/**
 * The one owner of how text is folded for comparing: every module that compares, slugs or keys text (search terms,
 * duplicate statements, claim ids, fact-checkers' ratings) starts from these, so "Zelenskyy’s café" compares the
 * same everywhere.
 */

/** Format characters pasted from the web: zero-width spaces and joiners, soft hyphens, direction marks, BOMs. */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0]/gu;

export function isAscii(text: string): boolean {
  return !/[^\x00-\x7f]/.test(text);
}

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** "Zelenskyy’s café" → "Zelenskyy’s cafe". Plain ASCII skips Unicode normalisation, the slow part of reading 10,000 claims. */
export function withoutAccents(text: string): string {
  return isAscii(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Invisible characters and accents removed, lowercase: the base of every comparison. */
export function foldCase(text: string): string {
  return isAscii(text) ? text.toLowerCase() : withoutAccents(stripInvisible(text)).toLowerCase();
}

/** Graphemes: what a reader sees as one character (an emoji with its modifiers, a letter with its accents). */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters as a person counts them: "👍🏽" and "é" are one each, whatever their UTF-16 length. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** The first `limit` characters as the user sees them, never half an emoji: what autocomplete searches of an overlong text. */
export function firstGraphemes(text: string, limit: number): string {
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count++ === limit) break;
    kept += segment;
  }
  return kept;
}

/**
 * The longest start of `text` that is whole graphemes (what a reader sees as one character: an emoji with its
 * modifiers, a letter with its accents) and at most `max` UTF-16 units, the unit Discord's limits are checked in.
 */
export function graphemePrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  // The segmenter is lazy: this walks only as far as the cut.
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
