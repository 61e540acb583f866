import { InvalidClaimError } from '../core/validate-claim.ts';
import type { CommandContext } from '../command/command.ts';
import { claimForm, claimFromDraft, draftFromClaim, draftFromValues, nearDuplicates, type ClaimDraft } from '../curation/claim-form.ts';
import { newClaimId } from '../core/claim-id.ts';
import { encodeCustomId } from '../command/custom-id.ts';
import { UserError } from '../core/errors.ts';
import { Pending } from '../command/pending.ts';
import { claimSummaryLine } from '../views/claim-view.ts';
import { escapeMarkdown } from '../views/markdown.ts';
import type { Reply, ReplyButton } from '../views/reply.ts';
import type { Claim } from '../core/schema.ts';
import { claimOfDraft, draftEmbed } from './draft-claims.ts';
import type { ArticleSource, Draft } from './drafter.ts';

/** The command whose buttons and forms page through drafts: both "Draft claims" and `/claims draft` answer with them. */
export const DRAFT_COMMAND = 'Draft claims';

/** A moderator going through the drafts of one article, one at a time. */
interface Review {
  drafts: Draft[];
  story: string;
  source: ArticleSource;
  /** The draft shown now; past the end when all are done. */
  index: number;
  saved: string[];
  skipped: number;
  /** Repeats of claims we hold, or left for later, that "Save all" did not save. */
  heldBack: number;
  /** A claim waiting for "Save anyway" (its statement is very like one we hold), or an edit to fix. */
  waiting?: Claim;
  edit?: ClaimDraft;
}

// An hour: a desk goes through a long article's drafts at its own pace; each press is a fresh interaction.
const reviews = new Pending<Review>(60 * 60_000);

export function startReview(drafts: Draft[], story: string, source: ArticleSource, context: CommandContext): Reply {
  const review: Review = { drafts, story, source, index: 0, saved: [], skipped: 0, heldBack: 0 };
  const key = reviews.put(review);
  const from = source.url ? `${escapeMarkdown(source.outlet)} (${source.url})` : escapeMarkdown(source.outlet);
  return {
    ...page(key, review, context, `Drafted ${drafts.length} claim${drafts.length === 1 ? '' : 's'} from ${from}. Nothing is saved until you press Save.`),
    update: false,
  };
}

/** The draft shown now, as /claim would show it, with what can be done with it. */
function page(key: string, review: Review, context: CommandContext, note?: string): Reply {
  const { drafts, index } = review;
  if (index >= drafts.length) return { ...finished(review, note), update: true, ephemeral: true };
  const draft = drafts[index]!;
  const claim = claimOfDraft(draft, review.story, (id) => taken(context, id));
  const repeat = draft.repeats ? ` · repeats claim \`${draft.repeats}\`` : '';
  return {
    content: [note, `**Draft ${index + 1} of ${drafts.length}**${repeat}`].filter(Boolean).join('\n'),
    embeds: [draftEmbed(claim, context.store.story(review.story))],
    ephemeral: true,
    update: true,
    buttons: [
      button('save', key, 'Save', 'success'),
      button('edit', key, 'Edit', 'primary'),
      button('skip', key, 'Skip', 'secondary'),
      button('all', key, 'Save all', 'secondary'),
    ],
  };
}

