import { ApplicationCommandOptionType, PermissionFlagsBits, type APIApplicationCommandBasicOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';
import { InvalidClaimError } from '../src/claim-check.ts';
import type { CommandContext, ComponentInput } from '../src/command.ts';
import { defineCommand } from '../src/command.ts';
import { claimForm, claimFromDraft, draftFromClaim, draftFromValues, emptyDraft, FORM_FIELDS, nearDuplicates, newClaimId, type ClaimDraft } from '../src/curation.ts';
import { UserError } from '../src/errors.ts';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, exportClaims } from '../src/exchange/export.ts';
import { historyLines } from '../src/history.ts';
import { Pending } from '../src/pending.ts';
import { answerRequest, dismissRequest, openRequest, requestChoices, requestLines } from '../src/requests.ts';
import { claimSummaryLine, escapeMarkdown, renderClaimReply, statementText, VERDICT_BADGES } from '../src/render.ts';
import type { Choice, Reply } from '../src/reply.ts';
import { FLAGS, VERDICTS, type Claim, type Verdict } from '../src/schema.ts';
import { LIMITS } from '../src/limits.ts';
import { storyChoices } from '../src/choices.ts';
import { claimAutocomplete } from './claim.ts';
import { draftFromCommand } from './draft-claims.ts';

const string = (name: string, description: string, extra: Partial<APIApplicationCommandBasicOption> = {}) =>
  ({ type: ApplicationCommandOptionType.String, name, description, ...extra }) as APIApplicationCommandBasicOption;
const claimId = (description = 'The claim (type to search)') => string('id', description, { required: true, autocomplete: true, max_length: 64 });
const verdictChoices = VERDICTS.map((verdict) => ({ name: VERDICT_BADGES[verdict].label, value: verdict }));
/** The form's fields as options too: Discord opens the form prefilled with them; the console uses them as the form. */
const formOptions = [
  string(FORM_FIELDS.statement, 'Prefill the statement', { max_length: 4000 }),
  string(FORM_FIELDS.claimant, 'Prefill the claimant: name, then a comma and who they are', { max_length: 400 }),
  string(FORM_FIELDS.citing, 'Prefill whom the claimant cites', { max_length: 300 }),
  string(FORM_FIELDS.reportedBy, 'Prefill the outlet, then its URL', { max_length: 1000 }),
  string(FORM_FIELDS.flags, `Prefill sourcing flags, comma-separated: ${FLAGS.join(', ')}`, { max_length: 200 }),
];
const requestOption = () => ({ type: ApplicationCommandOptionType.Integer as const, name: 'request', description: 'The request (type to search)', required: true, autocomplete: true, min_value: 1 });
const subcommand = (name: string, description: string, options: (APIApplicationCommandBasicOption | ReturnType<typeof requestOption>)[]) => ({ type: ApplicationCommandOptionType.Subcommand as const, name, description, options });

