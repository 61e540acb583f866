import { FormatError } from '../core/errors.ts';
import { ClaimSchema, StorySchema, type Claim, type Story } from '../core/schema.ts';
import { readClaimReviews, type Newsroom } from './claimreview.ts';
import { nestingProblem } from '../core/json-depth.ts';
import { futureClaimProblems, futureStoryProblems } from './future-dates.ts';
import { readClaimsCsv } from './csv.ts';
import type { Draft, Drafts, ImportFormat } from './record-draft.ts';
import { isFactCheckResponse, readFactCheckResponse } from './factcheck-api.ts';
import { importedClaimId, sameContent } from './identity.ts';
import { isObject, present, type JsonObject } from './json-values.ts';
import { schemaProblems, withSourceField, type ImportProblem, type RecordRef } from './problems.ts';

export interface ImportOptions {
  /** Called as records are read: about a hundred times for a large file, and once at the end. */
  onProgress?(done: number, total: number): void;
  /** Put every claim in this story (it must be in the file or already in the dataset). */
  story?: string;
  /** When records without timestamps were added. Default: now. */
  now?: Date;
  /** Who added records that do not say. Default: "import". */
  actor?: string;
  /** Who we are: a ClaimReview by anyone else is foreign (`ImportedClaim.foreign`). Unset: every ClaimReview is. */
  newsroom?: Newsroom;
}

export interface ImportedClaim {
  record: RecordRef;
  claim: Claim;
  /** Reviewed by another newsroom or tool (`Draft.foreign`): its id never replaces one of ours. */
  foreign?: boolean;
}

export interface ImportResult {
  format: ImportFormat;
  /** Records of claims in the file, valid or not. */
  total: number;
  claims: ImportedClaim[];
  stories: Story[];
  /** Every invalid record, by index (and id) and field. Their claims are not in `claims`. */
  problems: ImportProblem[];
}

/**
 * Reads a file of claims in any format claimbot knows: ClaimReview JSON-LD (one object, an array, a `@graph`, a
 * DataFeed), a Fact Check Tools API `claims:search` response, our dataset JSON, or our CSV. Each record is validated
 * on its own, so one bad record is named and the others still read. A file that is none of these is refused whole.
 */
export function readImport(text: string, fileName: string, options: ImportOptions = {}): ImportResult {
  const drafts = readDrafts(text.replace(/^\uFEFF/, ''), fileName, options.newsroom);
  const problems: ImportProblem[] = [];
  // With a story given, the stories the file would otherwise have put its claims in are not needed.
  const now = options.now ?? new Date();
  const stories = validStories(drafts.stories, problems, now).filter((story) => !options.story || story.id === options.story);
  const claims: ImportedClaim[] = [];
  const total = drafts.claims.length;
  const step = Math.max(1, Math.ceil(total / 100));
  const defaults = { story: options.story, stamp: now.toISOString(), actor: options.actor ?? 'import' };
  const { sourceFields } = drafts;
  drafts.claims.forEach((draft, i) => {
    const fields = withDefaults(draft.fields, defaults);
    const id = isObject(fields) ? fields.id : undefined;
    const record = typeof id === 'string' ? { ...draft.record, id } : draft.record;
    const parsed = ClaimSchema.safeParse(fields);
    // An id we could not make (no statement or claimant) is the consequence of a problem already named, not another.
    const named = parsed.success
      ? futureClaimProblems(record, parsed.data, now)
      : schemaProblems(record, parsed.error).filter((problem) => id !== undefined || problem.field !== 'id');
    if (parsed.success && named.length === 0) claims.push(present({ record, claim: parsed.data, foreign: draft.foreign }));
    problems.push(...(sourceFields ? named.map((problem) => withSourceField(problem, sourceFields)) : named));
    if ((i + 1) % step === 0 && i + 1 < total) options.onProgress?.(i + 1, total);
  });
  options.onProgress?.(total, total);
  return { format: drafts.format, total, claims, stories, problems };
}

