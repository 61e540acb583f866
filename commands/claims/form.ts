import { z } from 'zod';
import type { CommandContext, ComponentInput } from '../../src/command/command.ts';
import { encodeCustomId } from '../../src/command/custom-id.ts';
import { Pending } from '../../src/command/pending.ts';
import { newClaimId } from '../../src/core/claim-id.ts';
import { RefusedError, UserError } from '../../src/core/errors.ts';
import { VERDICTS, type Claim } from '../../src/core/schema.ts';
import { InvalidClaimError } from '../../src/core/validate-claim.ts';
import {
  claimForm,
  claimFromDraft,
  draftFromClaim,
  draftFromValues,
  emptyDraft,
  FORM_FIELDS,
  nearDuplicates,
  type ClaimDraft,
} from '../../src/curation/claim-form.ts';
import { claimSummaryLine, renderClaimReply } from '../../src/views/claim-view.ts';
import { errorWords } from '../../src/views/error-words.ts';
import { escapeMarkdown } from '../../src/views/markdown.ts';
import type { Reply } from '../../src/views/reply.ts';
import type { ArgsOf, FormPrefill } from './definition.ts';
import { confirmations, doneReply, liveClaim, saveNewClaim } from './shared.ts';

/** What the add form's id carries: where the claim goes, how it is rated, and the request it answers, if any. */
const AddFormArgs = z.tuple([z.string().min(1), z.enum(VERDICTS), z.enum(['quote', 'report']), z.coerce.number().int().positive().optional()]);
type AddFormTarget = { story: string; verdict: Claim['verdict']; quote: boolean; request?: number | undefined };

/** The add form, for `target`, prefilled with `draft`. */
export function addForm(target: AddFormTarget, title: string, draft: ClaimDraft): Reply {
  const args = [target.story, target.verdict, target.quote ? 'quote' : 'report', ...(target.request === undefined ? [] : [String(target.request)])];
  return { modal: claimForm(encodeCustomId({ command: 'claims', action: 'add', args }), title, draft) };
}

export function openAddForm(options: ArgsOf<'add'>, { store }: CommandContext): Reply {
  const story = options.story ?? (store.stories.length === 1 ? store.stories[0]!.id : undefined);
  if (!story) throw new UserError('Say which story the claim belongs to: pick one in the story option.');
  if (!store.story(story)) throw new RefusedError({ kind: 'no-story', story });
  return addForm({ story, verdict: options.verdict, quote: options.quote }, 'Add a claim', { ...emptyDraft(), ...prefill(options) });
}

export function openEditForm(options: ArgsOf<'edit'>, context: CommandContext): Reply {
  const claim = liveClaim(context, options.id);
  return {
    modal: claimForm(encodeCustomId({ command: 'claims', action: 'edit', args: [claim.id] }), 'Edit a claim', {
      ...draftFromClaim(claim),
      ...prefill(options),
    }),
  };
}

/** A draft the moderator can reopen after it was rejected, and the form it came from. */
const rejectedDrafts = new Pending<{ formId: string; title: string; draft: ClaimDraft }>();

export async function submitForm(input: Extract<ComponentInput, { kind: 'form' }>, context: CommandContext): Promise<Reply> {
  const draft = draftFromValues(input.values);
  const formId = encodeCustomId({ command: 'claims', action: input.action, args: input.args });
  const title = input.action === 'add' ? 'Add a claim' : 'Edit a claim';
  try {
    if (input.action === 'edit') return await saveEdit(input.args[0] ?? '', draft, context);
    if (input.action === 'add') return await saveAdded(AddFormArgs.parse(input.args), draft, context);
    throw new Error(`unknown form ${formId}`);
  } catch (error) {
    const words = errorWords(error);
    if (words === undefined) throw error;
    return rejectedDraft(error, words, { formId, title, draft });
  }
}

async function saveEdit(id: string, draft: ClaimDraft, context: CommandContext): Promise<Reply> {
  const current = liveClaim(context, id);
  const edited = claimFromDraft(draft, { ...current, updatedAt: current.updatedAt });
  const claim = await context.store.update(current.id, context.actor, 'edit', (latest) => ({ ...latest, ...formFields(edited) }));
  return doneReply(context, claim, `Saved your edit of \`${claim.id}\`.`);
}

