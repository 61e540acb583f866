import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { comparableText } from '../core/schema.ts';

const MAX_SLUG = 64;

/** "Zelenskyy’s café" → "Zelenskyy’s cafe". Plain ASCII skips Unicode normalisation, the slow part of reading 10,000 claims. */
function withoutAccents(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
}

/** "Volodymyr Zelensky: 10,000 troops!" → "volodymyr-zelensky-10-000-troops", cut at a word boundary within `max`. */
export function slugify(text: string, max = MAX_SLUG): string {
  const slug = withoutAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Six hex digits that tell apart two things whose readable slugs came out the same. */
function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 6);
}


/** Same claimant and same statement (already made comparable): the same claim, whatever its id. */
export function duplicateKey(claimant: string, comparable: string): string {
  return `${comparableText(claimant)}\n${comparable}`;
}

/**
 * An id for a claim whose source gives none: readable words of the claimant and statement, and a hash of both,
 * so the same claim imported twice gets the same id and two different claims never share one.
 */
export function generatedClaimId(claimant: string, statement: string): string {
  const words = slugify(`${claimant} ${statement}`, MAX_SLUG - 7) || 'claim';
  return `${words}-${shortHash(duplicateKey(claimant, comparableText(statement)))}`;
}

/** A story id for a fact-check article: the last words of its URL path, and a hash of the whole URL. */
export function generatedStoryId(url: string): string {
  let words = '';
  try {
    const { hostname, pathname } = new URL(url);
    words = slugify(pathname.split('/').filter(Boolean).pop() ?? '', MAX_SLUG - 7) || slugify(hostname, MAX_SLUG - 7);
  } catch {
    words = slugify(url, MAX_SLUG - 7);
  }
  return `${words || 'story'}-${shortHash(url)}`;
}

/** The same JSON data, whatever the order of keys. */
export function sameContent(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}
