import { keepHighest } from '../best.ts';

/**
 * Words a newsroom uses for the same thing. A query term also finds its synonyms, at a discount,
 * so "soldiers" finds "troops" and "Kremlin" finds "Russia". Terms are as `terms()` returns them (stemmed).
 */
const GROUPS: readonly { strength: number; terms: readonly string[] }[] = [
  // The same thing in other words or spellings: almost as good as the word itself.
  { strength: 0.85, terms: ['troop', 'soldier', 'personnel', 'serviceman', 'servicemen'] },
  { strength: 0.85, terms: ['mobilisation', 'mobilization', 'conscription'] },
  { strength: 0.85, terms: ['worker', 'labourer', 'laborer'] },
  { strength: 0.85, terms: ['korea', 'korean', 'dprk'] },
  { strength: 0.85, terms: ['ukraine', 'ukrainian'] },
  { strength: 0.85, terms: ['iran', 'iranian'] },
  { strength: 0.85, terms: ['kyiv', 'kiev'] },
  // A capital standing for its country: related, but a claim naming the capital itself should win.
  { strength: 0.5, terms: ['pyongyang', 'korea', 'korean'] },
  { strength: 0.5, terms: ['moscow', 'kremlin', 'russia', 'russian'] },
  { strength: 0.5, terms: ['kyiv', 'ukraine', 'ukrainian'] },
  { strength: 0.5, terms: ['tehran', 'iran', 'iranian'] },
];

const synonymsOf = new Map<string, Map<string, number>>();
for (const { strength, terms } of GROUPS) {
  for (const term of terms) {
    const known = synonymsOf.get(term) ?? new Map<string, number>();
    for (const other of terms) if (other !== term) keepHighest(known, other, strength);
    synonymsOf.set(term, known);
  }
}

/** The synonyms of a term, each with how much it counts for the term (below 1). */
export function synonyms(term: string): ReadonlyMap<string, number> {
  return synonymsOf.get(term) ?? new Map();
}

/** Every synonym, so that a misspelled one ("solders") is still recognised. */
export const SYNONYM_TERMS: readonly string[] = [...synonymsOf.keys()];
