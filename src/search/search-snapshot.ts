import type { Postings } from './postings.ts';

/**
 * The index as data, to save and read back instead of building it again: documents numbered from 0 (live ones
 * only), and each term's postings one after the other in three arrays. `format` says how the text was read.
 */
export interface SearchSnapshot {
  format: string;
  ids: string[];
  /** VERDICT_NUMBERS. */
  verdicts: Uint8Array;
  /** Index into `storyIds`. */
  stories: Uint32Array;
  storyIds: string[];
  terms: string[];
  /** How many postings each term has, in the order of `terms`. */
  lengths: Uint32Array;
  docs: Int32Array;
  weights: Float32Array;
  positions: Uint16Array;
}

/** What the index holds per document (an id, undefined once removed; verdict and story as numbers) and per term. */
export interface IndexContents {
  format: string;
  ids: readonly (string | undefined)[];
  verdicts: readonly number[];
  stories: readonly number[];
  storyIds: readonly string[];
  postings: ReadonlyMap<string, Postings>;
}

/** The index as data, removed claims left out and documents numbered anew. */
export function takeSnapshot({ format, ids, verdicts, stories, storyIds, postings }: IndexContents): SearchSnapshot {
  const live = ids.flatMap((id, doc) => (id === undefined ? [] : [doc]));
  const renumbered = new Int32Array(ids.length);
  live.forEach((doc, i) => (renumbered[doc] = i));
  const terms = [...postings].filter(([, termPostings]) => termPostings.length > 0);
  const total = terms.reduce((sum, [, termPostings]) => sum + termPostings.length, 0);
  const snapshot: SearchSnapshot = {
    format,
    ids: live.map((doc) => ids[doc]!),
    verdicts: Uint8Array.from(live, (doc) => verdicts[doc]!),
    stories: Uint32Array.from(live, (doc) => stories[doc]!),
    storyIds: [...storyIds],
    terms: terms.map(([term]) => term),
    lengths: Uint32Array.from(terms, ([, termPostings]) => termPostings.length),
    docs: new Int32Array(total),
    weights: new Float32Array(total),
    positions: new Uint16Array(total),
  };
  let at = 0;
  for (const [, { docs, weights, positions, start, length }] of terms) {
    for (let j = 0; j < length; j++) snapshot.docs[at + j] = renumbered[docs[start + j]!]!;
    snapshot.weights.set(weights.subarray(start, start + length), at);
    snapshot.positions.set(positions.subarray(start, start + length), at);
    at += length;
  }
  return snapshot;
}
