import { createHash } from 'node:crypto';
import type { Claim } from '../core/schema.ts';
import { contentTerms } from './text.ts';

/** Where a claim's words come from, and how much a match there counts: who said it counts as much as what was said. */
const FIELDS: readonly { weight: number; text: (claim: Claim, storyTitle: string) => string | undefined }[] = [
  { weight: 1, text: (claim) => claim.statement },
  { weight: 1, text: (claim) => claim.claimant.name },
  { weight: 0.9, text: (claim) => `${claim.attribution.citing ?? ''} ${claim.attribution.reportedBy.outlet}` },
  { weight: 0.7, text: (claim) => claim.claimant.description },
  { weight: 0.7, text: (claim) => claim.tags.join(' ') },
  { weight: 0.6, text: (claim) => claim.context },
  { weight: 0.5, text: (claim) => claim.note },
  { weight: 0.5, text: (_claim, storyTitle) => storyTitle },
];
/**
 * What a saved index depends on besides the claims: how text becomes terms, and how much each field counts. An
 * index saved under another format is built anew. The probe goes through folding, stop words, stems, numbers and
 * names; INDEX_LAYOUT counts changes to what the snapshot holds.
 */
const INDEX_LAYOUT = 1;
const PROBE =
  'Zelensky’s Ukrainian army said 10,000 North Korean soldiers (ten thousand; 2.6 million, seventy per cent) were deployed in Kursk and could be in Donetsk, U.S. officials claimed.';
/** A long field is a little less about any one of its words (BM25's length idea, mild): at most this much less. */
const LENGTH_PENALTY = 0.1;
const TYPICAL_FIELD_TERMS = 12;
export const SEARCH_FORMAT = createHash('sha256')
  .update(JSON.stringify([INDEX_LAYOUT, FIELDS.map((field) => field.weight), LENGTH_PENALTY, TYPICAL_FIELD_TERMS, contentTerms(PROBE)]))
  .digest('hex')
  .slice(0, 16);
/** Positions are numbered per field, fields this far apart, so words in different fields are never next to each other. */
const FIELD_SPAN = 1024;
/**
 * The fields that say who, FIELDS[1] and FIELDS[2] (the claimant's name; whom the claim cites and which outlet
 * reported it), as the positions they give a word: two comparisons in the loop over postings.
 */
export const WHO_FROM = 1 * FIELD_SPAN;
export const WHO_UNTIL = 3 * FIELD_SPAN;

/** Each term of a claim: the weight of the best field it appears in, and where it first appears there. */
export function claimTerms(claim: Claim, storyTitle: string): Map<string, { weight: number; position: number }> {
  const entries = new Map<string, { weight: number; position: number }>();
  FIELDS.forEach((field, fieldIndex) => {
    const fieldTerms = contentTerms(field.text(claim, storyTitle) ?? '');
    const weight = field.weight * (1 - LENGTH_PENALTY * lengthShare(fieldTerms.length));
    fieldTerms.forEach((term, i) => {
      if (weight > (entries.get(term)?.weight ?? 0)) entries.set(term, { weight, position: fieldIndex * FIELD_SPAN + Math.min(i, FIELD_SPAN - 1) });
    });
  });
  return entries;
}

/** 0 for a one-word field, towards 1 for a long one. */
function lengthShare(fieldTerms: number): number {
  return (fieldTerms - 1) / (fieldTerms - 1 + TYPICAL_FIELD_TERMS);
}
