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
