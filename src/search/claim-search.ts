import { NO_FILTER, Numbering, VERDICT_NUMBERS } from '../core/numbering.ts';
import type { Claim, Story, Verdict } from '../core/schema.ts';
import { insertBest, keepHighest } from '../core/best.ts';
import { synonyms, SYNONYM_TERMS } from './synonyms.ts';
import { checkQuery } from './query.ts';
import { contentTerms, POSSIBILITY_TERM } from './text.ts';
import { englishRarity, unknownWordRarity } from './english.ts';
import { relatedActions } from './actions.ts';
import { Postings } from './postings.ts';
import { boundMessageWords } from './message-words.ts';
import { readText, type ReadingMode, type ReadWord } from './reading.ts';
import { Vocabulary } from './vocabulary.ts';
import { warmUp } from './warm-up.ts';
import { claimTerms, SEARCH_FORMAT, WHO_FROM, WHO_UNTIL } from './claim-fields.ts';
import { type SearchSnapshot, takeSnapshot } from './search-snapshot.ts';

export { checkQuery, MAX_QUERY_LENGTH } from './query.ts';
export type { ReadingMode as SearchMode } from './reading.ts';
export type { SearchSnapshot } from './search-snapshot.ts';

export interface SearchOptions {
  limit?: number;
  verdict?: Verdict;
  story?: string;
  /** How to read the text: a submitted query (the default), a query being typed, or a chat message. */
  mode?: ReadingMode;
}

/** How the index reads back a claim it holds (to show it, or to take its terms out): the store's, or its own map. */
export type ClaimReader = (id: string) => Claim | undefined;

export interface SearchHit {
  claim: Claim;
  /**
   * 0 to 1, comparable across queries: how much of the query's informative content the claim covers (rare words
   * weigh more, a typo or a synonym counts less than the word itself). For a message: how much of the claim the
   * message repeats.
   */
  score: number;
}

/**
 * A claim whose claimant or outlet the query names counts this much more: among comparable matches, the one by
 * the speaker asked about comes first ("did hillary call …" over another politician's claim about Hillary).
 */
const SPEAKER_BOOST = 0.1;
/**
 * Named means the name itself, a form of it or a typo: not a country for its capital ("kyiv" for "Ukrainian
 * intelligence sources") nor a word of related meaning.
 */
const NAMED_CREDIT = 0.85;
/** Query words found next to each other in the claim (a phrase, like "study of war") make up this share of the score. */
const PHRASE_SHARE = 0.1;
/** A message: its candidates are re-scored by how much of each claim they repeat; this many. */
const MESSAGE_CANDIDATES = 40;
/** A message that repeats one word of a claim only half suggests the claim, however rare the word. */
const SINGLE_WORD_MESSAGE = 0.5;

/**
 * Ranked, typo-tolerant search over claims. An inverted index finds the claims that share a term with the query;
 * fuse.js finds which terms a misspelled query word stands for (see Vocabulary). Claims can be added and removed
 * one at a time, so a moderator's change does not rebuild the index.
 */
export class ClaimSearch {
  /** Per document: the claim's id (undefined once removed), and what the filters look at (verdict, story) as numbers. */
  private ids: (string | undefined)[] = [];
  private verdicts: number[] = [];
  private stories: number[] = [];
  private readonly storyNumbers = new Numbering();
  /** Which document a claim is: made when a change first needs it, not at every start. */
  private docNumbers: Map<string, number> | undefined = new Map();
  /** The claims themselves, when no reader is given (a standalone index: tests, benchmarks). */
  private readonly own: Map<string, Claim> | undefined;
  private readonly read: ClaimReader;
  private readonly postings = new Map<string, Postings>();
  private readonly vocabulary = new Vocabulary((term) => this.postings.get(term)?.length ?? 0, SYNONYM_TERMS);
  private readonly storyTitles: Map<string, string>;
  private liveDocs = 0;
  /** Scratch space for scoring, one slot per document, reused across searches and zeroed after each. */
  private totals = new Float64Array(0);
  private best = new Float64Array(0);
  private adjacent = new Float64Array(0);
  /** Where the current query word was found in each claim, and where the previous one was (+2; 0 = not found). */
  private position = new Int32Array(0);
  private previousEnd = new Int32Array(0);
  /** 1 when a query word matched the claim's claimant or outlet. */
  private named = new Uint8Array(0);

