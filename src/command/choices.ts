import { firstGraphemes, stripInvisible } from '../core/text.ts';
import { VERDICTS, type Claim, type Story, type Verdict } from '../core/schema.ts';
import { MAX_QUERY_LENGTH } from '../search/query.ts';
import type { ClaimStore } from '../store/claim-store.ts';
import { statementText, VERDICT_BADGES } from '../views/claim-view.ts';
import { LIMITS } from '../views/limits.ts';
import type { Choice } from '../views/reply.ts';

/** Every verdict option's choices: the badge a reader sees, the verdict as the value. */
export const VERDICT_CHOICES = VERDICTS.map((verdict) => ({ name: VERDICT_BADGES[verdict].label, value: verdict }));

/** The stories whose title or id contains what was typed: the choices of every `story` option. */
export function storyChoices(typed: string, stories: readonly Story[]): Choice[] {
  const needle = typed.trim().toLowerCase();
  return stories
    .filter((story) => story.title.toLowerCase().includes(needle) || story.id.includes(needle))
    .map((story) => ({ name: story.title, value: story.id }));
}

export interface ClaimFilters {
  verdict?: Verdict | undefined;
  story?: string | undefined;
}

/** Claimant and the start of the statement; the value is the claim id, so picking one shows exactly that claim. */
export function claimChoices(typed: string, store: ClaimStore, filters: ClaimFilters = {}): Choice[] {
  const claims = stripInvisible(typed).trim()
    ? store.search(firstGraphemes(typed, MAX_QUERY_LENGTH), { ...filters, mode: 'typing', limit: LIMITS.choices }).map((hit) => hit.claim)
    : store.newest(LIMITS.choices, filters);
  return claims.map((claim) => ({ name: `${claim.claimant.name}: ${statementText(claim)}`, value: claim.id }));
}

/** The removed claims, which search does not hold, whose id, claimant or statement contains what was typed. */
export function removedClaimChoices(typed: string, store: ClaimStore): Choice[] {
  const needle = typed.trim().toLowerCase();
  return store.removedClaims
    .filter((claim: Claim) => `${claim.id} ${claim.claimant.name} ${claim.statement}`.toLowerCase().includes(needle))
    .slice(0, LIMITS.choices)
    .map((claim) => ({ name: `${claim.id}: ${claim.claimant.name}: ${statementText(claim)}`, value: claim.id }));
}
