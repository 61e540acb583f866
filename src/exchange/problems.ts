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
  message: string;
}

/** `reviews[3] (id "zelensky-coalition"), field claimant.name: must not be empty`, the way `DatasetError` says it. */
export function describeProblem({ record, field, message }: ImportProblem): string {
  const where = record.id === undefined ? record.label : `${record.label} (id "${record.id}")`;
  return `${where}, ${field ? `field ${field}` : 'the record'}: ${message}`;
}

/** Each issue of a failed zod parse as a problem of `record`. */
export function schemaProblems(record: RecordRef, error: z.ZodError): ImportProblem[] {
  return error.issues.map((issue) => ({ record, field: formatPath(issue.path), message: issue.message }));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