async function saveAdded([story, verdict, quote, request]: z.infer<typeof AddFormArgs>, draft: ClaimDraft, context: CommandContext): Promise<Reply> {
  const { store, actor } = context;
  const now = new Date().toISOString();
  const id = newClaimId(draft.claimant, draft.statement, (taken) => Boolean(store.claim(taken) ?? store.removedClaim(taken)));
  const claim = claimFromDraft(draft, { id, story, verdict, quote: quote === 'quote', createdAt: now, updatedAt: now, addedBy: actor.name });
  const { same, similar } = nearDuplicates(store.lookalikes(claim.statement), claim);
  if (same) throw new UserError(`This statement is already claim \`${same.id}\`: ${claimSummaryLine(same)}`);
  if (similar.length === 0) return saveNewClaim(context, claim, request);
  const key = confirmations.put({ kind: 'add', claim, request });
  return {
    content: [
      `This looks like a claim we already have (same claimant, very similar statement):`,
      ...similar.map((other) => `• ${claimSummaryLine(other)}`),
      '',
      'Save yours anyway?',
    ].join('\n'),
    embeds: renderClaimReply(claim, store.story(claim.story)).embeds,
    ephemeral: true,
    buttons: [
      { id: encodeCustomId({ command: 'claims', action: 'confirm', args: [key] }), label: 'Save anyway', style: 'primary' },
      { id: encodeCustomId({ command: 'claims', action: 'cancel', args: [key] }), label: 'Cancel', style: 'secondary' },
    ],
  };
}

/** The press of "Fix it": the rejected form again, filled in as it was. */
export function reopenForm(key: string): Reply {
  const pending = rejectedDrafts.get(key);
  if (!pending) throw new UserError('That form has expired (after 15 minutes); your text is in the message above. Start again with /claims.');
  return { modal: claimForm(pending.formId, pending.title, pending.draft) };
}

/** The fields the form edits; the rest (verdict, note, tags, context) stays as the latest version has it. */
function formFields({ statement, claimant, attribution, flags }: Claim): Pick<Claim, 'statement' | 'claimant' | 'attribution' | 'flags'> {
  return { statement, claimant, attribution, flags };
}

/** The form's fields given as options (the console's way to fill the form), as a partial draft. */
function prefill(options: FormPrefill): Partial<ClaimDraft> {
  const names: readonly string[] = Object.values(FORM_FIELDS);
  const given = Object.fromEntries(Object.entries(options).filter(([name, value]) => names.includes(name) && value !== undefined));
  const draft = draftFromValues(given);
  return Object.fromEntries(Object.entries(draft).filter(([name]) => (name === 'reportedBy' ? FORM_FIELDS.reportedBy : name) in given));
}

/** Says what was wrong, shows the moderator's text back, and offers the form again, filled in as it was. */
function rejectedDraft(error: unknown, words: string, pending: { formId: string; title: string; draft: ClaimDraft }): Reply {
  const problems = error instanceof InvalidClaimError ? error.problems.map(({ field, message }) => `• **${field}**: ${message}`) : [words];
  const { draft } = pending;
  const echo = [
    ['Statement', draft.statement],
    ['Claimant', draft.claimant],
    ['Citing', draft.citing],
    ['Reported by', draft.reportedBy],
    ['Sourcing flags', draft.flags.join(', ')],
  ].map(([name, value]) => `**${name}**\n${value ? escapeMarkdown(value) : '(empty)'}`);
  const key = rejectedDrafts.put(pending);
  return {
    content: [`Nothing was saved:`, ...problems].join('\n'),
    embeds: [{ title: 'Your text, kept', description: echo.join('\n') }],
    ephemeral: true,
    buttons: [{ id: encodeCustomId({ command: 'claims', action: 'reopen', args: [key] }), label: 'Fix it', style: 'primary' }],
  };
}