const data = {
  name: 'claims',
  description: 'Curate the claims (moderators)',
  // Only a default: server admins can change it, so the handlers check moderators again at run time.
  default_member_permissions: String(PermissionFlagsBits.ManageMessages),
  contexts: [0],
  options: [
    subcommand('add', 'Add a claim: opens a form', [
      string('story', 'The story it belongs to', { autocomplete: true, max_length: 64 }),
      string('verdict', 'The rating (default: unverified)', { choices: verdictChoices }),
      { type: ApplicationCommandOptionType.Boolean, name: 'quote', description: 'The statement is the claimant’s own words, verbatim' },
      ...formOptions,
    ]),
    subcommand('edit', 'Correct a claim: opens the form, filled in', [claimId(), ...formOptions]),
    subcommand('verdict', 'Re-rate a claim', [
      claimId(),
      string('verdict', 'The new rating', { required: true, choices: verdictChoices }),
      string('note', 'Why: shown with the claim', { max_length: 1000 }),
    ]),
    subcommand('flag', 'Add or remove a sourcing flag', [
      claimId(),
      string('flag', 'The flag', { required: true, choices: FLAGS.map((flag) => ({ name: flag, value: flag })) }),
      string('action', 'Add or remove it', { required: true, choices: [{ name: 'add', value: 'add' }, { name: 'remove', value: 'remove' }] }),
    ]),
    subcommand('remove', 'Take a claim out of search (it can be restored)', [claimId(), string('reason', 'Why', { required: true, max_length: 500 })]),
    subcommand('restore', 'Bring a removed claim back', [claimId('The removed claim (type to search)'), string('reason', 'Why', { max_length: 500 })]),
    subcommand('history', 'Who changed a claim, when, and how', [claimId()]),
    subcommand('requests', 'What readers asked the desk for, most asked first', []),
    subcommand('export', 'The claims as a file (only to you)', [
      string('format', 'json: the dataset format (default); claimreview: schema.org JSON-LD; csv: a table', { choices: EXPORT_FORMATS.map((format) => ({ name: format, value: format })) }),
      string('story', 'Only this story', { autocomplete: true, max_length: 64 }),
    ]),
    subcommand('answer', 'Answer a request with a claim (or, without one, add it from the request)', [
      requestOption(),
      string('claim', 'The claim that answers it; leave out to add a new one', { autocomplete: true, max_length: 64 }),
    ]),
    subcommand('dismiss', 'Close a request without a claim', [requestOption(), string('reason', 'Why', { required: true, max_length: 500 })]),
    subcommand('draft', 'Draft the claims of an article: attach it (.txt, .md, .html), or paste it into a form', [
      { type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'The article as a file, up to 1 MB' },
      string('outlet', 'Who published it (default: the story’s outlet)', { max_length: 200 }),
      string('url', 'The article’s link', { max_length: 1000 }),
      string('story', 'The story the claims belong to', { autocomplete: true, max_length: 64 }),
    ]),
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const formValues = {
  statement: z.string().optional(),
  claimant: z.string().optional(),
  citing: z.string().optional(),
  'reported-by': z.string().optional(),
  flags: z.string().optional(),
};
const ClaimsOptions = z.discriminatedUnion('subcommand', [
  z.object({ subcommand: z.literal('add'), story: z.string().optional(), verdict: z.enum(VERDICTS).default('unverified'), quote: z.boolean().default(false), ...formValues }),
  z.object({ subcommand: z.literal('edit'), id: z.string(), ...formValues }),
  z.object({ subcommand: z.literal('verdict'), id: z.string(), verdict: z.enum(VERDICTS), note: z.string().trim().min(1).optional() }),
  z.object({ subcommand: z.literal('flag'), id: z.string(), flag: z.enum(FLAGS), action: z.enum(['add', 'remove']) }),
  z.object({ subcommand: z.literal('remove'), id: z.string(), reason: z.string().trim().min(1, 'say why') }),
  z.object({ subcommand: z.literal('restore'), id: z.string(), reason: z.string().trim().min(1).optional() }),
  z.object({ subcommand: z.literal('history'), id: z.string() }),
  z.object({ subcommand: z.literal('requests') }),
  z.object({ subcommand: z.literal('export'), format: z.enum(EXPORT_FORMATS).default('json'), story: z.string().optional() }),
  z.object({ subcommand: z.literal('answer'), request: z.number().int().positive(), claim: z.string().optional() }),
  z.object({ subcommand: z.literal('dismiss'), request: z.number().int().positive(), reason: z.string().trim().min(1, 'say why') }),
  z.object({ subcommand: z.literal('draft'), file: z.string().optional(), outlet: z.string().trim().min(1).optional(), url: z.url({ error: 'must be a URL like https://example.org/article' }).optional(), story: z.string().optional() }),
]);

/** A draft the moderator can reopen after it was rejected, and the form it came from. */
const drafts = new Pending<{ formId: string; title: string; draft: ClaimDraft }>();
/** A claim waiting for "save anyway" (a near-duplicate), and removals waiting for confirmation. */
const confirmations = new Pending<{ kind: 'add'; claim: Claim; request?: number } | { kind: 'remove'; id: string; reason: string }>();

export const claimsCommand = defineCommand({
  data,
  moderatorsOnly: true,
  options: ClaimsOptions,
  async execute(options, context): Promise<Reply> {
    const { store, actor } = context;
    switch (options.subcommand) {
      case 'add': {
        const story = options.story ?? (store.stories.length === 1 ? store.stories[0]!.id : undefined);
        if (!story) throw new UserError('Say which story the claim belongs to: pick one in the story option.');
        if (!store.story(story)) throw new UserError(`There is no story “${story}”. Pick one from the list as you type.`);
        const draft = { ...emptyDraft(), ...prefill(options) };
        return { modal: claimForm(`claims:add:${story}:${options.verdict}:${options.quote ? 'quote' : 'report'}`, 'Add a claim', draft) };
      }
      case 'edit': {
        const claim = liveClaim(context, options.id);
        return { modal: claimForm(`claims:edit:${claim.id}`, 'Edit a claim', { ...draftFromClaim(claim), ...prefill(options) }) };
      }
      case 'verdict': {
        const before = liveClaim(context, options.id);
        const claim = await store.update(before.id, actor, 'verdict', (current) => ({ ...current, verdict: options.verdict, note: options.note ?? current.note }), options.note);
        return saved(context, claim, `Re-rated \`${claim.id}\`: ${VERDICT_BADGES[before.verdict].label} → ${VERDICT_BADGES[claim.verdict].label}.`);
      }
      case 'flag': {
        const claim = await store.update(liveClaim(context, options.id).id, actor, 'flag', (current) => {
          const has = current.flags.includes(options.flag);
          if (has === (options.action === 'add')) throw new UserError(`\`${current.id}\` ${has ? 'already has' : 'does not have'} the flag ${options.flag}.`);
          return { ...current, flags: has ? current.flags.filter((flag) => flag !== options.flag) : [...current.flags, options.flag] };
        });
        return saved(context, claim, `${options.action === 'add' ? 'Flagged' : 'Unflagged'} \`${claim.id}\`: ${options.flag}.`);
      }
      case 'remove': {
        const claim = liveClaim(context, options.id);
        const key = confirmations.put({ kind: 'remove', id: claim.id, reason: options.reason });
        return {
          ...renderClaimReply(claim, store.story(claim.story)),
          content: `Remove this claim from search? Reason: ${escapeMarkdown(options.reason)}\nIt stays in the database, and \`/claims restore\` brings it back.`,
          ephemeral: true,
          buttons: [{ id: `claims:confirm:${key}`, label: 'Remove', style: 'danger' }, { id: `claims:cancel:${key}`, label: 'Cancel', style: 'secondary' }],
        };
      }
      case 'restore': {
        if (!store.removedClaim(options.id)) throw new UserError(`No removed claim has the id “${options.id}”. Pick one from the list as you type.`);
        const claim = await store.restore(options.id, actor, options.reason);
        return saved(context, claim, `Restored \`${claim.id}\`: it is back in search.`);
      }
      case 'history': {
        const entries = await store.history(options.id);
        if (entries.length === 0) throw new UserError(`There is no claim “${options.id}”.`);
        // The newest changes matter most: keep them when the history is longer than one message.
        const blocks = historyLines(entries);
        let description = '';
        for (const block of blocks.toReversed()) {
          const next = `\`\`\`\n${block.replaceAll('`', 'ˋ')}\n\`\`\`\n${description}`;
          if (next.length > LIMITS.embedDescription - 100) break;
          description = next;
        }
        return { embeds: [{ title: `History of ${options.id}`, description, footer: `${entries.length} change${entries.length === 1 ? '' : 's'}, oldest first` }], ephemeral: true };
      }
      case 'requests': {
        const open = await store.database.openRequests(LIMITS.requestsListed);
        if (open.length === 0) return { content: 'No open requests: nobody has asked the desk for anything yet.', ephemeral: true };
        return {
          embeds: [{ title: 'Open requests, most asked first', description: requestLines(open).join('\n'), footer: 'Answer with /claims answer request:<n> [claim:<id>], or /claims dismiss.' }],
          ephemeral: true,
        };
      }
      case 'export': {
        if (options.story && !store.story(options.story)) throw new UserError(`There is no story “${options.story}”. Pick one from the list as you type.`);
        const dataset = store.dataset(options.story);
        const content = exportClaims(dataset, options.format, { newsroom: context.newsroom ?? { name: 'claimbot' } });
        const name = `claims${options.story ? `-${options.story}` : ''}.${EXPORT_EXTENSIONS[options.format]}`;
        return {
          content: `${dataset.claims.length} claims${options.story ? ` of ${options.story}` : ''} as ${options.format}, as of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
          files: [{ name, content }],
          ephemeral: true,
        };
      }
      case 'answer': {
        if (options.claim) return { content: await answerRequest(options.request, options.claim, context), ephemeral: true };
        // No claim yet: add one from the request, the form filled in with what the readers asked.
        const request = await openRequest(options.request, context);
        const story = store.stories.length === 1 ? store.stories[0]!.id : undefined;
        if (!story) throw new UserError('Add the claim with /claims add (say its story), then answer with /claims answer request claim.');
        return { modal: claimForm(`claims:add:${story}:unverified:report:${request.id}`, `Add a claim for request #${request.id}`, { ...emptyDraft(), statement: request.words }) };
      }
      case 'dismiss':
        return { content: await dismissRequest(options.request, options.reason, context), ephemeral: true };
      case 'draft':
        return draftFromCommand(options, context);
    }
  },
  async autocomplete(option, value, context, options = {}): Promise<Choice[]> {
    if (option === 'id' || option === 'claim') return options.subcommand === 'restore' ? removedClaimChoices(value, context) : claimAutocomplete('query', value, context);
    if (option === 'request') return requestChoices(value, context);
    if (option === 'story') return storyChoices(value, context.store.stories);
    return [];
  },
  async component(input, context): Promise<Reply> {
    return input.kind === 'form' ? submitForm(input, context) : pressButton(input, context);
  },
});

/** For `restore`: the removed claims, which search does not hold, whose id, claimant or statement contains what was typed. */
function removedClaimChoices(typed: string, { store }: CommandContext): Choice[] {
  const needle = typed.trim().toLowerCase();
  return store.removedClaims
    .filter((claim) => `${claim.id} ${claim.claimant.name} ${claim.statement}`.toLowerCase().includes(needle))
    .slice(0, LIMITS.choices)
    .map((claim) => ({ name: `${claim.id}: ${claim.claimant.name}: ${statementText(claim)}`, value: claim.id }));
}

function liveClaim({ store }: CommandContext, id: string): Claim {
  const claim = store.claim(id);
  if (claim) return claim;
  throw new UserError(store.removedClaim(id) ? `The claim “${id}” was removed; \`/claims restore\` brings it back.` : `There is no claim “${id}”. Pick one from the list as you type.`);
}

function prefill(options: Partial<Record<keyof typeof formValues, string>>): Partial<ClaimDraft> {
  const given = Object.fromEntries(Object.entries(options).filter(([name, value]) => name in formValues && value !== undefined));
  const draft = draftFromValues(given);
  return Object.fromEntries(Object.entries(draft).filter(([name]) => (name === 'reportedBy' ? 'reported-by' : name) in given));
}

/** The claim as /claim shows it, under a line saying what was done. */
function saved({ store }: CommandContext, claim: Claim, done: string): Reply {
  return { ...renderClaimReply(claim, store.story(claim.story)), content: done, ephemeral: true };
}

async function submitForm(input: Extract<ComponentInput, { kind: 'form' }>, context: CommandContext): Promise<Reply> {
  const { store, actor } = context;
  const draft = draftFromValues(input.values);
  const formId = `claims:${input.action}:${input.argument}`;
  const title = input.action === 'add' ? 'Add a claim' : 'Edit a claim';
  try {
    if (input.action === 'edit') {
      const current = liveClaim(context, input.argument);
      const edited = claimFromDraft(draft, { ...current, updatedAt: current.updatedAt });
      const claim = await store.update(current.id, actor, 'edit', (latest) => ({ ...latest, ...pickDraftFields(edited) }));
      return saved(context, claim, `Saved your edit of \`${claim.id}\`.`);
    }
    if (input.action !== 'add') throw new Error(`unknown form ${formId}`);
    const [story = '', verdict, quote, request] = input.argument.split(':');
    const now = new Date().toISOString();
    const id = newClaimId(draft, (taken) => Boolean(store.claim(taken) ?? store.removedClaim(taken)));
    const claim = claimFromDraft(draft, { id, story, verdict: verdict as Verdict, quote: quote === 'quote', createdAt: now, updatedAt: now, addedBy: actor.name });
    const { same, similar } = nearDuplicates(store.lookalikes(claim.statement), claim);
    if (same) throw new UserError(`This statement is already claim \`${same.id}\`: ${claimSummaryLine(same)}`);
    if (similar.length > 0) {
      const key = confirmations.put({ kind: 'add', claim, request: request ? Number(request) : undefined });
      return {
        content: [`This looks like a claim we already have (same claimant, very similar statement):`, ...similar.map((other) => `• ${claimSummaryLine(other)}`), '', 'Save yours anyway?'].join('\n'),
        embeds: renderClaimReply(claim, store.story(claim.story)).embeds,
        ephemeral: true,
        buttons: [{ id: `claims:confirm:${key}`, label: 'Save anyway', style: 'primary' }, { id: `claims:cancel:${key}`, label: 'Cancel', style: 'secondary' }],
      };
    }
    return await added(context, claim, request ? Number(request) : undefined);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return rejectedDraft(error, { formId, title, draft });
  }
}

/** Saves a new claim and, when it was added for a request, answers the request with it. */
async function added(context: CommandContext, claim: Claim, request: number | undefined): Promise<Reply> {
  const saving = await context.store.add(claim, context.actor);
  const answered = request === undefined ? '' : ` ${await answerRequest(request, saving.id, context)}`;
  return saved(context, saving, `Added claim \`${saving.id}\`.${answered}`);
}

/** The fields the form edits; the rest (verdict, note, tags, context) stays as the latest version has it. */
function pickDraftFields({ statement, claimant, attribution, flags }: Claim): Pick<Claim, 'statement' | 'claimant' | 'attribution' | 'flags'> {
  return { statement, claimant, attribution, flags };
}

/** Says what was wrong, shows the moderator's text back, and offers the form again, filled in as it was. */
function rejectedDraft(error: UserError, pending: { formId: string; title: string; draft: ClaimDraft }): Reply {
  const problems = error instanceof InvalidClaimError ? error.problems.map(({ field, message }) => `• **${field}**: ${message}`) : [error.message];
  const { draft } = pending;
  const echo = [
    ['Statement', draft.statement],
    ['Claimant', draft.claimant],
    ['Citing', draft.citing],
    ['Reported by', draft.reportedBy],
    ['Sourcing flags', draft.flags.join(', ')],
  ].map(([name, value]) => `**${name}**\n${value ? escapeMarkdown(value!) : '(empty)'}`);
  const key = drafts.put(pending);
  return {
    content: [`Nothing was saved:`, ...problems].join('\n'),
    embeds: [{ title: 'Your text, kept', description: echo.join('\n') }],
    ephemeral: true,
    buttons: [{ id: `claims:reopen:${key}`, label: 'Fix it', style: 'primary' }],
  };
}

async function pressButton(input: Extract<ComponentInput, { kind: 'button' }>, context: CommandContext): Promise<Reply> {
  const { store, actor } = context;
  if (input.action === 'reopen') {
    const pending = drafts.get(input.argument);
    if (!pending) throw new UserError('That form has expired (after 15 minutes); your text is in the message above. Start again with /claims.');
    return { modal: claimForm(pending.formId, pending.title, pending.draft) };
  }
  const confirmation = confirmations.take(input.argument);
  if (input.action === 'cancel') return { content: 'Cancelled: nothing was changed.', update: true, embeds: [] };
  if (input.action !== 'confirm') throw new Error(`unknown button claims:${input.action}`);
  if (!confirmation) throw new UserError('That confirmation has expired (after 15 minutes) or was already used. Nothing was changed.');
  if (confirmation.kind === 'add') return { ...(await added(context, confirmation.claim, confirmation.request)), update: true };
  const claim = await store.remove(confirmation.id, actor, confirmation.reason);
  return { content: `Removed \`${claim.id}\` from search. \`/claims restore id:${claim.id}\` brings it back.`, embeds: [], update: true };
}
