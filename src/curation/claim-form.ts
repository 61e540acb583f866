import { statementSimilarity } from '../core/claim-id.ts';
import { InvalidClaimError, checkClaim } from '../core/validate-claim.ts';
import type { ModalForm } from '../views/reply.ts';
import { comparableText, FLAGS, type Claim, type Flag } from '../core/schema.ts';

/**
 * A moderator's claim as typed into the form (or given as console options): plain strings, kept as typed so a
 * rejected form can be shown again exactly as it was.
 */
export interface ClaimDraft {
  statement: string;
  /** "Volodymyr Zelensky, Ukrainian President": the name, then after the first comma who they are. */
  claimant: string;
  citing: string;
  /** "Euronews https://www.euronews.com/…": the outlet, then its URL when known. */
  reportedBy: string;
  flags: string[];
}

/** The form's inputs by the names the console uses as options. */
export const FORM_FIELDS = { statement: 'statement', claimant: 'claimant', citing: 'citing', reportedBy: 'reported-by', flags: 'flags' } as const;

const LABELS: Record<keyof ClaimDraft, string> = {
  statement: 'Statement',
  claimant: 'Claimant',
  citing: 'Citing',
  reportedBy: 'Reported by',
  flags: 'Sourcing flags',
};

export function emptyDraft(): ClaimDraft {
  return { statement: '', claimant: '', citing: '', reportedBy: '', flags: [] };
}

export function draftFromClaim(claim: Claim): ClaimDraft {
  const { reportedBy } = claim.attribution;
  return {
    statement: claim.statement,
    claimant: claim.claimant.description ? `${claim.claimant.name}, ${claim.claimant.description}` : claim.claimant.name,
    citing: claim.attribution.citing ?? '',
    reportedBy: reportedBy.url ? `${reportedBy.outlet} ${reportedBy.url}` : reportedBy.outlet,
    flags: [...claim.flags],
  };
}

/** The values a form or the console sent, as a draft; absent ones are empty. */
export function draftFromValues(values: Record<string, string | string[] | undefined>): ClaimDraft {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };
  const flags = values[FORM_FIELDS.flags];
  return {
    statement: text(FORM_FIELDS.statement),
    claimant: text(FORM_FIELDS.claimant),
    citing: text(FORM_FIELDS.citing),
    reportedBy: text(FORM_FIELDS.reportedBy),
    flags: (Array.isArray(flags) ? flags : (flags ?? '').split(',')).map((flag) => flag.trim()).filter(Boolean),
  };
}

/** The add / edit form, filled with `draft`. */
export function claimForm(id: string, title: string, draft: ClaimDraft): ModalForm {
  return {
    id,
    title,
    inputs: [
      {
        kind: 'text',
        id: FORM_FIELDS.statement,
        label: LABELS.statement,
        description: 'The words claimed, exactly as reported',
        value: draft.statement,
        required: true,
        long: true,
        maxLength: 4000,
      },
      {
        kind: 'text',
        id: FORM_FIELDS.claimant,
        label: LABELS.claimant,
        description: 'Who made the claim; after a comma, who they are',
        value: draft.claimant,
        required: true,
        long: false,
        maxLength: 400,
        placeholder: 'Volodymyr Zelensky, Ukrainian President',
      },
      {
        kind: 'text',
        id: FORM_FIELDS.citing,
        label: LABELS.citing,
        description: 'Whom the claimant relays, if anyone',
        value: draft.citing,
        required: false,
        long: false,
        maxLength: 300,
        placeholder: 'Western sources',
      },
      {
        kind: 'text',
        id: FORM_FIELDS.reportedBy,
        label: LABELS.reportedBy,
        description: 'The outlet, then the URL of its report when known',
        value: draft.reportedBy,
        required: true,
        long: false,
        maxLength: 1000,
        placeholder: 'Euronews https://www.euronews.com/…',
      },
      {
        kind: 'select',
        id: FORM_FIELDS.flags,
        label: LABELS.flags,
        description: 'How the claim is sourced, as reported',
        options: FLAGS.map((flag) => ({ name: FLAG_NAMES[flag], value: flag })),
        selected: draft.flags.filter((flag): flag is Flag => (FLAGS as readonly string[]).includes(flag)),
        maxValues: FLAGS.length,
      },
    ],
  };
}

