/**
 * Invented names, built from syllables of vocabulary.json: surnames, towns and villages, organisations, companies.
 * Surnames always take a middle syllable, which keeps them plausible but away from the short, common surnames of
 * well-known people.
 */
import { type Style, words } from './files.ts';
import { hash, Rng } from './random.ts';
import { cap } from './text.ts';
import { WORLD } from './world.ts';

/**
 * An open-ended pool of invented names: rank r always gives the same name (for one seed), and ranks are
 * drawn Zipf-like, so a few names recur often and new ones keep appearing as more claims are generated.
 */
export class NamePool {
  private readonly cache = new Map<number, string>();
  constructor(
    private readonly seed: number,
    private readonly salt: number,
    private readonly size: number,
    private readonly make: (r: Rng) => string,
    private readonly s = 1,
    private readonly q = 20,
  ) {}
  draw(rng: Rng): string {
    const rank = rng.zipf(this.size, this.s, this.q);
    let name = this.cache.get(rank);
    if (name === undefined) {
      name = this.make(new Rng(hash(this.seed, this.salt, rank)));
      this.cache.set(rank, name);
    }
    return name;
  }
}

/** Smooths syllable joins: no doubled or clashing vowels ("Smirnoanov" → "Smirnonov"). */
function smooth(name: string): string {
  return name.replace(/([aeiouy])[aeiouy]+(?=[aeiouy])/g, '$1').replace(/(aa|oa|ao|yy|uu|ea|ae|oe|eo|ii|ee)/g, (pair) => pair.charAt(0));
}
/** Root, middle and end syllables of the lists PREFIX_ROOTS, PREFIX_MIDS and PREFIX_ENDS. */
function syllables(prefix: string, smoothed = true): (r: Rng) => string {
  const [roots, mids, ends] = [words(`${prefix}_ROOTS`), words(`${prefix}_MIDS`), words(`${prefix}_ENDS`)];
  return (r) => (smoothed ? smooth(r.pick(roots) + r.pick(mids) + r.pick(ends)) : r.pick(roots) + r.pick(mids) + r.pick(ends));
}

/** An invented surname (or, for family-name-first styles, an invented given name). */
export const SURNAME: Record<Style, (r: Rng) => string> = {
  ua: syllables('UA'),
  ru: syllables('RU'),
  west: syllables('WEST', false),
  pl: syllables('PL'),
  ro: syllables('RO'),
  ka: syllables('KA'),
  tr: syllables('TR'),
  ja: syllables('JA', false),
  ar: (r) => (r.chance(0.4) ? 'al-' : '') + smooth(r.pick(words('AR_ROOTS')) + r.pick(words('AR_MIDS')) + r.pick(words('AR_ENDS'))),
  he: syllables('HE'),
  fa: syllables('FA'),
  es: syllables('ES'),
  in: syllables('IN'),
  af: syllables('AF'),
  ko: (r) => `${r.pick(words('KO_FIRST'))}-${r.pick(words('KO_SECOND'))}`,
  zh: (r) => r.pick(words('ZH_FIRST')) + r.pick(words('ZH_SECOND')),
  tw: (r) => `${r.pick(words('TW_FIRST'))}-${r.pick(words('TW_SECOND'))}`,
};
/** Styles that put the family name first ("Kim Tae-rim"). */
export const FAMILY_FIRST: Partial<Record<Style, readonly string[]>> = { ko: words('KO_FAMILY'), zh: words('ZH_FAMILY'), tw: words('TW_FAMILY') };
export function givenNames(style: Style): readonly string[] {
  const names = WORLD.givenNames[style];
  if (!names) throw new Error(`bench/synthetic-world.json has no givenNames for "${style}"`);
  return names;
}

// Towns and villages for the long tail
export function uaPlace(r: Rng): string {
  const pre = r.pick(words('UA_PLACE_PRE'));
  const root = r.pick(words('UA_PLACE_ROOTS')) + r.pick(words('UA_PLACE_MIDS')) + r.pick(words('UA_PLACE_ENDS'));
  return smooth(pre.endsWith(' ') || pre === '' ? pre + cap(root) : pre + root);
}
export function ruPlace(r: Rng): string {
  return smooth(r.pick(words('RU_PLACE_ROOTS')) + r.pick(words('RU_MIDS')) + r.pick(words('RU_PLACE_ENDS')));
}
export function westPlace(r: Rng): string {
  const roots = words('WEST_PLACE_ROOTS');
  const root = r.pick(roots);
  return root.endsWith(' ') || root.endsWith('-')
    ? root + cap(r.pick(roots).trim().replace(/-$/, '').toLowerCase() + r.pick(words('WEST_PLACE_ENDS'))).replace(/^./, (c) => c.toUpperCase())
    : smooth(root + r.pick(words('WEST_PLACE_MIDS')) + r.pick(words('WEST_PLACE_ENDS')));
}
export function esPlace(r: Rng): string {
  return r.pick(words('ES_PLACE_PRE')) + smooth(r.pick(words('ES_PLACE_ROOTS')) + r.pick(['', '', 'a', 'o', 'er', 'in']) + r.pick(words('ES_PLACE_ENDS')));
}
export function inPlace(r: Rng): string {
  return r.pick(words('IN_PLACE_ROOTS')) + r.pick(['', '', 'a', 'i']) + r.pick(words('IN_PLACE_ENDS'));
}
export function arPlace(r: Rng): string {
  return r.pick(words('AR_PLACE_PRE')) + smooth(r.pick(words('AR_PLACE_ROOTS')) + r.pick(['', 'a', 'i', 'ou', 'ar']) + r.pick(words('AR_PLACE_ENDS')));
}
export function afPlace(r: Rng): string {
  return cap(smooth(r.pick(words('AF_PLACE_ROOTS')).toLowerCase() + r.pick(words('AF_PLACE_MIDS')) + r.pick(words('AF_PLACE_ENDS'))));
}
export function plPlace(r: Rng): string {
  const roots = words('PL_PLACE_ROOTS');
  const root = r.pick(roots);
  return root.endsWith(' ')
    ? root + cap(r.pick(roots).trim().toLowerCase() + r.pick(words('PL_PLACE_ENDS')))
    : root + r.pick(['', 'a', 'e', 'o']) + r.pick(words('PL_PLACE_ENDS'));
}

/** An invented name for an organisation or company: at least six letters, which keeps it off short real brands. */
export function orgRoot(r: Rng): string {
  const roots = words('ORG_ROOTS');
  for (;;) {
    const root = smooth(r.pick(roots) + r.pick(words('ORG_MIDS')) + (r.chance(0.4) ? r.pick(roots).toLowerCase() : '') + r.pick(words('ORG_ENDS')));
    if (root.length >= 6) return root;
  }
}
/** Russian companies take two trade syllables after the place ("Kamaoptikasnab"), unlike the short names of real ones. */
export function ruCompany(r: Rng): string {
  for (;;) {
    const mid = r.pick(words('RU_CO_MIDS'));
    const tail = r.pick(words('RU_CO_TAILS'));
    if (mid !== tail) return r.pick(words('RU_CO_ROOTS')) + mid + tail;
  }
}

/** An invented person, with the given (or family) name drawn from `r`. */
export function inventPerson(r: Rng, style: Style): string {
  const family = FAMILY_FIRST[style];
  return family ? `${r.pick(family)} ${SURNAME[style](r)}` : `${r.pick(givenNames(style))} ${SURNAME[style](r)}`;
}