  /**
   * Indexes `claims`. With `read`, the index keeps no claim: it reads the ones it shows, and the one it takes out
   * (as indexed: call `remove` before the reader has the new version), from there.
   */
  constructor(claims: Iterable<Claim>, stories: readonly Story[], read?: ClaimReader) {
    this.storyTitles = new Map(stories.map((story) => [story.id, story.title]));
    if (!read) this.own = new Map();
    this.read = read ?? ((id) => this.own!.get(id));
    for (const claim of claims) this.add(claim);
    // An empty index has nothing to sort or warm up; `restore` fills one and then prepares it.
    if (this.liveDocs > 0) this.prepareFirstSearch();
  }

  /** An index saved by `snapshot()`, read back; undefined when it was saved by a version that read text differently. */
  static restore(snapshot: SearchSnapshot, stories: readonly Story[], read: ClaimReader): ClaimSearch | undefined {
    if (snapshot.format !== SEARCH_FORMAT) return undefined;
    const index = new ClaimSearch([], stories, read);
    const storyNumbers = snapshot.storyIds.map((story) => index.storyNumbers.of(story));
    // Whole arrays at once, not a document at a time: 100,000 pushes copy the arrays as they grow.
    Object.assign(index, {
      ids: snapshot.ids,
      verdicts: Array.from(snapshot.verdicts),
      stories: Array.from(snapshot.stories, (story) => storyNumbers[story]!),
      liveDocs: snapshot.ids.length,
      docNumbers: undefined,
    });
    const { docs, weights, positions } = snapshot;
    let start = 0;
    snapshot.terms.forEach((term, i) => {
      const length = snapshot.lengths[i]!;
      index.postings.set(term, Postings.shared(docs, weights, positions, start, length));
      index.vocabulary.add(term);
      start += length;
    });
    index.prepareFirstSearch();
    return index;
  }

  /** The index as data (removed claims left out, documents numbered anew), for `restore`. */
  snapshot(): SearchSnapshot {
    const { ids, verdicts, stories, postings } = this;
    return takeSnapshot({ format: SEARCH_FORMAT, ids, verdicts, stories, storyIds: this.storyNumbers.values, postings });
  }

  add(claim: Claim): void {
    if (this.docOf().has(claim.id)) this.remove(claim.id);
    const doc = this.ids.length;
    this.setDoc(doc, claim.id, VERDICT_NUMBERS.of(claim.verdict), this.storyNumbers.of(claim.story));
    this.own?.set(claim.id, claim);
    for (const [term, { weight, position }] of this.termEntries(claim)) {
      let postings = this.postings.get(term);
      if (!postings) this.postings.set(term, (postings = new Postings()));
      postings.add(doc, weight, position);
      this.vocabulary.add(term);
    }
  }

  remove(id: string): void {
    const doc = this.docOf().get(id);
    const claim = doc === undefined ? undefined : this.read(id);
    if (doc === undefined || !claim) return;
    for (const term of this.termEntries(claim).keys()) this.postings.get(term)!.remove(doc);
    this.ids[doc] = undefined;
    this.docOf().delete(id);
    this.own?.delete(id);
    this.liveDocs--;
  }

  private setDoc(doc: number, id: string, verdict: number, story: number): void {
    this.ids[doc] = id;
    this.verdicts[doc] = verdict;
    this.stories[doc] = story;
    this.docOf().set(id, doc);
    this.liveDocs++;
  }

  private docOf(): Map<string, number> {
    if (!this.docNumbers) {
      this.docNumbers = new Map();
      for (const [doc, id] of this.ids.entries()) if (id !== undefined) this.docNumbers.set(id, doc);
    }
    return this.docNumbers;
  }

  /**
   * Sorts the vocabulary and pays for compiling the search path here, at startup, rather than on someone's first
   * query (see warm-up.ts); last, a search for the term most claims have, so that the loops over many claims are
   * compiled too (they are only once they run long).
   */
  private prepareFirstSearch(): void {
    this.vocabulary.prepare();
    warmUp((text, options) => this.search(text, options));
    let commonest = '';
    for (const [term, postings] of this.postings) if (postings.length > (this.postings.get(commonest)?.length ?? 0)) commonest = term;
    for (const mode of ['query', 'typing', 'message'] as const) this.search(`${commonest} claims`, { mode, limit: 1 });
  }

