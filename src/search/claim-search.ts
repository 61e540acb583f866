import type { Claim, Story, Verdict } from '../schema.ts';
import { insertBest, keepHighest } from '../best.ts';
import { UserError } from '../errors.ts';
import { synonyms, SYNONYM_TERMS } from './synonyms.ts';
import { terms } from './text.ts';
import { Postings } from './postings.ts';
import { Vocabulary } from './vocabulary.ts';

export const MAX_QUERY_LENGTH = 200;

export interface SearchOptions {
  limit?: number;
  verdict?: Verdict;
  story?: string;
}

export interface SearchHit {
  claim: Claim;
  /** 0 to 1: how much of the query the claim matches, rare words counting more. Only comparable within one query. */
  score: number;
}

/** Where a claim's words come from, and how much a match there counts. */
const FIELDS: readonly { weight: number; text: (claim: Claim, storyTitle: string) => string | undefined }[] = [
  { weight: 1, text: (claim) => claim.statement },
  { weight: 0.8, text: (claim) => `${claim.claimant.name} ${claim.claimant.description ?? ''}` },
  { weight: 0.6, text: (claim) => `${claim.attribution.citing ?? ''} ${claim.attribution.reportedBy.outlet}` },
  { weight: 0.5, text: (claim) => claim.context },
  { weight: 0.5, text: (claim) => claim.tags.join(' ') },
  { weight: 0.3, text: (claim) => claim.note },
  { weight: 0.3, text: (_claim, storyTitle) => storyTitle },
];
/** BM25's length normalisation, mild: a long quote is not much worse than a short one for the same word. */
const K1 = 1.2;
const B = 0.3;
const TYPICAL_FIELD_TERMS = 12;
/** What a one-word statement matching exactly weighs: the most a claim can score for a word, so scores stay within 0 to 1. */
const MAX_FIELD_WEIGHT = lengthFactor(1);

/** Positions are numbered per field, fields this far apart, so words in different fields are never next to each other. */
const FIELD_SPAN = 1024;
/** A query word found right after the previous query word (a phrase, like "study of war") counts this much more. */
const PHRASE_BONUS = 0.5;

/**
 * Ranked, typo-tolerant search over claims. An inverted index finds the claims that share a term with the query;
 * fuse.js finds which terms a misspelled query word stands for (see Vocabulary). Claims can be added and removed
 * one at a time, so a moderator's change does not rebuild the index.
 */
export class ClaimSearch {
  private readonly docs: (Claim | undefined)[] = [];
  private readonly docOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  private readonly vocabulary = new Vocabulary(SYNONYM_TERMS);
  private readonly storyTitles: Map<string, string>;
  private liveDocs = 0;
  /** Scratch space for scoring, one slot per document, reused across searches and zeroed after each. */
  private totals = new Float64Array(0);
  private best = new Float64Array(0);
  /** Where the current query word was found in each claim, and where the previous one was (+1; 0 = not found). */
  private position = new Int32Array(0);
  private previousEnd = new Int32Array(0);

  constructor(claims: readonly Claim[], stories: readonly Story[]) {
    this.storyTitles = new Map(stories.map((story) => [story.id, story.title]));
    for (const claim of claims) this.add(claim);
  }

  add(claim: Claim): void {
    if (this.docOf.has(claim.id)) this.remove(claim.id);
    const doc = this.docs.length;
    this.docs.push(claim);
    this.docOf.set(claim.id, doc);
    this.liveDocs++;
    for (const [term, { weight, position }] of this.termEntries(claim)) {
      let postings = this.postings.get(term);
      if (!postings) this.postings.set(term, (postings = new Postings()));
      postings.add(doc, weight, position);
      this.vocabulary.add(term);
    }
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    const claim = doc === undefined ? undefined : this.docs[doc];
    if (doc === undefined || !claim) return;
    for (const term of this.termEntries(claim).keys()) {
      this.postings.get(term)!.remove(doc);
      this.vocabulary.remove(term);
    }
    this.docs[doc] = undefined;
    this.docOf.delete(id);
    this.liveDocs--;
  }