/** By the file's name when it says (.csv, .json, .jsonld), else by its first character. */
function isCsv(text: string, fileName: string): boolean {
  if (/\.csv$/i.test(fileName)) return true;
  if (/\.json(?:ld)?$/i.test(fileName)) return false;
  return !/^\s*[[{]/.test(text);
}

function readDrafts(text: string, fileName: string, newsroom: Newsroom | undefined): Drafts {
  if (text.trim() === '') throw new FormatError(`${fileName}: the file is empty`);
  if (isCsv(text, fileName)) return readClaimsCsv(text, fileName);
  const tooDeep = nestingProblem(text);
  if (tooDeep) throw new FormatError(`${fileName}: ${tooDeep}`);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new FormatError(`${fileName}: not valid JSON: ${(error as Error).message}`);
  }
  if (isObject(root) && Array.isArray(root.stories) && Array.isArray(root.claims)) return readDatasetJson(root.stories, root.claims);
  if (isFactCheckResponse(root)) return readFactCheckResponse(root, fileName);
  const reviews = readClaimReviews(root, fileName, newsroom);
  if (reviews) return reviews;
  throw new FormatError(
    `${fileName}: no claims found: expected ClaimReview JSON-LD, a Fact Check Tools claims:search response, a claimbot dataset ({ stories, claims }) or a claimbot CSV file`,
  );
}

function readDatasetJson(stories: unknown[], claims: unknown[]): Drafts {
  const drafts = (collection: string, records: unknown[]) =>
    records.map((fields, index): Draft => {
      const id = isObject(fields) && typeof fields.id === 'string' ? fields.id : undefined;
      return { record: present({ index, label: `${collection}[${index}]`, id }), fields };
    });
  return { format: 'json', stories: drafts('stories', stories), claims: drafts('claims', claims) };
}

interface Defaults {
  story: string | undefined;
  /** When records without timestamps were added, as an ISO timestamp. */
  stamp: string;
  actor: string;
}

/** What a source may leave out and we can fill in honestly: the id (from the claim itself), when and by whom it was added. */
function withDefaults(fields: unknown, { story, stamp, actor }: Defaults): unknown {
  // Not an object at all: validation says so, once, for the whole record.
  if (!isObject(fields)) return fields;
  const filled: JsonObject = { ...fields };
  if (story) filled.story = story;
  const claimant = isObject(fields.claimant) ? fields.claimant.name : undefined;
  if (filled.id === undefined && typeof claimant === 'string' && typeof fields.statement === 'string') {
    filled.id = importedClaimId(claimant, fields.statement);
  }
  filled.createdAt = isoDateTime(filled.createdAt) ?? earlier(stamp, isoDateTime(filled.updatedAt));
  filled.updatedAt = isoDateTime(filled.updatedAt) ?? filled.createdAt;
  filled.addedBy ??= actor;
  return filled;
}

/** A timestamp in the form our schema keeps (UTC, `Z`); one it cannot read is passed on for validation to name. */
function isoDateTime(value: unknown): unknown {
  if (typeof value !== 'string' || /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function earlier(stamp: string, other: unknown): string {
  return typeof other === 'string' && other < stamp ? other : stamp;
}

/** Valid stories, one per id: a story given twice must be given the same way both times. */
function validStories(drafts: readonly Draft[], problems: ImportProblem[], now: Date): Story[] {
  const stories = new Map<string, { story: Story; record: RecordRef }>();
  for (const draft of drafts) {
    const parsed = StorySchema.safeParse(draft.fields);
    const named = parsed.success ? futureStoryProblems(draft.record, parsed.data, now) : schemaProblems(draft.record, parsed.error);
    if (!parsed.success || named.length > 0) {
      problems.push(...named);
      continue;
    }
    const first = stories.get(parsed.data.id);
    if (!first) stories.set(parsed.data.id, { story: parsed.data, record: draft.record });
    else if (!sameContent(first.story, parsed.data)) {
      problems.push({ record: draft.record, field: 'story', message: `story "${parsed.data.id}" is described differently in ${first.record.label}` });
    }
  }
  return [...stories.values()].map(({ story }) => story);
}