function finished(review: Review, note?: string): Reply {
  const saved = review.saved.length === 0 ? 'No claim was saved' : `Saved ${review.saved.length}: ${review.saved.map((id) => `\`${id}\``).join(', ')}`;
  const rest = [review.skipped > 0 ? `skipped ${review.skipped}` : '', review.heldBack > 0 ? `${review.heldBack} not saved (they repeat claims we hold)` : '']
    .filter(Boolean)
    .join('; ');
  return { content: [note, `Done with the ${review.drafts.length} drafts. ${saved}${rest ? `; ${rest}` : ''}.`].filter(Boolean).join('\n'), embeds: [] };
}

function button(action: string, key: string, label: string, style: ReplyButton['style']): ReplyButton {
  return { id: encodeCustomId({ command: DRAFT_COMMAND, action, args: [key] }), label, style };
}

function taken({ store }: CommandContext, id: string): boolean {
  return Boolean(store.claim(id) ?? store.removedClaim(id));
}

function reviewOf(key: string): Review {
  const review = reviews.get(key);
  if (!review) throw new UserError('These drafts have expired (after an hour): draft the article again.');
  return review;
}

/** Save, Save anyway, Edit, Skip, Save all. */
export async function pressReviewButton(action: string, key: string, context: CommandContext): Promise<Reply> {
  const review = reviewOf(key);
  const draft = review.drafts[review.index];
  if (!draft) return { ...finished(review), update: true, ephemeral: true };
  switch (action) {
    case 'save':
      return afterSaving(key, review, context, await save(review, formOf(draft, review), draft, context, false));
    case 'force': {
      const waiting = review.waiting;
      if (!waiting) throw new UserError('Nothing is waiting to be saved: press Save on the draft.');
      review.waiting = undefined;
      return afterSaving(key, review, context, await add(review, waiting, context));
    }
    case 'skip':
      review.skipped++;
      review.index++;
      return page(key, review, context);
    case 'edit':
      return {
        modal: claimForm(
          encodeCustomId({ command: DRAFT_COMMAND, action: 'edited', args: [key] }),
          `Edit draft ${review.index + 1} of ${review.drafts.length}`,
          review.edit ?? formOf(draft, review),
        ),
      };
    case 'all':
      return saveAll(key, review, context);
    default:
      throw new Error(`unknown button ${DRAFT_COMMAND}:${action}`);
  }
}

/** The edit form, submitted: saved like any added claim, or the moderator's text shown back with what is wrong. */
export async function submitEditedDraft(key: string, values: Record<string, string | string[]>, context: CommandContext): Promise<Reply> {
  const review = reviewOf(key);
  const draft = review.drafts[review.index];
  if (!draft) return { ...finished(review), ephemeral: true };
  const form = draftFromValues(values);
  try {
    const outcome = await save(review, form, draft, context, false);
    review.edit = undefined;
    return { ...afterSaving(key, review, context, outcome), update: false };
  } catch (error) {
    if (!(error instanceof InvalidClaimError)) throw error;
    review.edit = form;
    const problems = error.problems.map(({ field, message }) => `• **${field}**: ${message}`);
    const echo = [
      ['Statement', form.statement],
      ['Claimant', form.claimant],
      ['Citing', form.citing],
      ['Reported by', form.reportedBy],
      ['Sourcing flags', form.flags.join(', ')],
    ].map(([name, value]) => `**${name}**\n${value ? escapeMarkdown(value) : '(empty)'}`);
    return {
      content: ['Nothing was saved:', ...problems].join('\n'),
      embeds: [{ title: 'Your text, kept', description: echo.join('\n') }],
      ephemeral: true,
      buttons: [button('edit', key, 'Fix it', 'primary'), button('skip', key, 'Skip', 'secondary')],
    };
  }
}

type Outcome = { saved: Claim } | { same: Claim } | { similar: Claim[]; claim: Claim };

/**
 * The path of any added claim: the form's validation (`claimFromDraft`), the near-duplicate check, then the store,
 * whose audit names the moderator and the article the claim was drafted from.
 */
async function save(review: Review, form: ClaimDraft, draft: Draft, context: CommandContext, force: boolean): Promise<Outcome> {
  const now = new Date().toISOString();
  const id = newClaimId(form.claimant, form.statement, (candidate: string) => taken(context, candidate));
  const claim = claimFromDraft(form, {
    id,
    story: review.story,
    quote: draft.quote,
    verdict: 'unverified',
    createdAt: now,
    updatedAt: now,
    addedBy: context.actor.name,
    ...(draft.context ? { context: draft.context } : {}),
  });
  const { same, similar } = nearDuplicates(context.store.lookalikes(claim.statement), claim);
  if (same) return { same };
  if (similar.length > 0 && !force) return { similar, claim };
  return add(review, claim, context);
}

async function add(review: Review, claim: Claim, context: CommandContext): Promise<Outcome> {
  const { outlet, url } = review.source;
  const saved = await context.store.add(claim, context.actor, `drafted from ${outlet}${url ? ` ${url}` : ''}`);
  review.saved.push(saved.id);
  return { saved };
}

function afterSaving(key: string, review: Review, context: CommandContext, outcome: Outcome): Reply {
  if ('similar' in outcome) {
    review.waiting = outcome.claim;
    return {
      content: [
        'This looks like a claim we already have (same claimant, very similar statement):',
        ...outcome.similar.map((other) => `• ${claimSummaryLine(other)}`),
        '',
        'Save it anyway?',
      ].join('\n'),
      embeds: [draftEmbed(outcome.claim, context.store.story(review.story))],
      ephemeral: true,
      update: true,
      buttons: [button('force', key, 'Save anyway', 'primary'), button('skip', key, 'Skip', 'secondary')],
    };
  }
  review.index++;
  if ('same' in outcome) {
    review.heldBack++;
    return page(key, review, context, `Not saved: this statement is already claim \`${outcome.same.id}\`.`);
  }
  return page(key, review, context, `Saved claim \`${outcome.saved.id}\`.`);
}

/** Saves every draft left that repeats nothing we hold; those that do are left for the desk to look at. */
async function saveAll(key: string, review: Review, context: CommandContext): Promise<Reply> {
  for (; review.index < review.drafts.length; review.index++) {
    const draft = review.drafts[review.index]!;
    try {
      const outcome = await save(review, formOf(draft, review), draft, context, false);
      if (!('saved' in outcome)) review.heldBack++;
    } catch (error) {
      if (!(error instanceof InvalidClaimError)) throw error;
      review.heldBack++;
    }
  }
  return page(key, review, context);
}

/** A draft as the add form holds it, so saving it runs exactly the form's checks. */
function formOf(draft: Draft, review: Review): ClaimDraft {
  return draftFromClaim(claimOfDraft(draft, review.story, () => false));
}
