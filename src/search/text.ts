/**
 * Turns claim text and queries into comparable terms. The same function runs on both sides,
 * so whatever it folds (case, accents, plurals, "10,000" vs "10000") matches either way.
 */

const STOPWORDS = new Set(
  ('a an and are as at be been but by can could did do does for from had has have he her his how i in into is it its ' +
    'me my no not of on or our she so than that the their them there these they this those to was we were what when ' +
    'where which who whom why will with would you your').split(' '),
);

/** Lowercase, accents removed, typographic apostrophes made plain. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'");
}

/** "10,000" "10.000" "10 000" → "10000"; "10k" → "10000": journalists write numbers every way. */
function joinNumbers(text: string): string {
  return text
    .replace(/\b\d{1,3}(?:[,. ]\d{3})+\b/g, (number) => number.replace(/[,. ]/g, ''))
    .replace(/\b(\d+)k\b/g, '$1000');
}

/** Plural and possessive endings: "troops" → "troop", "Moscow's" → "moscow". Deliberately light: fuzzy matching covers the rest. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** All terms of a text, in order, stopwords dropped (unless nothing else is left). */
export function terms(text: string): string[] {
  const words = joinNumbers(fold(text))
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const content = words.filter((word) => !STOPWORDS.has(word));
  return (content.length > 0 ? content : words).map(stem);
}

export const isNumber = (term: string): boolean => /^\d+$/.test(term);
