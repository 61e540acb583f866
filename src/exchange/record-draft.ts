import type { RecordRef } from './problems.ts';

/**
 * A record as a format reader understood it, shaped like a Claim (or a Story) but not yet validated: fields the
 * source lacks are absent (the id, timestamps and who added it are filled in afterwards), wrong ones are kept as they
 * were so that validation names them.
 */
export interface Draft {
  record: RecordRef;
  /** An object, except where a file holds something else in a record's place (validation then names it). */
  fields: unknown;
  /** A review by another newsroom or tool: what it calls its identifier is its own, not one of our ids. */
  foreign?: boolean;
}

export type ImportFormat = 'json' | 'claimreview' | 'factcheck-api' | 'csv';

/** What one format reader found in a file. */
export interface Drafts {
  format: ImportFormat;
  claims: Draft[];
  stories: Draft[];
  /** Where the format keeps our claim fields, when it names them differently: `statement` is `claimReviewed`. */
  sourceFields?: Readonly<Record<string, string>>;
}
