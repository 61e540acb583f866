import { FormatError } from '../core/errors.ts';
import type { Dataset } from '../core/schema.ts';
import { claimReviewDocument, type Newsroom } from './claimreview.ts';
import { claimsCsv } from './csv.ts';

export const EXPORT_FORMATS = ['json', 'claimreview', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The file name ending for each format. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { json: 'json', claimreview: 'jsonld', csv: 'csv' };

export interface ExportOptions {
  /** Who reviewed the claims: the `author` of every ClaimReview. */
  newsroom: Newsroom;
  /** Only this story and its claims. */
  story?: string;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The stories and claims to export, in a stable order (stories by id; claims by story, then id), so exports diff well. */
function selection(dataset: Dataset, story: string | undefined): Dataset {
  if (story !== undefined && !dataset.stories.some((candidate) => candidate.id === story)) {
    throw new FormatError(`no story has the id "${story}"`);
  }
  const stories = dataset.stories.filter((candidate) => story === undefined || candidate.id === story).sort(byId);
  const claims = dataset.claims
    .filter((claim) => story === undefined || claim.story === story)
    .sort((a, b) => (a.story < b.story ? -1 : a.story > b.story ? 1 : byId(a, b)));
  return { stories, claims };
}

/**
 * The dataset (or one story of it) as a file: `json` is our dataset format (it passes `parseDataset`), `claimreview`
 * schema.org ClaimReview JSON-LD, `csv` a flat table with one claim per row.
 */
export function exportClaims(dataset: Dataset, format: ExportFormat, options: ExportOptions): string {
  const { stories, claims } = selection(dataset, options.story);
  switch (format) {
    case 'json':
      return `${JSON.stringify({ stories, claims }, null, 2)}\n`;
    case 'claimreview':
      return `${JSON.stringify(claimReviewDocument(stories, claims, options.newsroom), null, 2)}\n`;
    case 'csv':
      return claimsCsv(stories, claims);
  }
}
