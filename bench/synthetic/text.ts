/** Text helpers of the synthetic claims: numbers as journalists write them, slugs, ids and the words a claim id takes. */
import type { Rng } from './random.ts';

export const cap = (s: string): string => (s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1));

export function commas(n: number): string {
  const s = String(Math.round(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s.charAt(i);
  }
  return out;
}

/** A round number with two significant figures in lo..hi. */
export function roundNumber(r: Rng, lo: number, hi: number): number {
  const n = lo + r.next() * (hi - lo);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.max(lo, Math.round(n / magnitude) * magnitude);
}

export function lastWord(name: string): string {
  const words = name.split(' ');
  return words[words.length - 1] ?? name;
}
export function shortKey(name: string): string {
  return name
    .replace(/\(.*\)/, '')
    .split(/\s+/)
    .filter((w) => !/^(the|of|for|in|a|an|and)$/i.test(w))
    .slice(0, 2)
    .join(' ');
}

const STOPWORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'to',
  'and',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'by',
  'for',
  'with',
  'at',
  'from',
  'that',
  'this',
  'it',
  'its',
  'as',
  'be',
  'we',
  'our',
  'they',
  'their',
  'about',
  'more',
  'than',
  'up',
  'some',
  'there',
  'no',
  'not',
  'every',
  'if',
  'will',
  'would',
  'but',
]);

export function slugify(text: string, maxWords = 8): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, maxWords)
    .join('-');
}

export function comparable(statement: string): string {
  return statement.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function uniqueSlug(base: string, used: Set<string>): string {
  let id = base.slice(0, 64).replace(/-+$/, '');
  for (let n = 2; used.has(id); n++) id = `${base.slice(0, 58).replace(/-+$/, '')}-${n}`;
  used.add(id);
  return id;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function keywords(statement: string): string {
  const out: string[] = [];
  for (const word of statement.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(word);
    if (out.length === 3) break;
  }
  return out.join(' ');
}
