import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FormatError } from '../core/errors.ts';
import type { Claim, Story } from '../core/schema.ts';
import type { Draft, Drafts } from './record-draft.ts';
import { fromSpreadsheetSafe, spreadsheetSafe } from './spreadsheet-cells.ts';
import { present, type JsonObject } from './json-values.ts';

/**
 * One claim per row, its story's details repeated on each row so that a spreadsheet is complete on its own.
 * Lists (tags, flags, a story's additional sources) are one cell, separated by semicolons.
 */
const COLUMNS = [
  'id',
  'story',
  'statement',
  'quote',
  'claimant',
  'claimantDescription',
  'citing',
  'reportedBy',
  'reportedByUrl',
  'reportedByDate',
  'context',
  'tags',
  'verdict',
  'flags',
  'note',
  'createdAt',
  'updatedAt',
  'addedBy',
  'storyTitle',
  'storyOutlet',
  'storyUrl',
  'storyDate',
  'storySourceTitle',
  'storyAdditionalSources',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

const REQUIRED: readonly Column[] = ['statement', 'claimant'];

/** The columns whose names differ from our fields'. */
const SOURCE_FIELDS = {
  'claimant.name': 'claimant',
  'claimant.description': 'claimantDescription',
  'attribution.citing': 'citing',
  'attribution.reportedBy.outlet': 'reportedBy',
  'attribution.reportedBy.url': 'reportedByUrl',
  'attribution.reportedBy.date': 'reportedByDate',
};
const LIST_SEPARATOR = '; ';

function claimRow(claim: Claim, story: Story | undefined): Record<Column, string> {
  const { citing, reportedBy } = claim.attribution;
  return {
    id: claim.id,
    story: claim.story,
    statement: claim.statement,
    quote: String(claim.quote),
    claimant: claim.claimant.name,
    claimantDescription: claim.claimant.description ?? '',
    citing: citing ?? '',
    reportedBy: reportedBy.outlet,
    reportedByUrl: reportedBy.url ?? '',
    reportedByDate: reportedBy.date ?? '',
    context: claim.context ?? '',
    tags: claim.tags.join(LIST_SEPARATOR),
    verdict: claim.verdict,
    flags: claim.flags.join(LIST_SEPARATOR),
    note: claim.note ?? '',
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    addedBy: claim.addedBy,
    storyTitle: story?.title ?? '',
    storyOutlet: story?.source.outlet ?? '',
    storyUrl: story?.source.url ?? '',
    storyDate: story?.source.date ?? '',
    storySourceTitle: story?.source.title ?? '',
    storyAdditionalSources: story?.additionalSources.join(LIST_SEPARATOR) ?? '',
  };
}

/**
 * RFC 4180: a header row, CRLF line ends, a cell quoted when it holds a comma, a quote or a line break; a cell a
 * spreadsheet would run as a formula starts with `'` (`spreadsheetSafe`), which reading it back removes.
 */
export function claimsCsv(stories: readonly Story[], claims: readonly Claim[]): string {
  const storiesById = new Map(stories.map((story) => [story.id, story]));
  const rows = claims.map((claim) => claimRow(claim, storiesById.get(claim.story)));
  // csv-stringify quotes a cell holding the record delimiter (CRLF), not one holding a bare line feed, which a
  // spreadsheet would still read as the end of the row: quoted_match quotes every line break.
  return stringify(rows, { header: true, columns: [...COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { string: spreadsheetSafe } });
}

const isColumn = (name: string): name is Column => (COLUMNS as readonly string[]).includes(name);

/** Our CSV read back. A file that is not CSV, or has columns we do not know, is refused as a whole, naming the problem. */
export function readClaimsCsv(text: string, fileName: string): Drafts {
  let rows: Row[];
  try {
    rows = parse(text, {
      columns: (header: string[]) => {
        const names = header.map((name) => name.trim());
        const unknown = names.filter((name) => !isColumn(name));
        if (unknown.length > 0)
          throw new FormatError(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (claimbot's columns: ${COLUMNS.join(', ')})`);
        const missing = REQUIRED.filter((name) => !names.includes(name));
        if (missing.length > 0) throw new FormatError(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
        return names;
      },
      skip_empty_lines: true,
    });
  } catch (error) {
    throw new FormatError(`${fileName}: not a claimbot CSV file: ${(error as Error).message}`);
  }
  const stories: Draft[] = [];
  const claims = rows.map((row, index): Draft => {
    // Spreadsheets number the header 1, so the first claim is row 2.
    const label = `row ${index + 2}`;
    if (row.story && row.storyTitle) stories.push({ record: { index, label, id: row.story }, fields: storyFields(row) });
    return { record: present({ index, label, id: row.id || undefined }), fields: claimFields(row) };
  });
  // Each row repeats its story; readImport keeps one and names any row that tells it differently.
  return { format: 'csv', claims, stories, sourceFields: SOURCE_FIELDS };
}

/** An empty cell is a missing value. */
function cell(row: Row, column: Column): string | undefined {
  const value = row[column];
  return value === undefined || value.trim() === '' ? undefined : fromSpreadsheetSafe(value);
}

function list(row: Row, column: Column): string[] {
  return (cell(row, column) ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** "true"/"false" (any case); anything else is passed on as typed, for validation to name. */
function quoteValue(value: string | undefined): unknown {
  if (value === undefined) return false;
  const lower = value.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

function claimFields(row: Row): JsonObject {
  return present({
    id: cell(row, 'id'),
    story: cell(row, 'story'),
    statement: cell(row, 'statement'),
    quote: quoteValue(cell(row, 'quote')),
    claimant: present({ name: cell(row, 'claimant'), description: cell(row, 'claimantDescription') }),
    attribution: present({
      citing: cell(row, 'citing'),
      reportedBy: present({ outlet: cell(row, 'reportedBy'), url: cell(row, 'reportedByUrl'), date: cell(row, 'reportedByDate') }),
    }),
    context: cell(row, 'context'),
    tags: list(row, 'tags'),
    verdict: cell(row, 'verdict'),
    flags: list(row, 'flags'),
    note: cell(row, 'note'),
    createdAt: cell(row, 'createdAt'),
    updatedAt: cell(row, 'updatedAt'),
    addedBy: cell(row, 'addedBy'),
  });
}

function storyFields(row: Row): JsonObject {
  return {
    id: cell(row, 'story'),
    title: cell(row, 'storyTitle'),
    source: present({ outlet: cell(row, 'storyOutlet'), url: cell(row, 'storyUrl'), date: cell(row, 'storyDate'), title: cell(row, 'storySourceTitle') }),
    additionalSources: list(row, 'storyAdditionalSources'),
  };
}
