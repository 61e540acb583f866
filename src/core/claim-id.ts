import { createHash } from 'node:crypto';
import { withoutAccents } from './text.ts';

/**
 * The one claim-id convention: lowercase ASCII words joined by hyphens, from the claimant and the statement, with
 * "1,500" kept as one number ("1500"). A claim typed into the form gets the readable words, numbered when taken; a
 * claim imported without an id gets the same words and a hash of claimant and statement, so the same claim imported
 * twice gets the same id and two different claims never share one.
 */

const MAX_ID = 64;

/** "Volodymyr Zelensky: 1,500 troops!" → ["volodymyr", "zelensky", "1500", "troops"]. */
export function slugWords(text: string): string[] {
  return (
    withoutAccents(text)
      // "1,500" is one number, not two words.
      .replace(/(\d)[,.](?=\d{3}\b)/g, '$1')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 0)
  );
}

/** How alike two statements are: the share of words they have in common (Dice), 0 to 1. */
export function statementSimilarity(a: string, b: string): number {
  const left = new Set(slugWords(a));
  const right = new Set(slugWords(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/** The words as one slug, cut at a word boundary within `max`. */
export function slugify(text: string, max = MAX_ID): string {
  let slug = '';
  for (const word of slugWords(text)) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) return slug || word.slice(0, max);
    slug = next;
  }
  return slug;
}

/** Six hex digits that tell apart two things whose readable slugs came out the same. */
export function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 6);
}

/** For the form: the claimant's first three words and the statement's first six, numbered when the id is taken. */
export function newClaimId(claimant: string, statement: string, taken: (id: string) => boolean): string {
  const words = [...slugWords(claimant.split(',')[0] ?? '').slice(0, 3), ...slugWords(statement).slice(0, 6)];
  const base = words.join('-').slice(0, 56).replace(/-+$/, '') || 'claim';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** For an import: readable words of claimant and statement, and a hash of `key` (what makes the claim the same claim). */
export function generatedClaimId(claimant: string, statement: string, key: string): string {
  return `${slugify(`${claimant} ${statement}`, MAX_ID - 7) || 'claim'}-${shortHash(key)}`;
}
