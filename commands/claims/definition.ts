import { PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { z } from 'zod';
import { VERDICT_CHOICES } from '../../src/command/choices.ts';
import { attachmentOption, booleanOption, choiceOption, integerOption, subcommand, subcommands, textOption, urlOption } from '../../src/command/options.ts';
import { FLAGS } from '../../src/core/schema.ts';
import { FORM_FIELDS } from '../../src/curation/claim-form.ts';
import { EXPORT_FORMATS } from '../../src/exchange/export.ts';

const claimId = (description = 'The claim (type to search)') => textOption('id', description, { autocomplete: true, maxLength: 64 }).required();
const request = () => integerOption('request', 'The request (type to search)', { min: 1, autocomplete: true }).required();
const reason = () => textOption('reason', 'Why', { maxLength: 500, notBlank: 'say why' }).required();
const story = (description: string) => textOption('story', description, { autocomplete: true, maxLength: 64 });
/** The form's fields as options too: Discord opens the form prefilled with them; the console uses them as the form. */
const formOptions = [
  textOption(FORM_FIELDS.statement, 'Prefill the statement', { maxLength: 4000 }),
  textOption(FORM_FIELDS.claimant, 'Prefill the claimant: name, then a comma and who they are', { maxLength: 400 }),
  textOption(FORM_FIELDS.citing, 'Prefill whom the claimant cites', { maxLength: 300 }),
  textOption(FORM_FIELDS.reportedBy, 'Prefill the outlet, then its URL', { maxLength: 1000 }),
  textOption(FORM_FIELDS.flags, 'Prefill sourcing flags, comma-separated (see the form for each)', { maxLength: 200 }),
] as const;

/** Every /claims subcommand and its options, declared once: the Discord JSON and the handlers' schema come from here. */
const claimsOptions = subcommands([
  subcommand('add', 'Add a claim: opens a form', [
    story('The story it belongs to'),
    choiceOption('verdict', 'The rating (default: unverified)', VERDICT_CHOICES).orElse('unverified'),
    booleanOption('quote', 'The statement is the claimant’s own words, verbatim').orElse(false),
    ...formOptions,
  ]),
  subcommand('edit', 'Correct a claim: opens the form, filled in', [claimId(), ...formOptions]),
  subcommand('verdict', 'Re-rate a claim', [
    claimId(),
    choiceOption('verdict', 'The new rating', VERDICT_CHOICES).required(),
    textOption('note', 'Why: shown with the claim', { maxLength: 1000, notBlank: 'say why, or leave it out' }),
  ]),
  subcommand('flag', 'Add or remove a sourcing flag', [
    claimId(),
    choiceOption(
      'flag',
      'The flag',
      FLAGS.map((flag) => ({ name: flag, value: flag })),
    ).required(),
    choiceOption('action', 'Add or remove it', [
      { name: 'add', value: 'add' },
      { name: 'remove', value: 'remove' },
    ] as const).required(),
  ]),
  subcommand('remove', 'Take a claim out of search (it can be restored)', [claimId(), reason()]),
  subcommand('restore', 'Bring a removed claim back', [
    claimId('The removed claim (type to search)'),
    textOption('reason', 'Why', { maxLength: 500, notBlank: 'say why, or leave it out' }),
  ]),
  subcommand('history', 'Who changed a claim, when, and how', [claimId()]),
  subcommand('requests', 'What readers asked the desk for, most asked first', []),
  subcommand('export', 'The claims as a file (only to you)', [
    choiceOption(
      'format',
      'json: the dataset format (default); claimreview: schema.org JSON-LD; csv: a table',
      EXPORT_FORMATS.map((format) => ({ name: format, value: format })),
    ).orElse('json'),
    story('Only this story'),
  ]),
  subcommand('answer', 'Answer a request with a claim (or, without one, add it from the request)', [
    request(),
    textOption('claim', 'The claim that answers it; leave out to add a new one', { autocomplete: true, maxLength: 64 }),
  ]),
  subcommand('dismiss', 'Close a request without a claim', [request(), reason()]),
  subcommand('draft', 'Draft the claims of an article: attach it (.txt, .md, .html), or paste it into a form', [
    attachmentOption('file', 'The article as a file, up to 1 MB'),
    textOption('outlet', 'Who published it (default: the story’s outlet)', { maxLength: 200, notBlank: 'name the outlet, or leave it out' }),
    urlOption('url', 'The article’s link', { maxLength: 1000 }),
    story('The story the claims belong to'),
  ]),
]);

export const claimsData = {
  name: 'claims',
  description: 'Curate the claims (moderators)',
  // Only a default: server admins can change it, so the handlers check moderators again at run time.
  default_member_permissions: String(PermissionFlagsBits.ManageMessages),
  contexts: [0],
  options: claimsOptions.json,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const ClaimsOptions = claimsOptions.schema;
export type ClaimsArgs = z.infer<typeof ClaimsOptions>;
/** The arguments of one subcommand. */
export type ArgsOf<S extends ClaimsArgs['subcommand']> = Extract<ClaimsArgs, { subcommand: S }>;
/** The prefill options the add and edit forms take. */
export type FormPrefill = Partial<Record<(typeof formOptions)[number]['name'], string>>;