  /** The best matches first; ties go to the claim id that sorts first, so the same query always ranks the same. */
  search(query: string, { limit = 5, verdict, story }: SearchOptions = {}): SearchHit[] {
    const queryTerms = [...new Set(terms(checkQuery(query)))];
    // The last word of a query may still be being typed (autocomplete sees every keystroke).
    const typing = /\S$/.test(query);
    this.ensureScratch();
    const touched: number[] = [];
    let ideal = 0;
    let previous: number[] = [];
    queryTerms.forEach((queryTerm, i) => {
      const scored = this.scoreTerm(queryTerm, typing && i === queryTerms.length - 1, touched);
      // The ideal claim has the query as a phrase: every word after the first earns the bonus.
      ideal += scored.ideal * (i === 0 ? 1 : 1 + PHRASE_BONUS);
      for (const doc of previous) this.previousEnd[doc] = 0;
      for (const doc of scored.reached) this.previousEnd[doc] = this.position[doc]! + 1;
      previous = scored.reached;
    });
    for (const doc of previous) this.previousEnd[doc] = 0;
    const hits: SearchHit[] = [];
    for (const doc of touched) {
      const claim = this.docs[doc]!;
      const score = this.totals[doc]! / ideal;
      this.totals[doc] = 0;
      if ((verdict && claim.verdict !== verdict) || (story && claim.story !== story)) continue;
      insertBest(hits, { claim, score }, limit, ranksAbove);
    }
    return hits;
  }

  /**
   * Adds one query word's best match per claim to the totals (more when it follows the previous query word);
   * returns the claims it reached and the most it could have added. The word weighs by how many claims it
   * reaches through all its matches together, so a rare synonym or near-miss does not outweigh the word typed.
   */
  private scoreTerm(queryTerm: string, typing: boolean, touched: number[]): { reached: number[]; ideal: number } {
    const expansions = new Map<string, number>();
    for (const { term, similarity } of this.vocabulary.matches(queryTerm, typing)) {
      keepHighest(expansions, term, similarity);
      for (const [synonym, strength] of synonyms(term)) keepHighest(expansions, synonym, similarity * strength);
    }
    const reached: number[] = [];
    let closest = 0;
    for (const [term, similarity] of expansions) {
      const postings = this.postings.get(term);
      if (!postings || postings.length === 0) continue;
      closest = Math.max(closest, similarity);
      for (let i = 0; i < postings.length; i++) {
        const doc = postings.docs[i]!;
        const score = similarity * postings.weights[i]!;
        if (score > this.best[doc]!) {
          if (this.best[doc] === 0) reached.push(doc);
          this.best[doc] = score;
          this.position[doc] = postings.positions[i]!;
        }
      }
    }
    // A word no claim has counts against every claim as much as the rarest word would,
    // except a letter or two still being typed.
    if (reached.length === 0) return { reached, ideal: typing && queryTerm.length < 3 ? 0 : this.idf(1) * MAX_FIELD_WEIGHT };
    const idf = this.idf(reached.length);
    for (const doc of reached) {
      if (this.totals[doc] === 0) touched.push(doc);
      const phrase = this.previousEnd[doc] === this.position[doc] ? 1 + PHRASE_BONUS : 1;
      this.totals[doc]! += this.best[doc]! * idf * phrase;
      this.best[doc] = 0;
    }
    return { reached, ideal: closest * idf * MAX_FIELD_WEIGHT };
  }

  private idf(documentFrequency: number): number {
    return Math.log(1 + (this.liveDocs - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }

  private ensureScratch(): void {
    if (this.totals.length >= this.docs.length) return;
    const size = Math.max(64, this.docs.length * 2);
    this.totals = new Float64Array(size);
    this.best = new Float64Array(size);
    this.position = new Int32Array(size);
    this.previousEnd = new Int32Array(size);
  }

  /** Each term of a claim: the weight of the best field it appears in, and where it first appears there. */
  private termEntries(claim: Claim): Map<string, { weight: number; position: number }> {
    const entries = new Map<string, { weight: number; position: number }>();
    const storyTitle = this.storyTitles.get(claim.story) ?? claim.story;
    FIELDS.forEach((field, fieldIndex) => {
      const fieldTerms = terms(field.text(claim, storyTitle) ?? '');
      const weight = field.weight * lengthFactor(fieldTerms.length);
      fieldTerms.forEach((term, i) => {
        if (weight > (entries.get(term)?.weight ?? 0)) entries.set(term, { weight, position: fieldIndex * FIELD_SPAN + Math.min(i, FIELD_SPAN - 1) });
      });
    });
    return entries;
  }
}

/** Throws a UserError for a query that cannot be searched; returns it trimmed. */
export function checkQuery(query: string): string {
  const trimmed = query.trim();
  if (trimmed.length === 0) throw new UserError('Type a few words to search for, like "north korea troops".');
  if (trimmed.length > MAX_QUERY_LENGTH) {
    throw new UserError(`A search can be at most ${MAX_QUERY_LENGTH} characters; yours has ${trimmed.length}.`);
  }
  return trimmed;
}

/** Higher score first; ties go to the claim id that sorts first. */
function ranksAbove(a: SearchHit, b: SearchHit): boolean {
  return a.score > b.score || (a.score === b.score && a.claim.id < b.claim.id);
}

function lengthFactor(fieldTerms: number): number {
  return (K1 + 1) / (1 + K1 * (1 - B + (B * fieldTerms) / TYPICAL_FIELD_TERMS));
}
