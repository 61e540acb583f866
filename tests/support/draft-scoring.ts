import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statementSimilarity } from '../../src/core/claim-id.ts';
import { formatOfName } from '../../src/draft/article.ts';
import { draftClaims, type Draft } from '../../src/draft/drafter.ts';
import { comparableText, type Claim, type Party } from '../../src/core/schema.ts';

export const ARTICLES_DIR = join(import.meta.dirname, '../fixtures/articles');
export const SEED_ARTICLE = join(import.meta.dirname, '../../../shared/seed/article.txt');

/** What a desk drafted by hand from one article, before the drafter was written. */
export interface HandDrafted {
  name: string;
  file: string;
  outlet: string;
  claims: Pick<Claim, 'statement' | 'quote' | 'claimant' | 'attribution' | 'flags'>[];
}

export function handDraftedArticles(): HandDrafted[] {
  return readdirSync(ARTICLES_DIR)
    .filter((file) => formatOfName(file) !== undefined)
    .map((file) => {
      const name = file.replace(/\.[a-z]+$/, '');
      const expected = JSON.parse(readFileSync(join(ARTICLES_DIR, `${name}.expected.json`), 'utf8')) as { outlet: string; claims: HandDrafted['claims'] };
      return { name, file: join(ARTICLES_DIR, file), outlet: expected.outlet, claims: expected.claims };
    });
}

/** The same statement: the hand draft's words are (nearly all) in the draft, and the draft is not much more. */
export function sameStatement(draft: string, expected: string): boolean {
  if (comparableText(draft) === comparableText(expected)) return true;
  const words = (text: string) =>
    comparableText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const drafted = new Set(words(draft));
  const wanted = words(expected);
  const covered = wanted.filter((word) => drafted.has(word)).length / wanted.length;
  return covered >= 0.85 && statementSimilarity(draft, expected) >= 0.6;
}

/** The same claimant: the same name, or one name inside the other ("ISW" in "Institute for the Study of War (ISW)"). */
export function sameClaimant(draft: Party, expected: Party): boolean {
  const name = (party: Party) =>
    comparableText(party.name)
      .replace(/^the\s+/, '')
      .replace(/[()]/g, '');
  const a = name(draft);
  const b = name(expected);
  return (
    a === b ||
    ` ${a} `.includes(` ${b} `) ||
    ` ${b} `.includes(` ${a} `) ||
    b.split(' ').some((word) => word.length > 2 && /^\p{Lu}/u.test(word) && a.split(' ').includes(word))
  );
}

export interface Scored {
  drafts: Draft[];
  /** Hand-drafted claims found with their claimant, by index, and whether their flags are the same set. */
  found: { expected: number; draft: number; flagsRight: boolean }[];
  /** Drafts whose statement matches no hand-drafted claim. */
  unmatched: Draft[];
  /** Drafts of a hand-drafted statement, but with another claimant. */
  wrongClaimant: Draft[];
}

export function score(drafts: Draft[], expected: HandDrafted['claims']): Scored {
  const used = new Set<number>();
  const found: Scored['found'] = [];
  expected.forEach((claim, e) => {
    const d = drafts.findIndex((draft, i) => !used.has(i) && sameStatement(draft.statement, claim.statement) && sameClaimant(draft.claimant, claim.claimant));
    if (d === -1) return;
    used.add(d);
    const flagsRight = [...drafts[d]!.flags].sort().join() === [...claim.flags].sort().join();
    found.push({ expected: e, draft: d, flagsRight });
  });
  const unmatched = drafts.filter((draft, i) => !used.has(i) && !expected.some((claim) => sameStatement(draft.statement, claim.statement)));
  const wrongClaimant = drafts.filter((draft, i) => !used.has(i) && !unmatched.includes(draft));
  return { drafts, found, unmatched, wrongClaimant };
}

export function draftFile(file: string, outlet: string, held: Claim[] = []): Promise<Draft[]> {
  return draftClaims(readFileSync(file, 'utf8'), formatOfName(file) ?? 'text', { outlet }, held);
}
