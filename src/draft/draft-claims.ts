import { newClaimId } from '../core/claim-id.ts';
import { renderClaimEmbed } from '../views/claim-view.ts';
import type { ReplyEmbed } from '../views/reply.ts';
import type { Claim, Story } from '../core/schema.ts';
import { draftClaims, type ArticleSource, type Draft } from './drafter.ts';
import { NO_CLAIMS, readArticle } from './input.ts';
import { UserError } from '../core/errors.ts';

/**
 * The drafts of the article in `bytes`, checked as the CLI and Discord both need: a UserError with one line for
 * input the drafter cannot read or that holds no attributed statement.
 */
export async function draftArticle(bytes: Uint8Array, name: string | undefined, source: ArticleSource, held: Iterable<Claim>): Promise<Draft[]> {
  const { text, format } = readArticle(bytes, name);
  const drafts = await draftClaims(text, format, source, held);
  if (drafts.length === 0) throw new UserError(NO_CLAIMS);
  return drafts;
}

/** A draft as a whole claim, so it can be shown as /claim shows one: unverified, in `story`, with a fresh id. */
export function claimOfDraft(draft: Draft, story: string, taken: (id: string) => boolean, now = new Date().toISOString()): Claim {
  const { repeats: _repeats, ...fields } = draft;
  const base = { ...fields, id: 'draft', story, tags: [], verdict: 'unverified' as const, createdAt: now, updatedAt: now, addedBy: 'drafter' };
  return { ...base, id: newClaimId(base.claimant.name, base.statement, taken) };
}

/** A draft shown as /claim shows a claim, except what it does not have yet: a story (when none was given) and a saved date. */
export function draftEmbed(claim: Claim, story: Story | undefined): ReplyEmbed {
  const embed = renderClaimEmbed(claim, story);
  return { ...embed, fields: story ? embed.fields : embed.fields?.filter(({ name }) => name !== 'Story'), footer: `would be saved as claim ${claim.id}` };
}
