import { slugify } from '../core/claim-id.ts';
import { generatedStoryId } from './identity.ts';
import { present, type JsonObject } from './json-values.ts';
import { ratingToVerdict } from './ratings.ts';
import type { Verdict } from '../core/schema.ts';

/** A fact-check article as another tool describes it (a ClaimReview's author and url, or the Fact Check Tools API's review). */
export interface ReviewSource {
  publisher?: string;
  site?: string;
  url?: string;
  date?: string;
  title?: string;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Who published it: the publisher, else its site, else the web host, else the file it came in (never left blank, never made up). */
function outletOf(source: ReviewSource, fileName: string): string {
  return source.publisher ?? source.site ?? hostOf(source.url) ?? fileName;
}

/** The report a claim was taken from: the fact-check article itself when the claim's own appearance is unknown. */
export function reportFromReview(source: ReviewSource, fileName: string): JsonObject {
  return present({ outlet: outletOf(source, fileName), url: source.url, date: source.date });
}

const MAX_TITLE = 200;

/** Fact checks do not always name who made the claim; our schema needs a name, so the gap is said, not filled in. */
export const UNNAMED_CLAIMANT = 'Unnamed claimant';

/**
 * The story an imported fact check belongs to: its article (one story per review URL), or, without a URL, its
 * publisher, or the file it came in.
 */
export function storyFromReview(source: ReviewSource, statement: string | undefined, fileName: string): JsonObject & { id: string } {
  const outlet = outletOf(source, fileName);
  const id = source.url ? generatedStoryId(source.url) : slugify(`imported ${outlet}`);
  const title = source.title ?? (statement ? `${outlet}: ${statement}` : `Imported from ${outlet}`);
  return {
    id,
    title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title,
    source: present({ outlet, url: source.url, date: source.date, title: source.title }),
  };
}

export interface GivenRating {
  words: string;
  by?: string;
}

/**
 * The verdict of a claim reviewed once or more: the first rating we know. Unless there is one rating in our own
 * words, the note keeps every original rating and who gave it, so nothing the source said is lost.
 */
export function verdictFromRatings(ratings: readonly GivenRating[]): { verdict: Verdict; note?: string } {
  const readings = ratings.map((rating) => ratingToVerdict(rating.words));
  const known = readings.find((reading) => reading.verdict !== 'unverified' || reading.exact);
  const verdict = known?.verdict ?? 'unverified';
  if (ratings.length === 0 || (ratings.length === 1 && readings[0]?.exact)) return { verdict };
  const list = ratings.map((rating) => `“${rating.words}”${rating.by ? ` by ${rating.by}` : ''}`).join(', ');
  return { verdict, note: `Rated ${list}.` };
}
