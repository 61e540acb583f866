import { isDeepStrictEqual } from 'node:util';
import { generatedClaimId, shortHash, slugify } from '../core/claim-id.ts';
import { comparableText } from '../core/schema.ts';

/** Story ids are held to the length of claim ids. */
const MAX_ID = 64;

/** Same claimant and same statement (already made comparable): the same claim, whatever its id. */
export function duplicateKey(claimant: string, comparable: string): string {
  return `${comparableText(claimant)}\n${comparable}`;
}

/**
 * An id for a claim whose source gives none: readable words of the claimant and statement, and a hash of both,
 * so the same claim imported twice gets the same id and two different claims never share one.
 */
export function importedClaimId(claimant: string, statement: string): string {
  return generatedClaimId(claimant, statement, duplicateKey(claimant, comparableText(statement)));
}

/** A story id for a fact-check article: the last words of its URL path, and a hash of the whole URL. */
export function generatedStoryId(url: string): string {
  let words = '';
  try {
    const { hostname, pathname } = new URL(url);
    words = slugify(pathname.split('/').filter(Boolean).pop() ?? '', MAX_ID - 7) || slugify(hostname, MAX_ID - 7);
  } catch {
    words = slugify(url, MAX_ID - 7);
  }
  return `${words || 'story'}-${shortHash(url)}`;
}

/** The same JSON data, whatever the order of keys. */
export function sameContent(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}