const FLAG_NAMES: Record<Flag, string> = {
  'anonymous-source': 'Anonymous source',
  secondhand: 'Secondhand (relays someone else)',
  'single-source': 'Single source',
  'outlet-unverified': 'The outlet could not verify it',
  'interested-party': 'Interested party',
};

/** What the form does not hold: where the claim belongs and how it is rated. */
export interface ClaimFrame {
  id: string;
  story: string;
  quote: boolean;
  verdict: Claim['verdict'];
  createdAt: string;
  updatedAt: string;
  addedBy: string;
  /** Kept from the claim being edited. */
  context?: string;
  note?: string;
  tags?: string[];
}

/** The claim a draft describes, validated with the dataset's schema; an InvalidClaimError names the form's fields. */
export function claimFromDraft(draft: ClaimDraft, frame: ClaimFrame): Claim {
  const [name = '', ...description] = draft.claimant.split(',');
  // Any scheme's URL at the end is taken as the URL (and refused by the schema unless http(s)), not left in the outlet's name.
  const url = /\s([a-z][a-z0-9+.-]*:\/\/\S+|(?:javascript|data|file|vbscript):\S+)\s*$/i.exec(` ${draft.reportedBy}`)?.[1];
  const outlet = url ? ` ${draft.reportedBy}`.slice(0, ` ${draft.reportedBy}`.lastIndexOf(url)).trim() : draft.reportedBy.trim();
  const candidate = {
    id: frame.id,
    story: frame.story,
    statement: draft.statement.trim(),
    quote: frame.quote,
    claimant: { name: name.trim(), ...(description.join(',').trim() ? { description: description.join(',').trim() } : {}) },
    attribution: { ...(draft.citing.trim() ? { citing: draft.citing.trim() } : {}), reportedBy: { outlet, ...(url ? { url } : {}) } },
    ...(frame.context ? { context: frame.context } : {}),
    tags: frame.tags ?? [],
    verdict: frame.verdict,
    flags: draft.flags,
    ...(frame.note ? { note: frame.note } : {}),
    createdAt: frame.createdAt,
    updatedAt: frame.updatedAt,
    addedBy: frame.addedBy,
  };
  try {
    return checkClaim(candidate);
  } catch (error) {
    if (!(error instanceof InvalidClaimError)) throw error;
    throw new InvalidClaimError(error.problems.map(({ field, message }) => ({ field: formLabel(field), message })));
  }
}

/** The form's name for a field of the claim: what the moderator sees and can fix. */
function formLabel(field: string): string {
  if (field.startsWith('claimant')) return field === 'claimant.description' ? `${LABELS.claimant} (after the comma)` : LABELS.claimant;
  if (field === 'attribution.citing') return LABELS.citing;
  if (field.startsWith('attribution.reportedBy')) return field.endsWith('url') ? `${LABELS.reportedBy} (the URL)` : LABELS.reportedBy;
  if (field.startsWith('flags')) return LABELS.flags;
  if (field === 'statement') return LABELS.statement;
  return field;
}

/** Above this, two statements by the same claimant are probably the same claim worded twice. */
export const NEAR_DUPLICATE = 0.7;

/**
 * Claims the new one may repeat: the same statement by anyone, or a very similar one by the same claimant.
 * The same statement cannot be saved twice; a similar one can, once the moderator confirms.
 */
export function nearDuplicates(claims: Iterable<Claim>, candidate: Claim): { same: Claim | undefined; similar: Claim[] } {
  const statement = comparableText(candidate.statement);
  const claimant = comparableText(candidate.claimant.name);
  let same: Claim | undefined;
  const similar: Claim[] = [];
  for (const claim of claims) {
    if (claim.id === candidate.id) continue;
    if (comparableText(claim.statement) === statement) same = claim;
    else if (comparableText(claim.claimant.name) === claimant && statementSimilarity(claim.statement, candidate.statement) >= NEAR_DUPLICATE)
      similar.push(claim);
  }
  return { same, similar: similar.slice(0, 3) };
}
