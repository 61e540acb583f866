import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { keepHighest } from '../core/best.ts';
import { contentTerms } from './text.ts';

/**
 * Names that stand for the same country, from a maintained data package (world-countries): the name, its
 * demonym and other spellings ("Ukraine", "Ukrainian"; "North Korea", "North Korean", "DPRK") are the same
 * thing; the capital stands for the country ("Pyongyang", "Moscow") but a claim naming it itself should win.
 * Not written for one story: the next one may be about any country. Terms are as `terms()` returns them.
 */
// The package is CommonJS whose typings declare an ES default export; require() gives the array it really exports.
const countries = createRequire(import.meta.url)('world-countries') as readonly Country[];
const SAME_COUNTRY = 0.85;
const CAPITAL_FOR_COUNTRY = 0.5;

const synonymsOf = new Map<string, Map<string, number>>();

function link(group: Iterable<string>, strength: number): void {
  const members = [...new Set(group)];
  for (const term of members) {
    const known = synonymsOf.get(term) ?? new Map<string, number>();
    for (const other of members) if (other !== term) keepHighest(known, other, strength);
    synonymsOf.set(term, known);
  }
}

for (const country of countries.filter((country) => country.independent)) {
  const spellings = [country.name.common, country.demonyms?.eng?.m, country.demonyms?.eng?.f, ...country.altSpellings.filter((alt) => alt !== country.cca2)]
    .filter((name): name is string => Boolean(name) && /^[\p{Script=Latin}\s.'-]+$/u.test(name!))
    .map(contentTerms)
    .filter((words) => words.length > 0);
  const same = spellings.filter((words) => words.length === 1).map((words) => words[0]!);
  // "north korea" and "north korean" differ in one word, and those two words share a start: they are the same thing
  // ("republic of korea" and "south korea" differ in one word too, but "republic" is not "south").
  for (const a of spellings) {
    for (const b of spellings) {
      const differing = a.length === b.length ? a.flatMap((word, i) => (word === b[i] ? [] : [[word, b[i]!]])) : [];
      if (differing.length === 1 && differing[0]![0]!.slice(0, 4) === differing[0]![1]!.slice(0, 4)) same.push(...differing[0]!);
    }
  }
  // "america" in "united states of america" is "american" with the ending dropped.
  for (const words of spellings) for (const word of words) if (same.some((one) => one !== word && one.slice(0, 4) === word.slice(0, 4))) same.push(word);
  if (same.length > 1) link(same, SAME_COUNTRY);
  const capital = country.capital.map(contentTerms).find((words) => words.length === 1)?.[0];
  if (capital && same.length > 0) link([capital, ...same], CAPITAL_FOR_COUNTRY);
}

/** The synonyms of a term, each with how much it counts for the term (below 1). */
export function synonyms(term: string): ReadonlyMap<string, number> {
  return synonymsOf.get(term) ?? new Map();
}

/** Every synonym, so that a misspelled one ("ukranian") is still recognised. */
export const SYNONYM_TERMS: readonly string[] = [...synonymsOf.keys()];