  /** The best matches first; ties go to the claim id that sorts first, so the same query always ranks the same. */
  search(query: string, { limit = 5, verdict, story, mode = 'query' }: SearchOptions = {}): SearchHit[] {
    const words = readText(checkQuery(query, mode), mode);
    // A message can be 4,000 characters of anything: only its telling words are worth the time (message-words.ts).
    const read = mode === 'message' ? boundMessageWords(words, (term) => this.postings.get(term)?.length ?? 0) : words;
    if (read.length === 0) return [];
    this.ensureScratch();
    const touched: number[] = [];
    const matched = new Map<string, number>();
    let total = 0;
    let unmatched = 0;
    let previous: number[] = [];
    read.forEach((word, i) => {
      let scored = this.scoreTerm(word, touched, matched, i > 0);
      // A word no claim contains, nor any noun it means: its verbs and adjectives (too broad for other words).
      if (scored.reached.length === 0 && !word.partial && mode !== 'message') {
        scored = this.scoreTerm({ ...word, related: relatedActions(word.word) }, touched, matched, i > 0);
      }
      if (scored.reached.length === 0 && !word.partial) unmatched += word.boost * missingRarity(word.term, word.word);
      total += scored.weight;
      for (const doc of previous) this.previousEnd[doc] = 0;
      // One past the next position, so that 0 stays "not found" even for a word at position 0.
      for (const doc of scored.reached) this.previousEnd[doc] = this.position[doc]! + 2;
      previous = scored.reached;
    });
    for (const doc of previous) this.previousEnd[doc] = 0;
    // A word no claim has cannot tell claims apart, but it says what the query is about: it counts against each
    // claim as much as a word only one claim has, tempered by how common it is in English (englishRarity), so
    // "football" in "north korea football team" weighs, and "want" or "tell" in a question next to nothing.
    total += unmatched * this.idf(1);
    const pairs = read.length - 1;
    const found: Found[] = [];
    const verdictNumber = VERDICT_NUMBERS.filter(verdict);
    const storyNumber = this.storyNumbers.filter(story);
    for (const doc of touched) {
      const coverage = this.totals[doc]! / total;
      const phrase = pairs === 0 ? 1 : 1 - PHRASE_SHARE + (PHRASE_SHARE * this.adjacent[doc]!) / pairs;
      const speaker = this.named[doc] ? 1 + SPEAKER_BOOST : 1;
      this.totals[doc] = 0;
      this.adjacent[doc] = 0;
      this.named[doc] = 0;
      if ((verdictNumber !== NO_FILTER && this.verdicts[doc] !== verdictNumber) || (storyNumber !== NO_FILTER && this.stories[doc] !== storyNumber)) continue;
      insertBest(found, { id: this.ids[doc]!, score: Math.min(1, coverage * phrase * speaker) }, mode === 'message' ? MESSAGE_CANDIDATES : limit, ranksAbove);
    }
    const hit = ({ id, score }: Found): SearchHit => ({ claim: this.read(id)!, score });
    if (mode !== 'message') return found.map(hit);
    return found
      .map(({ id }) => ({ id, score: this.repeated(this.read(id)!, matched) }))
      .filter((candidate) => candidate.score > 0)
      .sort((a, b) => (ranksAbove(a, b) ? -1 : 1))
      .slice(0, limit)
      .map(hit);
  }

