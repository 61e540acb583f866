import type { z } from 'zod';

/** Where a record sits in the imported file: `reviews[3]`, `claims[0].claimReview[1]`, `row 5` (as a spreadsheet numbers it). */
export interface RecordRef {
  /** 0-based position among the file's records of this kind. */
  index: number;
  label: string;
  /** The record's id, when it has one. */
  id?: string;
}

/** One thing wrong with one record: which record, which field (ours, as `src/schema.ts` names it), and what. */
export interface ImportProblem {
  record: RecordRef;
  field: string;
  /** The field as the file names it, when that differs: `claimReviewed` for `statement`. */
  sourceField?: string;
  message: string;
}

/** `reviews[3] (id "zelensky-coalition"), field claimant.name: must not be empty`, the way `DatasetError` says it. */
export function describeProblem({ record, field, sourceField, message }: ImportProblem): string {
  const where = record.id === undefined ? record.label : `${record.label} (id "${record.id}")`;
  const what = field ? `field ${field}${sourceField ? ` (${sourceField} in the file)` : ''}` : 'the record';
  return `${where}, ${what}: ${message}`;
}

/** The problem with the file's own name for its field: the longest of `sourceFields` that the field starts with. */
export function withSourceField(problem: ImportProblem, sourceFields: Readonly<Record<string, string>>): ImportProblem {
  let best: string | undefined;
  for (const field in sourceFields) {
    const matches = problem.field === field || problem.field.startsWith(`${field}.`) || problem.field.startsWith(`${field}[`);
    if (matches && field.length > (best?.length ?? -1)) best = field;
  }
  return best === undefined ? problem : { ...problem, sourceField: `${sourceFields[best]}${problem.field.slice(best.length)}` };
}

/** Each issue of a failed zod parse as a problem of `record`. */
export function schemaProblems(record: RecordRef, error: z.ZodError): ImportProblem[] {
  return error.issues.map((issue) => ({ record, field: formatPath(issue.path), message: issue.message }));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
