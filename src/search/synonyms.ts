/**
 * Words a newsroom uses for the same thing. A query term also finds its synonyms, at a discount,
 * so "soldiers" finds "troops" and "Kremlin" finds "Russia". Terms are as `terms()` returns them (stemmed).
 */
const GROUPS: readonly (readonly string[])[] = [
  ['troop', 'soldier', 'personnel', 'serviceman', 'servicemen'],
  ['korea', 'korean', 'pyongyang', 'dprk'],
  ['russia', 'russian', 'moscow', 'kremlin'],
  ['ukraine', 'ukrainian', 'kyiv', 'kiev'],
  ['iran', 'iranian', 'tehran'],
  ['mobilisation', 'mobilization', 'conscription', 'draft'],
  ['worker', 'labourer', 'laborer'],
];

const synonymsOf = new Map<string, readonly string[]>(
  GROUPS.flatMap((group) => group.map((term) => [term, group.filter((other) => other !== term)] as const)),
);

export function synonyms(term: string): readonly string[] {
  return synonymsOf.get(term) ?? [];
}

/** Every synonym, so that a misspelled synonym ("solders") is still recognised. */
export const SYNONYM_TERMS: readonly string[] = [...synonymsOf.keys()];