  /**
   * Adds one query word's best match per claim to the totals, weighed by how rare the word is; returns the claims
   * it reached and its weight. The word weighs by how many claims it reaches through all its matches together,
   * so a rare synonym or near-miss does not outweigh the word typed.
   */
  private scoreTerm({ term, word, partial, boost, related }: ReadWord, touched: number[], matched: Map<string, number>, afterAnother: boolean) {
    const expansions = new Map<string, number>();
    for (const { term: found, similarity: credit } of this.vocabulary.matches(term, partial, !partial && englishRarity(word) < 1)) {
      keepHighest(expansions, found, credit);
      for (const [synonym, strength] of synonyms(found)) keepHighest(expansions, synonym, credit * strength);
    }
    const reached: number[] = [];
    const reach = (found: string, credit: number, postings: Postings) => {
      keepHighest(matched, found, credit);
      for (let i = postings.start, end = postings.start + postings.length; i < end; i++) {
        const doc = postings.docs[i]!;
        const score = credit * postings.weights[i]!;
        if (credit >= NAMED_CREDIT && postings.positions[i]! >= WHO_FROM && postings.positions[i]! < WHO_UNTIL) this.named[doc] = 1;
        if (score > this.best[doc]!) {
          if (this.best[doc] === 0) reached.push(doc);
          this.best[doc] = score;
          this.position[doc] = postings.positions[i]!;
        }
      }
    };
    for (const [found, credit] of expansions) {
      const postings = this.postings.get(found);
      if (postings && postings.length > 0) reach(found, credit, postings);
    }
    // The word weighs by the claims its own matches reach. A word of related meaning (WordNet) adds claims, not
    // weight: it counts at most as much as it would typed itself, so a common one ("loss" for "death") stays cheap.
    const own = reached.length;
    for (const [meaning, strength] of related) {
      const postings = this.postings.get(meaning);
      if (!postings || postings.length === 0 || expansions.has(meaning)) continue;
      reach(meaning, own === 0 ? strength : strength * Math.min(1, this.idf(postings.length) / this.idf(own)), postings);
    }
    if (reached.length === 0) return { reached, weight: 0 };
    // Rare in the claims and rare in English: a word common in English ("help", "war") tells less than a story
    // of 15 claims makes it look. A word still being typed is not a word yet: only the claims weigh it.
    const weight = boost * this.idf(own || reached.length) * (partial ? 1 : generalRarity(term, word));
    for (const doc of reached) {
      if (this.totals[doc] === 0) touched.push(doc);
      if (afterAnother && this.previousEnd[doc] === this.position[doc]! + 1) this.adjacent[doc]!++;
      this.totals[doc]! += this.best[doc]! * weight;
      this.best[doc] = 0;
    }
    return { reached, weight };
  }

  /** How much of a claim's statement and claimant a message repeats, rare words weighing more. */
  private repeated(claim: Claim, matched: ReadonlyMap<string, number>): number {
    const claimTerms = new Set([...contentTerms(claim.statement), ...contentTerms(claim.claimant.name)]);
    let total = 0;
    let covered = 0;
    let words = 0;
    for (const term of claimTerms) {
      const weight = this.idf(Math.max(1, this.postings.get(term)?.length ?? 1));
      total += weight;
      const credit = matched.get(term) ?? 0;
      covered += weight * credit;
      if (credit > 0) words++;
    }
    return total === 0 ? 0 : (covered / total) * (words > 1 ? 1 : SINGLE_WORD_MESSAGE);
  }

  /** How telling a word is that `documentFrequency` claims have: from log 2 (every claim) up. */
  private idf(documentFrequency: number): number {
    return Math.log(1 + this.liveDocs / documentFrequency);
  }

  private ensureScratch(): void {
    if (this.totals.length >= this.ids.length) return;
    const size = Math.max(64, this.ids.length * 2);
    this.totals = new Float64Array(size);
    this.best = new Float64Array(size);
    this.adjacent = new Float64Array(size);
    this.position = new Int32Array(size);
    this.previousEnd = new Int32Array(size);
    this.named = new Uint8Array(size);
  }

  /** Each term of a claim, with the weight of the best field it appears in and where it first appears there. */
  private termEntries(claim: Claim): Map<string, { weight: number; position: number }> {
    return claimTerms(claim, this.storyTitles.get(claim.story) ?? claim.story);
  }
}

interface Found {
  id: string;
  score: number;
}

/** Higher score first; ties go to the claim id that sorts first. */
function ranksAbove(a: Found, b: Found): boolean {
  return a.score > b.score || (a.score === b.score && a.id < b.id);
}

/**
 * How telling a query word is in English. The words of possibility are read as one term that stands for a
 * claim's hedging ("would likely"), not for the word "could", one of the commonest in English.
 */
function generalRarity(term: string, word: string): number {
  return term === POSSIBILITY_TERM ? 1 : englishRarity(word);
}

/** As `generalRarity`, for a word no claim has, which may be a common word mistyped (`unknownWordRarity`). */
function missingRarity(term: string, word: string): number {
  return term === POSSIBILITY_TERM ? 1 : unknownWordRarity(word);
}
