/**
 * Deterministic synthetic claims for the search benchmark.
 *
 * The claims read like the wire copy a general newsroom collects over months: the war in Ukraine is one large
 * theme among many (the Middle East, Sudan and the Sahel, Taiwan and China, elections in many countries, energy
 * and sanctions, the economy and trade, climate and disasters, health, technology and cyber security, migration,
 * the courts). A fixed news vocabulary (real countries, cities, regions, weapons, generic nouns) is mixed with a
 * long tail of surnames, towns, organisations and companies built from syllables and drawn with a Zipf-like
 * distribution, so the number of distinct words keeps growing with the number of claims, as it does in real news.
 *
 * Every person, outlet, think tank, company and monitoring group named here is invented: no statement is put in
 * the mouth of a real person or attributed to a real organisation or outlet. Real offices appear only as the
 * roles of invented people ("Ukrainian defence minister", "spokesperson for the Russian foreign ministry"), and
 * statements name offices ("the Russian foreign minister", "the two countries’ leaders"), never real people.
 *
 * The war in Ukraine is about a quarter of the claims. About one claim in sixty is a look-alike of the curated
 * story (North Korea and Russia, troops, soldiers, intelligence, numbers like 12,000) about different facts
 * (shells, missiles, sanctions, oil, a summit, prisoners), so a search has to rank well rather than merely find
 * a rare word; Kursk comes up in about one claim in a thousand. Nothing here uses Math.random or the clock.
 */
import { readFileSync } from 'node:fs';
import type { Claim, Dataset, Flag, Party, Story, Verdict } from '../src/schema.ts';

/** The word lists (name syllables, places, weapons, outlets, …) live as data in synthetic-vocabulary.json; the grammar is here. */
const VOCABULARY = JSON.parse(readFileSync(new URL('./synthetic-vocabulary.json', import.meta.url), 'utf8')) as Record<string, readonly string[]>;
function vocabulary(list: string): readonly string[] {
  const words = VOCABULARY[list];
  if (!words) throw new Error(`bench/synthetic-vocabulary.json has no list "${list}"`);
  return words;
}

export const DEFAULT_SEED = 20261125;

/** `count` synthetic claims (plus the stories they belong to), the same for the same seed. */
export function generateDataset(count: number, seed: number = DEFAULT_SEED): Dataset {
  return generate(count, seed, new Set(), new Set(), new Set());
}

/** The curated dataset plus `distractors` synthetic claims, as one valid Dataset (stories merged). */
export function withDistractors(curated: Dataset, distractors: number, seed: number = DEFAULT_SEED): Dataset {
  const synthetic = generate(
    distractors,
    seed,
    new Set(curated.claims.map((claim) => claim.id)),
    new Set(curated.claims.map((claim) => comparable(claim.statement))),
    new Set(curated.stories.map((story) => story.id)),
  );
  return { stories: [...curated.stories, ...synthetic.stories], claims: [...curated.claims, ...synthetic.claims] };
}

// ---------------------------------------------------------------------------------------------------------
// Randomness

function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new RangeError(`index ${index} outside a list of ${list.length}`);
  return value;
}

/** mulberry32: small, fast and good enough for test data. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** lo..hi inclusive */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return at(list, this.int(list.length));
  }
  /**
   * An index in 0..n-1 drawn from a Zipf–Mandelbrot law, p(i) ∝ 1/(i+q)^s (continuous approximation,
   * O(1)): low indexes are common, high ones rare. `q` flattens the head.
   */
  zipf(n: number, s = 1, q = 1): number {
    const u = this.next();
    let x: number;
    if (Math.abs(s - 1) < 1e-9) x = q * Math.pow((n + q) / q, u);
    else {
      const a = Math.pow(q, 1 - s);
      const b = Math.pow(n + q, 1 - s);
      x = Math.pow(a + u * (b - a), 1 / (1 - s));
    }
    const i = Math.floor(x - q);
    return i < 0 ? 0 : i >= n ? n - 1 : i;
  }
  /** Picks from a list ordered from most to least common. */
  pickZ<T>(list: readonly T[], s = 1, q = 2): T {
    return at(list, this.zipf(list.length, s, q));
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return at(entries, entries.length - 1)[0];
  }
}

function hash(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const cap = (s: string): string => (s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1));

/**
 * An open-ended pool of invented names: rank r always gives the same name (for one seed), and ranks are
 * drawn Zipf-like, so a few names recur often and new ones keep appearing as more claims are generated.
 */
class NamePool {
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

// ---------------------------------------------------------------------------------------------------------
// Invented names, built from syllables. Surnames always take a middle syllable, which keeps them plausible
// but away from the short, common surnames of well-known people.

/** The naming conventions a person can have. */
type Style = 'ua' | 'ru' | 'west' | 'pl' | 'ro' | 'ka' | 'tr' | 'ko' | 'zh' | 'tw' | 'ja' | 'ar' | 'he' | 'fa' | 'es' | 'in' | 'af';

const UA_ROOTS = vocabulary('UA_ROOTS');
const UA_MIDS = vocabulary('UA_MIDS');
const UA_ENDS = vocabulary('UA_ENDS');
const RU_ROOTS = vocabulary('RU_ROOTS');
const RU_MIDS = vocabulary('RU_MIDS');
const RU_ENDS = vocabulary('RU_ENDS');
const WEST_ROOTS = vocabulary('WEST_ROOTS');
const WEST_MIDS = vocabulary('WEST_MIDS');
const WEST_ENDS = vocabulary('WEST_ENDS');
const PL_ROOTS = vocabulary('PL_ROOTS');
const PL_MIDS = vocabulary('PL_MIDS');
const PL_ENDS = vocabulary('PL_ENDS');
const RO_ROOTS = vocabulary('RO_ROOTS');
const RO_MIDS = vocabulary('RO_MIDS');
const RO_ENDS = vocabulary('RO_ENDS');
const KA_ROOTS = vocabulary('KA_ROOTS');
const KA_MIDS = vocabulary('KA_MIDS');
const KA_ENDS = vocabulary('KA_ENDS');
const TR_ROOTS = vocabulary('TR_ROOTS');
const TR_MIDS = vocabulary('TR_MIDS');
const TR_ENDS = vocabulary('TR_ENDS');
const JA_ROOTS = vocabulary('JA_ROOTS');
const JA_MIDS = vocabulary('JA_MIDS');
const JA_ENDS = vocabulary('JA_ENDS');
const AR_ROOTS = vocabulary('AR_ROOTS');
const AR_MIDS = vocabulary('AR_MIDS');
const AR_ENDS = vocabulary('AR_ENDS');
const HE_ROOTS = vocabulary('HE_ROOTS');
const HE_MIDS = vocabulary('HE_MIDS');
const HE_ENDS = vocabulary('HE_ENDS');
const FA_ROOTS = vocabulary('FA_ROOTS');
const FA_MIDS = vocabulary('FA_MIDS');
const FA_ENDS = vocabulary('FA_ENDS');
const ES_ROOTS = vocabulary('ES_ROOTS');
const ES_MIDS = vocabulary('ES_MIDS');
const ES_ENDS = vocabulary('ES_ENDS');
const IN_ROOTS = vocabulary('IN_ROOTS');
const IN_MIDS = vocabulary('IN_MIDS');
const IN_ENDS = vocabulary('IN_ENDS');
const AF_ROOTS = vocabulary('AF_ROOTS');
const AF_MIDS = vocabulary('AF_MIDS');
const AF_ENDS = vocabulary('AF_ENDS');

const KO_FAMILY = vocabulary('KO_FAMILY');
const KO_FIRST = vocabulary('KO_FIRST');
const KO_SECOND = vocabulary('KO_SECOND');
const ZH_FAMILY = vocabulary('ZH_FAMILY');
const ZH_FIRST = vocabulary('ZH_FIRST');
const ZH_SECOND = vocabulary('ZH_SECOND');
const TW_FAMILY = vocabulary('TW_FAMILY');
const TW_FIRST = vocabulary('TW_FIRST');
const TW_SECOND = vocabulary('TW_SECOND');

const FIRST: Record<Style, readonly string[]> = {
  ua: ['Oleksandr', 'Andrii', 'Serhii', 'Yurii', 'Dmytro', 'Oleh', 'Ihor', 'Mykola', 'Viktor', 'Vasyl', 'Olena', 'Iryna', 'Natalia', 'Yuliia', 'Oksana', 'Taras', 'Bohdan', 'Roman', 'Maksym', 'Petro', 'Yaroslav', 'Halyna', 'Svitlana', 'Mariana', 'Anatolii', 'Vitalii', 'Stanislav', 'Nazar', 'Liudmyla', 'Kateryna', 'Artem', 'Denys', 'Ruslan', 'Hanna'],
  ru: ['Alexander', 'Sergei', 'Dmitry', 'Andrei', 'Alexei', 'Mikhail', 'Ivan', 'Nikolai', 'Yevgeny', 'Igor', 'Oleg', 'Viktor', 'Yuri', 'Anna', 'Elena', 'Olga', 'Tatiana', 'Natalya', 'Irina', 'Pavel', 'Konstantin', 'Roman', 'Vadim', 'Leonid', 'Boris', 'Grigory', 'Svetlana', 'Valentina', 'Ekaterina'],
  west: ['John', 'Michael', 'David', 'James', 'Sarah', 'Emma', 'Anna', 'Thomas', 'Peter', 'Laura', 'Claire', 'Pierre', 'Jean', 'Marie', 'Hans', 'Klaus', 'Katrin', 'Lars', 'Ingrid', 'Mikko', 'Giulia', 'Marco', 'Sofia', 'Rachel', 'Daniel', 'Philip', 'Olivier', 'Camille', 'Kristjan', 'Ruta', 'Gabriel', 'Helen', 'Robert', 'Samuel', 'Fiona', 'Nora', 'Elise', 'Henrik'],
  pl: ['Piotr', 'Tomasz', 'Agnieszka', 'Katarzyna', 'Marek', 'Krzysztof', 'Magdalena', 'Pawel', 'Joanna', 'Michal', 'Ewa', 'Jakub', 'Anna', 'Wojciech', 'Malgorzata', 'Zofia'],
  ro: ['Ion', 'Mihai', 'Andrei', 'Elena', 'Ioana', 'Alexandru', 'Cristina', 'Vlad', 'Gheorghe', 'Maria', 'Radu', 'Ana', 'Dorin', 'Natalia', 'Sorin', 'Irina'],
  ka: ['Giorgi', 'Nino', 'Levan', 'Tamar', 'Davit', 'Ana', 'Irakli', 'Mariam', 'Lasha', 'Eka', 'Zurab', 'Ketevan', 'Sandro', 'Tekla'],
  tr: ['Mehmet', 'Ayse', 'Emre', 'Elif', 'Burak', 'Zeynep', 'Murat', 'Fatma', 'Can', 'Selin', 'Kerem', 'Deniz', 'Ozan', 'Esra'],
  ko: [],
  zh: [],
  tw: [],
  ja: ['Hiroshi', 'Takeshi', 'Yuki', 'Kenji', 'Akiko', 'Naomi', 'Haruto', 'Sakura', 'Daisuke', 'Emi', 'Kaori', 'Ryo', 'Satoshi', 'Yumi', 'Koji', 'Mariko'],
  ar: ['Ahmed', 'Omar', 'Khalid', 'Youssef', 'Hassan', 'Fatima', 'Layla', 'Rania', 'Nour', 'Samir', 'Tarek', 'Karim', 'Walid', 'Hisham', 'Nabil', 'Amal', 'Huda', 'Salma', 'Adel', 'Rami', 'Ziad', 'Mona', 'Sami', 'Hala', 'Bassem', 'Dina', 'Mazen', 'Rasha', 'Yasmin'],
  he: ['Yossi', 'Avi', 'Noa', 'Tamar', 'Eitan', 'Yael', 'Dana', 'Omer', 'Itai', 'Michal', 'Shira', 'Amir', 'Gal', 'Tal', 'Nir', 'Oren', 'Liat', 'Ofer', 'Hila', 'Yaniv', 'Roni'],
  fa: ['Reza', 'Hossein', 'Maryam', 'Zahra', 'Saeed', 'Hamid', 'Mehdi', 'Parisa', 'Nasrin', 'Kaveh', 'Dariush', 'Shirin', 'Arash', 'Neda', 'Babak', 'Leila', 'Farhad', 'Sara'],
  es: ['Carlos', 'Juan', 'Luis', 'Jorge', 'Maria', 'Ana', 'Lucia', 'Diego', 'Pablo', 'Javier', 'Fernanda', 'Gabriela', 'Rafael', 'Andres', 'Camila', 'Sofia', 'Joao', 'Beatriz', 'Tiago', 'Mariana', 'Ricardo', 'Valentina', 'Mateo', 'Paula'],
  in: ['Priya', 'Anil', 'Sunita', 'Vikram', 'Arjun', 'Kavita', 'Deepak', 'Meera', 'Rajesh', 'Anjali', 'Ravi', 'Neha', 'Suresh', 'Pooja', 'Manoj', 'Farhan', 'Ayesha', 'Kiran', 'Rohit', 'Divya', 'Sneha'],
  af: ['Chinedu', 'Amina', 'Oluwaseun', 'Ngozi', 'Kwame', 'Wanjiru', 'Thabo', 'Nomvula', 'Kofi', 'Achieng', 'Emeka', 'Fatou', 'Babajide', 'Zanele', 'Adaeze', 'Musa', 'Halima', 'Sipho', 'Chidi', 'Aisha'],
};

/** Smooths syllable joins: no doubled or clashing vowels ("Smirnoanov" → "Smirnonov"). */
function smooth(name: string): string {
  return name.replace(/([aeiouy])[aeiouy]+(?=[aeiouy])/g, '$1').replace(/(aa|oa|ao|yy|uu|ea|ae|oe|eo|ii|ee)/g, (pair) => pair.charAt(0));
}
const built = (roots: readonly string[], mids: readonly string[], ends: readonly string[]) => (r: Rng): string => smooth(r.pick(roots) + r.pick(mids) + r.pick(ends));

/** An invented surname (or, for family-name-first styles, an invented given name). */
const SURNAME: Record<Style, (r: Rng) => string> = {
  ua: built(UA_ROOTS, UA_MIDS, UA_ENDS),
  ru: built(RU_ROOTS, RU_MIDS, RU_ENDS),
  west: (r) => r.pick(WEST_ROOTS) + r.pick(WEST_MIDS) + r.pick(WEST_ENDS),
  pl: built(PL_ROOTS, PL_MIDS, PL_ENDS),
  ro: built(RO_ROOTS, RO_MIDS, RO_ENDS),
  ka: built(KA_ROOTS, KA_MIDS, KA_ENDS),
  tr: built(TR_ROOTS, TR_MIDS, TR_ENDS),
  ja: (r) => r.pick(JA_ROOTS) + r.pick(JA_MIDS) + r.pick(JA_ENDS),
  ar: (r) => (r.chance(0.4) ? 'al-' : '') + smooth(r.pick(AR_ROOTS) + r.pick(AR_MIDS) + r.pick(AR_ENDS)),
  he: built(HE_ROOTS, HE_MIDS, HE_ENDS),
  fa: built(FA_ROOTS, FA_MIDS, FA_ENDS),
  es: built(ES_ROOTS, ES_MIDS, ES_ENDS),
  in: built(IN_ROOTS, IN_MIDS, IN_ENDS),
  af: built(AF_ROOTS, AF_MIDS, AF_ENDS),
  ko: (r) => `${r.pick(KO_FIRST)}-${r.pick(KO_SECOND)}`,
  zh: (r) => r.pick(ZH_FIRST) + r.pick(ZH_SECOND),
  tw: (r) => `${r.pick(TW_FIRST)}-${r.pick(TW_SECOND)}`,
};
/** Styles that put the family name first ("Kim Tae-rim"). */
const FAMILY_FIRST: Partial<Record<Style, readonly string[]>> = { ko: KO_FAMILY, zh: ZH_FAMILY, tw: TW_FAMILY };

// Towns and villages for the long tail
const UA_PLACE_PRE = vocabulary('UA_PLACE_PRE');
const UA_PLACE_ROOTS = vocabulary('UA_PLACE_ROOTS');
const UA_PLACE_MIDS = vocabulary('UA_PLACE_MIDS');
const UA_PLACE_ENDS = vocabulary('UA_PLACE_ENDS');
const RU_PLACE_ROOTS = vocabulary('RU_PLACE_ROOTS');
const RU_PLACE_ENDS = vocabulary('RU_PLACE_ENDS');
const WEST_PLACE_ROOTS = vocabulary('WEST_PLACE_ROOTS');
const WEST_PLACE_MIDS = vocabulary('WEST_PLACE_MIDS');
const WEST_PLACE_ENDS = vocabulary('WEST_PLACE_ENDS');
const ES_PLACE_PRE = vocabulary('ES_PLACE_PRE');
const ES_PLACE_ROOTS = vocabulary('ES_PLACE_ROOTS');
const ES_PLACE_ENDS = vocabulary('ES_PLACE_ENDS');
const IN_PLACE_ROOTS = vocabulary('IN_PLACE_ROOTS');
const IN_PLACE_ENDS = vocabulary('IN_PLACE_ENDS');
const AR_PLACE_PRE = vocabulary('AR_PLACE_PRE');
const AR_PLACE_ROOTS = vocabulary('AR_PLACE_ROOTS');
const AR_PLACE_ENDS = vocabulary('AR_PLACE_ENDS');
const AF_PLACE_ROOTS = vocabulary('AF_PLACE_ROOTS');
const AF_PLACE_MIDS = vocabulary('AF_PLACE_MIDS');
const AF_PLACE_ENDS = vocabulary('AF_PLACE_ENDS');
const PL_PLACE_ROOTS = vocabulary('PL_PLACE_ROOTS');
const PL_PLACE_ENDS = vocabulary('PL_PLACE_ENDS');

function uaPlace(r: Rng): string {
  const pre = r.pick(UA_PLACE_PRE);
  const root = r.pick(UA_PLACE_ROOTS) + r.pick(UA_PLACE_MIDS) + r.pick(UA_PLACE_ENDS);
  return smooth(pre.endsWith(' ') || pre === '' ? pre + cap(root) : pre + root);
}
function ruPlace(r: Rng): string {
  return smooth(r.pick(RU_PLACE_ROOTS) + r.pick(RU_MIDS) + r.pick(RU_PLACE_ENDS));
}
function westPlace(r: Rng): string {
  const root = r.pick(WEST_PLACE_ROOTS);
  return root.endsWith(' ') || root.endsWith('-') ? root + cap(r.pick(WEST_PLACE_ROOTS).trim().replace(/-$/, '').toLowerCase() + r.pick(WEST_PLACE_ENDS)).replace(/^./, (c) => c.toUpperCase()) : smooth(root + r.pick(WEST_PLACE_MIDS) + r.pick(WEST_PLACE_ENDS));
}
function esPlace(r: Rng): string {
  return r.pick(ES_PLACE_PRE) + smooth(r.pick(ES_PLACE_ROOTS) + r.pick(['', '', 'a', 'o', 'er', 'in']) + r.pick(ES_PLACE_ENDS));
}
function inPlace(r: Rng): string {
  return r.pick(IN_PLACE_ROOTS) + r.pick(['', '', 'a', 'i']) + r.pick(IN_PLACE_ENDS);
}
function arPlace(r: Rng): string {
  return r.pick(AR_PLACE_PRE) + smooth(r.pick(AR_PLACE_ROOTS) + r.pick(['', 'a', 'i', 'ou', 'ar']) + r.pick(AR_PLACE_ENDS));
}
function afPlace(r: Rng): string {
  return cap(smooth(r.pick(AF_PLACE_ROOTS).toLowerCase() + r.pick(AF_PLACE_MIDS) + r.pick(AF_PLACE_ENDS)));
}
function plPlace(r: Rng): string {
  const root = r.pick(PL_PLACE_ROOTS);
  return root.endsWith(' ') ? root + cap(r.pick(PL_PLACE_ROOTS).trim().toLowerCase() + r.pick(PL_PLACE_ENDS)) : root + r.pick(['', 'a', 'e', 'o']) + r.pick(PL_PLACE_ENDS);
}

// Organisations and companies
const ORG_ROOTS = vocabulary('ORG_ROOTS');
const ORG_MIDS = vocabulary('ORG_MIDS');
const ORG_ENDS = vocabulary('ORG_ENDS');
const RU_CO_ROOTS = vocabulary('RU_CO_ROOTS');
/** Russian companies take two trade syllables after the place ("Kamaoptikasnab"), unlike the short names of real ones. */
const RU_CO_MIDS = vocabulary('RU_CO_MIDS');
const RU_CO_TAILS = vocabulary('RU_CO_TAILS');

/** An invented name for an organisation or company: at least six letters, which keeps it off short real brands. */
function orgRoot(r: Rng): string {
  for (;;) {
    const root = smooth(r.pick(ORG_ROOTS) + r.pick(ORG_MIDS) + (r.chance(0.4) ? r.pick(ORG_ROOTS).toLowerCase() : '') + r.pick(ORG_ENDS));
    if (root.length >= 6) return root;
  }
}
function ruCompany(r: Rng): string {
  for (;;) {
    const mid = r.pick(RU_CO_MIDS);
    const tail = r.pick(RU_CO_TAILS);
    if (mid !== tail) return r.pick(RU_CO_ROOTS) + mid + tail;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Fixed vocabulary (ordered roughly from most to least common). Places, countries and things are real;
// every outlet, organisation and company is invented.

/** A country a story can be about, with what its claims need to name. */
interface Land {
  name: string;
  adj: string;
  style: Style;
  parliament: string;
  cities: readonly string[];
  /** Whether voters elect a president directly. */
  president: boolean;
}
const PRESIDENTIAL = new Set(['the United States', 'France', 'Poland', 'Romania', 'Moldova', 'Brazil', 'Mexico', 'Argentina', 'Colombia', 'Chile', 'the Philippines', 'Nigeria', 'Kenya', 'South Korea', 'Taiwan', 'Ukraine', 'Iran']);
const land = (name: string, adj: string, style: Style, parliament: string, cities: readonly string[]): Land => ({ name, adj, style, parliament, cities, president: PRESIDENTIAL.has(name) });

const US = land('the United States', 'US', 'west', 'Congress', ['Washington', 'New York', 'Chicago', 'Houston', 'Phoenix', 'Atlanta', 'Philadelphia', 'Miami', 'Detroit', 'Denver', 'Los Angeles', 'Dallas']);
const UK = land('the United Kingdom', 'British', 'west', 'Parliament', ['London', 'Manchester', 'Birmingham', 'Glasgow', 'Leeds', 'Cardiff', 'Belfast', 'Bristol', 'Liverpool', 'Newcastle']);
const DE = land('Germany', 'German', 'west', 'the Bundestag', ['Berlin', 'Munich', 'Hamburg', 'Cologne', 'Leipzig', 'Dresden', 'Frankfurt', 'Stuttgart', 'Essen', 'Hanover']);
const FR = land('France', 'French', 'west', 'the National Assembly', ['Paris', 'Marseille', 'Lyon', 'Lille', 'Toulouse', 'Nantes', 'Bordeaux', 'Strasbourg', 'Nice', 'Rennes']);
const ES = land('Spain', 'Spanish', 'es', 'parliament', ['Madrid', 'Barcelona', 'Valencia', 'Seville', 'Bilbao', 'Malaga', 'Zaragoza', 'Murcia']);
const IT = land('Italy', 'Italian', 'west', 'parliament', ['Rome', 'Milan', 'Naples', 'Turin', 'Palermo', 'Bologna', 'Florence', 'Genoa']);
const NL = land('the Netherlands', 'Dutch', 'west', 'parliament', ['Amsterdam', 'Rotterdam', 'The Hague', 'Utrecht', 'Eindhoven', 'Groningen']);
const GR = land('Greece', 'Greek', 'west', 'parliament', ['Athens', 'Thessaloniki', 'Patras', 'Heraklion', 'Larissa', 'Volos']);
const PL = land('Poland', 'Polish', 'pl', 'the Sejm', ['Warsaw', 'Krakow', 'Gdansk', 'Wroclaw', 'Poznan', 'Lodz', 'Lublin', 'Szczecin']);
const RO = land('Romania', 'Romanian', 'ro', 'parliament', ['Bucharest', 'Cluj-Napoca', 'Iasi', 'Timisoara', 'Constanta', 'Brasov']);
const MD = land('Moldova', 'Moldovan', 'ro', 'parliament', ['Chisinau', 'Balti', 'Comrat', 'Cahul', 'Orhei']);
const GE = land('Georgia', 'Georgian', 'ka', 'parliament', ['Tbilisi', 'Batumi', 'Kutaisi', 'Rustavi', 'Zugdidi', 'Gori']);
const TR = land('Turkey', 'Turkish', 'tr', 'parliament', ['Istanbul', 'Ankara', 'Izmir', 'Antakya', 'Gaziantep', 'Adana', 'Bursa']);
const IN = land('India', 'Indian', 'in', 'parliament', ['New Delhi', 'Mumbai', 'Kolkata', 'Chennai', 'Bengaluru', 'Patna', 'Lucknow', 'Hyderabad', 'Guwahati']);
const BR = land('Brazil', 'Brazilian', 'es', 'Congress', ['Brasilia', 'Sao Paulo', 'Rio de Janeiro', 'Porto Alegre', 'Salvador', 'Recife', 'Manaus', 'Belem']);
const MX = land('Mexico', 'Mexican', 'es', 'Congress', ['Mexico City', 'Guadalajara', 'Monterrey', 'Tijuana', 'Puebla', 'Oaxaca', 'Acapulco']);
const AR = land('Argentina', 'Argentine', 'es', 'Congress', ['Buenos Aires', 'Cordoba', 'Rosario', 'Mendoza', 'La Plata']);
const CO = land('Colombia', 'Colombian', 'es', 'Congress', ['Bogota', 'Medellin', 'Cali', 'Barranquilla', 'Cartagena']);
const CL = land('Chile', 'Chilean', 'es', 'Congress', ['Santiago', 'Valparaiso', 'Concepcion', 'Antofagasta', 'Vina del Mar']);
const PH = land('the Philippines', 'Philippine', 'es', 'Congress', ['Manila', 'Quezon City', 'Cebu', 'Davao', 'Tacloban']);
const NG = land('Nigeria', 'Nigerian', 'af', 'the National Assembly', ['Abuja', 'Lagos', 'Kano', 'Ibadan', 'Port Harcourt', 'Maiduguri', 'Kaduna']);
const KE = land('Kenya', 'Kenyan', 'af', 'parliament', ['Nairobi', 'Mombasa', 'Kisumu', 'Nakuru', 'Eldoret']);
const ZA = land('South Africa', 'South African', 'af', 'parliament', ['Johannesburg', 'Cape Town', 'Durban', 'Pretoria', 'Gqeberha', 'Bloemfontein']);
const JP = land('Japan', 'Japanese', 'ja', 'the Diet', ['Tokyo', 'Osaka', 'Yokohama', 'Nagoya', 'Sapporo', 'Fukuoka', 'Kobe', 'Sendai']);
const KR = land('South Korea', 'South Korean', 'ko', 'the National Assembly', ['Seoul', 'Busan', 'Incheon', 'Daegu', 'Gwangju', 'Daejeon']);
const TW = land('Taiwan', 'Taiwanese', 'tw', 'the legislature', ['Taipei', 'Kaohsiung', 'Taichung', 'Tainan', 'Hsinchu', 'Keelung', 'Hualien']);
const CA = land('Canada', 'Canadian', 'west', 'Parliament', ['Ottawa', 'Toronto', 'Montreal', 'Vancouver', 'Calgary', 'Winnipeg']);
const AU = land('Australia', 'Australian', 'west', 'Parliament', ['Canberra', 'Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide']);
const MA = land('Morocco', 'Moroccan', 'ar', 'parliament', ['Rabat', 'Casablanca', 'Marrakesh', 'Fez', 'Tangier', 'Agadir']);
const EG = land('Egypt', 'Egyptian', 'ar', 'parliament', ['Cairo', 'Alexandria', 'Port Said', 'Ismailia', 'Suez', 'Aswan']);
const UA = land('Ukraine', 'Ukrainian', 'ua', 'parliament', ['Kyiv', 'Kharkiv', 'Odesa', 'Dnipro', 'Zaporizhzhia', 'Lviv']);
const IL = land('Israel', 'Israeli', 'he', 'the Knesset', ['Jerusalem', 'Tel Aviv', 'Haifa', 'Beersheba', 'Ashkelon', 'Sderot']);
const IR = land('Iran', 'Iranian', 'fa', 'parliament', ['Tehran', 'Isfahan', 'Mashhad', 'Shiraz', 'Tabriz', 'Ahvaz']);
const SD = land('Sudan', 'Sudanese', 'ar', 'parliament', ['Port Sudan', 'Khartoum', 'Omdurman', 'El Fasher', 'Nyala', 'Wad Madani', 'El Obeid', 'Kassala']);
const CN = land('China', 'Chinese', 'zh', 'the National People’s Congress', ['Beijing', 'Shanghai', 'Shenzhen', 'Xiamen', 'Fuzhou', 'Guangzhou']);

const ELECTION_LANDS = [US, DE, FR, UK, PL, BR, IN, RO, MX, JP, KR, MD, GE, CA, AU, NG, ZA, KE, CO, AR, CL, PH, NL, ES, IT, GR, TW];
const ECONOMY_LANDS = [US, UK, DE, FR, JP, IT, ES, CA, IN, BR, AU, PL, TR, MX, KR, NL, ZA, NG, AR, EG, CO, KE, RO, GR];
const TRADE_LANDS = [DE, FR, UK, JP, CA, MX, IN, KR, IT, BR, ES, NL, AU, PL, TR, ZA, AR, CO, KE, EG];
/** Where strong earthquakes happen. */
const QUAKE_LANDS = new Set([IT, GR, TR, JP, MX, CL, PH, MA, US, CO, IN, TW, ES]);
const DISASTER_LANDS = [ES, IT, US, GR, TR, BR, IN, PH, JP, MX, DE, CA, AU, MA, CL, KE, NG, FR, UK, PL, RO, CO];
const HEALTH_LANDS = [UK, US, FR, DE, IN, NG, KE, BR, ES, IT, CA, AU, PL, RO, PH, ZA, JP, MX, EG, NL];
const TECH_LANDS = [US, UK, DE, FR, JP, KR, TW, IN, NL, CA, AU, ES, IT, PL, BR];
const MIGRATION_LANDS = [UK, US, IT, DE, FR, ES, GR, NL, PL, CA, AU, MX];
const ENERGY_LANDS = [DE, UK, FR, US, IT, ES, PL, NL, JP, KR, IN, AU, CA, RO, TR, GR];
const JUSTICE_LANDS = [US, UK, FR, DE, BR, ES, IT, MX, PL, IN, ZA, KE, AR, CO, RO, GR, NL, PH];

const UA_FRONT = vocabulary('UA_FRONT');
const UA_CITIES = vocabulary('UA_CITIES');
const OCCUPIED = vocabulary('OCCUPIED');
const RU_PLACES = vocabulary('RU_PLACES');
const REGIONS = vocabulary('REGIONS');
const FAR_EAST = vocabulary('FAR_EAST');
const WORLD_CITIES = vocabulary('WORLD_CITIES');
const COUNTRIES: readonly (readonly [string, string])[] = [
  ['the United States', 'US'], ['Germany', 'German'], ['France', 'French'], ['the United Kingdom', 'British'], ['Poland', 'Polish'], ['Japan', 'Japanese'], ['China', 'Chinese'], ['India', 'Indian'], ['Turkey', 'Turkish'], ['Italy', 'Italian'], ['Canada', 'Canadian'], ['Brazil', 'Brazilian'], ['South Korea', 'South Korean'], ['Saudi Arabia', 'Saudi'], ['the Netherlands', 'Dutch'], ['Spain', 'Spanish'], ['Australia', 'Australian'], ['Sweden', 'Swedish'], ['Norway', 'Norwegian'], ['Egypt', 'Egyptian'], ['Qatar', 'Qatari'], ['the United Arab Emirates', 'Emirati'], ['South Africa', 'South African'], ['Mexico', 'Mexican'], ['Denmark', 'Danish'], ['Finland', 'Finnish'], ['Lithuania', 'Lithuanian'], ['Estonia', 'Estonian'], ['Latvia', 'Latvian'], ['Belgium', 'Belgian'], ['Czechia', 'Czech'], ['Romania', 'Romanian'], ['Hungary', 'Hungarian'], ['Greece', 'Greek'], ['Portugal', 'Portuguese'], ['Indonesia', 'Indonesian'], ['Nigeria', 'Nigerian'], ['Kenya', 'Kenyan'], ['Argentina', 'Argentine'], ['Switzerland', 'Swiss'],
];
/** Countries that arm Ukraine and sanction Russia. */
const ALLIES: readonly (readonly [string, string])[] = [
  ['the United States', 'US'], ['Germany', 'German'], ['the United Kingdom', 'British'], ['France', 'French'], ['Poland', 'Polish'], ['Canada', 'Canadian'], ['Japan', 'Japanese'], ['the Netherlands', 'Dutch'], ['Sweden', 'Swedish'], ['Norway', 'Norwegian'], ['Denmark', 'Danish'], ['Finland', 'Finnish'], ['Italy', 'Italian'], ['Lithuania', 'Lithuanian'], ['Estonia', 'Estonian'], ['Latvia', 'Latvian'], ['Belgium', 'Belgian'], ['Czechia', 'Czech'], ['Australia', 'Australian'], ['Spain', 'Spanish'], ['South Korea', 'South Korean'], ['Romania', 'Romanian'], ['Portugal', 'Portuguese'], ['Switzerland', 'Swiss'],
];
/** Countries outside the EU that trade with it and with the United States. */
const TRADE_PARTNERS = vocabulary('TRADE_PARTNERS');
const WEST_ADJ = vocabulary('WEST_ADJ');
const TRANSIT = vocabulary('TRANSIT');
const GAZA = vocabulary('GAZA');
const WEST_BANK = vocabulary('WEST_BANK');
const LEBANON = vocabulary('LEBANON');
const SYRIA = vocabulary('SYRIA');
const SUDAN = vocabulary('SUDAN');
const SUDAN_STATES = vocabulary('SUDAN_STATES');
const CONGO = vocabulary('CONGO');
const SAHEL = vocabulary('SAHEL');
const TAIWAN_PLACES = vocabulary('TAIWAN_PLACES');
const SHOALS = vocabulary('SHOALS');
const WEEKDAYS = vocabulary('WEEKDAYS');
const MONTHS = vocabulary('MONTHS');
const TROOPS = vocabulary('TROOPS');
const RU_UNIT_TYPES = vocabulary('RU_UNIT_TYPES');
const UA_UNIT_TYPES = vocabulary('UA_UNIT_TYPES');
const WEAPONS = vocabulary('WEAPONS');
const AID_WEAPONS = vocabulary('AID_WEAPONS');
const COMPONENTS = vocabulary('COMPONENTS');
const BUILDINGS = vocabulary('BUILDINGS');
const INFRA = vocabulary('INFRA');
const EVENTS = vocabulary('EVENTS');
const RU_GROUPS = vocabulary('RU_GROUPS');
const UA_COMMANDS = vocabulary('UA_COMMANDS');
const DISEASES = vocabulary('DISEASES');
const SECTORS = vocabulary('SECTORS');
const GOODS = vocabulary('GOODS');
const PARTIES = vocabulary('PARTIES');
const PLEDGES = vocabulary('PLEDGES');
const STORM_NAMES = vocabulary('STORM_NAMES');

// Invented outlets: the first ones are the most common.
const OUTLETS = vocabulary('OUTLETS');
const REGIONAL_OUTLETS = {
  ukraine: ['Dnipro Courier', 'Kyiv Evening Wire', 'Steppe Dispatch', 'Carpathian Ledger', 'Podillia Today', 'Zaporizhzhia Morning', 'Vistula Review'],
  mideast: ['Levant Ledger', 'Gulf Morning Wire', 'Cedar Coast News', 'Euphrates Review', 'Red Sea Tribune'],
  africa: ['Nile Valley Courier', 'Sahel Daily Report', 'Great Lakes Wire', 'Highveld Courier', 'Savanna Post'],
  asia: ['Formosa Strait Wire', 'Pacific Rim Bulletin', 'Han River Journal', 'Monsoon Daily', 'Eastern Harbour News'],
  americas: ['Andes Morning Post', 'Pampas Chronicle', 'Rio Grande Reporter', 'Tidewater Radio', 'Lakeside Sentinel'],
  europe: ['Vistula Review', 'Danube Evening Post', 'Rheinufer Rundschau', 'Il Nuovo Faro', 'Le Veilleur du Rhône', 'Amber Coast Gazette', 'Gazeta Nadbrzezna'],
} as const;
type Region = keyof typeof REGIONAL_OUTLETS;
const LAND_REGION = new Map<Land, Region>([
  [US, 'americas'], [CA, 'americas'], [BR, 'americas'], [MX, 'americas'], [AR, 'americas'], [CO, 'americas'], [CL, 'americas'],
  [UK, 'europe'], [DE, 'europe'], [FR, 'europe'], [ES, 'europe'], [IT, 'europe'], [NL, 'europe'], [GR, 'europe'], [PL, 'europe'], [RO, 'europe'], [MD, 'europe'], [GE, 'europe'], [TR, 'europe'],
  [IN, 'asia'], [JP, 'asia'], [KR, 'asia'], [TW, 'asia'], [PH, 'asia'], [AU, 'asia'], [CN, 'asia'],
  [NG, 'africa'], [KE, 'africa'], [ZA, 'africa'], [MA, 'africa'], [EG, 'mideast'], [SD, 'africa'],
  [UA, 'ukraine'], [IL, 'mideast'], [IR, 'mideast'],
]);

/** What invented organisations are called and described as, by theme. */
type OrgTheme = 'security' | 'mideast' | 'africa' | 'asia' | 'politics' | 'economy' | 'energy' | 'health' | 'tech' | 'migration' | 'justice';
interface OrgKind {
  /** Recurring organisations: [name as used in a sentence, description]. */
  fixed: readonly (readonly [string, string])[];
  /** Names for the long tail, `%` standing for an invented root. */
  names: readonly (readonly [string, number])[];
  descriptions: readonly string[];
}
const ORGS: Record<OrgTheme, OrgKind> = {
  security: {
    fixed: [['the Centre for Eastern Security Studies', 'think tank'], ['the Northbridge Conflict Monitor', 'open-source intelligence group'], ['the Institute for Frontline Studies', 'defence research group'], ['the Atlantic Forum for Defence Policy', 'think tank based in Washington'], ['the Vistula Security Initiative', 'Warsaw-based think tank'], ['Kestrel Imagery Analytics', 'satellite imagery analysis firm']],
    names: [['the % Institute for Strategic Studies', 3], ['the % Centre for Security Policy', 2], ['% Analytics', 2], ['the % Defence Forum', 1], ['% Research Group', 1], ['the % Centre for Eurasian Studies', 1], ['% Risk Monitor', 1]],
    descriptions: ['think tank', 'defence research group', 'think tank based in Washington', 'London-based consultancy', 'open-source intelligence group', 'Kyiv-based think tank', 'Berlin think tank', 'monitoring group', 'Warsaw-based think tank', 'Tallinn-based research centre'],
  },
  mideast: {
    fixed: [['the Levant Ceasefire Monitor', 'monitoring group'], ['the Centre for Gulf and Levant Studies', 'think tank'], ['the Crossings Relief Network', 'aid coalition'], ['Maritime Risk Desk', 'shipping security consultancy']],
    names: [['the % Centre for Middle East Policy', 2], ['the % Relief Foundation', 2], ['% Humanitarian Monitor', 2], ['the % Institute for Regional Studies', 1], ['% Maritime Intelligence', 1]],
    descriptions: ['think tank', 'aid group', 'monitoring group', 'human rights group', 'Beirut-based research centre', 'Amman-based think tank', 'maritime security firm'],
  },
  africa: {
    fixed: [['the Horn of Africa Conflict Observatory', 'monitoring group'], ['the Sahel Crisis Watch', 'research group'], ['the Great Lakes Peace Network', 'civil society coalition']],
    names: [['the % Centre for African Security', 2], ['% Famine Monitor', 1], ['the % Relief Trust', 2], ['% Conflict Data Project', 1]],
    descriptions: ['monitoring group', 'aid group', 'think tank', 'Nairobi-based research centre', 'human rights group', 'famine early-warning project'],
  },
  asia: {
    fixed: [['the Pacific Strait Research Council', 'think tank'], ['the Harbour Island Maritime Monitor', 'maritime research group'], ['the Eastern Seas Transparency Project', 'research project']],
    names: [['the % Institute for Asia-Pacific Studies', 2], ['% Strategic Advisory', 1], ['the % Centre for Peninsula Studies', 1], ['% Maritime Monitor', 1]],
    descriptions: ['think tank', 'Tokyo-based think tank', 'Singapore-based research centre', 'maritime research group', 'Seoul-based research institute', 'defence consultancy'],
  },
  politics: {
    fixed: [['the Ballot Integrity Observatory', 'election monitoring group'], ['Civic Pulse Polling', 'polling firm'], ['Northline Research', 'polling firm'], ['the Open Mandate Institute', 'think tank']],
    names: [['% Polling', 2], ['% Research', 2], ['the % Institute for Democracy', 1], ['% Election Watch', 1], ['the % Centre for Public Opinion', 1]],
    descriptions: ['polling firm', 'election monitoring group', 'think tank', 'political research institute', 'anti-corruption group', 'fact-checking group'],
  },
  economy: {
    fixed: [['the Fiscal Outlook Institute', 'economic think tank'], ['Ledgerline Economics', 'consultancy'], ['the Centre for Household Finance', 'research institute'], ['Trade Route Analytics', 'supply chain research firm']],
    names: [['% Economics', 2], ['the % Institute for Economic Research', 2], ['% Capital', 1], ['% Advisory', 1], ['the % Centre for Trade Policy', 1]],
    descriptions: ['economic think tank', 'consultancy', 'research institute', 'investment bank', 'credit research firm', 'employers’ group', 'trade union'],
  },
  energy: {
    fixed: [['the Centre for Energy Transition Analysis', 'energy think tank'], ['the Climate Risk Ledger', 'climate research group'], ['the Greenfield Emissions Tracker', 'research project'], ['the Tanker Watch Collective', 'shipping monitoring group']],
    names: [['% Energy Insights', 2], ['the % Climate Institute', 2], ['% Commodities Research', 1], ['the % Centre for Climate Policy', 1], ['% Grid Analytics', 1]],
    descriptions: ['energy think tank', 'climate research group', 'commodities consultancy', 'environmental campaign group', 'research institute'],
  },
  health: {
    fixed: [['the Public Health Preparedness Network', 'research network'], ['the Riverside Epidemiology Unit', 'university research unit'], ['the Open Ward Foundation', 'medical charity'], ['the Patients First Alliance', 'patients’ group']],
    names: [['the % Health Foundation', 2], ['% Health Analytics', 1], ['the % Institute for Public Health', 2], ['the % Medical Trust', 1]],
    descriptions: ['medical charity', 'public health research centre', 'health think tank', 'patients’ group', 'doctors’ union', 'research network'],
  },
  tech: {
    fixed: [['the Digital Harbour Institute', 'digital rights group'], ['Grey Lantern Security', 'cyber security firm'], ['the Brightline AI Policy Lab', 'technology think tank']],
    names: [['% Security', 2], ['% Labs', 1], ['the % Digital Rights Centre', 1], ['% Threat Intelligence', 2], ['the % Institute for Technology Policy', 1]],
    descriptions: ['cyber security firm', 'digital rights group', 'technology think tank', 'threat intelligence firm', 'research firm'],
  },
  migration: {
    fixed: [['the Border and Asylum Research Centre', 'research centre'], ['the Open Shore Collective', 'refugee rights group'], ['the Sea Rescue Alliance', 'search-and-rescue charity']],
    names: [['the % Refugee Council', 1], ['the % Centre for Migration Studies', 2], ['% Rescue', 1], ['the % Asylum Project', 1]],
    descriptions: ['refugee rights group', 'research centre', 'search-and-rescue charity', 'think tank', 'legal aid group'],
  },
  justice: {
    fixed: [['the Clean Ledger Initiative', 'anti-corruption group'], ['the Courtwatch Network', 'legal monitoring group']],
    names: [['the % Centre for the Rule of Law', 2], ['% Legal Watch', 1], ['the % Anti-Corruption Foundation', 1]],
    descriptions: ['anti-corruption group', 'legal monitoring group', 'civil liberties group', 'think tank'],
  },
};

/** Unnamed sources: [name, description]. */
type Anon = readonly (readonly [string, string])[];
const ANONYMOUS: Anon = [
  ['Some reports', 'unnamed in the article'],
  ['Two people familiar with the matter', ''],
  ['A senior official', 'speaking on condition of anonymity'],
  ['Officials briefed on the plans', 'unnamed'],
  ['A person with knowledge of the talks', ''],
  ['Local residents', ''],
  ['Diplomatic sources', 'unnamed'],
  ['A government source', ''],
  ['Several social media accounts', 'unnamed'],
  ['People close to the negotiations', 'unnamed'],
];
const WAR_ANONYMOUS: Anon = [
  ['Ukrainian intelligence sources', 'unnamed'],
  ['A senior Western official', 'speaking on condition of anonymity'],
  ['A source in the Ukrainian military', ''],
  ['Western officials', 'unnamed'],
  ['A Russian military blogger', 'unnamed'],
  ['Three US officials', 'unnamed'],
  ['A source close to the Russian leadership', ''],
  ['Several Telegram channels', 'unnamed'],
  ['A European intelligence official', 'speaking on condition of anonymity'],
  ['Sources in the Russian defence industry', 'unnamed'],
  ['A senior Western diplomat', 'speaking on condition of anonymity'],
];

// ---------------------------------------------------------------------------------------------------------
// Numbers written as journalists write them

function commas(n: number): string {
  const s = String(Math.round(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s.charAt(i);
  }
  return out;
}

/** A round number with two significant figures in lo..hi. */
function roundNumber(r: Rng, lo: number, hi: number): number {
  const n = lo + r.next() * (hi - lo);
  const magnitude = Math.pow(10, Math.max(0, Math.floor(Math.log10(n)) - 1));
  return Math.max(lo, Math.round(n / magnitude) * magnitude);
}

const SMALL_WORDS = vocabulary('SMALL_WORDS');

// ---------------------------------------------------------------------------------------------------------
// The generator

type Tpl = (g: Gen) => string;
/** Which side of a story a speaker is on: `a` and `b` are the interested parties, `n` everyone else. */
type Side = 'a' | 'b' | 'n';
type Kind = 'person' | 'official' | 'anonymous' | 'media' | 'thinktank' | 'ngo';
interface Speaker {
  party: Party;
  kind: Kind;
  side: Side;
  key: string;
  interested: boolean;
}
type CompanyKind = 'any' | 'ru' | 'energy' | 'tech' | 'bank' | 'shipping' | 'pharma';

const COMPANY_SUFFIXES: Record<Exclude<CompanyKind, 'ru'>, readonly string[]> = {
  any: ['Group', 'Industries', 'Holdings', 'Trading', 'Logistics', 'Electronics', 'Components', 'Foods', 'Motors', 'Retail', 'Supply', 'Systems'],
  energy: ['Energy', 'Power', 'Renewables', 'Oil and Gas', 'Utilities', 'Grid'],
  tech: ['Technologies', 'Systems', 'Software', 'Cloud', 'Networks', 'Data', 'Semiconductor'],
  bank: ['Bank', 'Capital', 'Securities', 'Financial', 'Savings Bank'],
  shipping: ['Shipping', 'Maritime', 'Lines', 'Tankers', 'Freight'],
  pharma: ['Pharma', 'Biotech', 'Therapeutics', 'Laboratories'],
};

/** An invented person, with the given (or family) name drawn from `r`. */
function inventPerson(r: Rng, style: Style): string {
  const family = FAMILY_FIRST[style];
  return family ? `${r.pick(family)} ${SURNAME[style](r)}` : `${r.pick(FIRST[style])} ${SURNAME[style](r)}`;
}

class Gen {
  readonly r: Rng;
  readonly tags = new Set<string>();
  /** The topic and country of the claim being written. */
  topic!: Topic;
  land!: Land;
  private readonly surnames: Record<Style, NamePool>;
  private readonly towns: Partial<Record<Style, NamePool>>;
  private readonly uaPlaces: NamePool;
  private readonly ruPlaces: NamePool;
  private readonly orgs: NamePool;
  private readonly ruCompanies: NamePool;
  private readonly unitNames: NamePool;
  private readonly holders = new Map<string, string>();

  constructor(private readonly seed: number) {
    this.r = new Rng(seed);
    const names = (salt: number, style: Style, size: number) => new NamePool(seed, salt, size, SURNAME[style]);
    this.surnames = {
      ua: names(1, 'ua', 32000), ru: names(2, 'ru', 32000), west: names(3, 'west', 32000), pl: names(4, 'pl', 8000), ro: names(5, 'ro', 6400), ka: names(6, 'ka', 3200),
      tr: names(7, 'tr', 4800), ko: names(8, 'ko', 1440), zh: names(9, 'zh', 1440), tw: names(10, 'tw', 1440), ja: names(11, 'ja', 3200), ar: names(12, 'ar', 12800),
      he: names(13, 'he', 3200), fa: names(14, 'fa', 3200), es: names(15, 'es', 12800), in: names(16, 'in', 8000), af: names(17, 'af', 12800),
    };
    this.towns = {
      west: new NamePool(seed, 20, 19200, westPlace),
      es: new NamePool(seed, 21, 12800, esPlace),
      in: new NamePool(seed, 22, 6400, inPlace),
      ar: new NamePool(seed, 23, 12800, arPlace),
      af: new NamePool(seed, 24, 12800, afPlace),
      pl: new NamePool(seed, 25, 6400, plPlace),
    };
    this.uaPlaces = new NamePool(seed, 26, 32000, uaPlace);
    this.ruPlaces = new NamePool(seed, 27, 19200, ruPlace);
    this.orgs = new NamePool(seed, 28, 32000, orgRoot);
    this.ruCompanies = new NamePool(seed, 29, 12800, ruCompany);
    this.unitNames = new NamePool(seed, 30, 9600, (r) => (r.chance(0.5) ? orgRoot(r) : SURNAME.ua(r)));
  }

  pick<T>(list: readonly T[]): T {
    return this.r.pick(list);
  }
  z<T>(list: readonly T[]): T {
    return this.r.pickZ(list);
  }
  chance(p: number): boolean {
    return this.r.chance(p);
  }
  tag(...tags: string[]): void {
    for (const t of tags) this.tags.add(t);
  }
  private tagged(place: string): string {
    this.tag(slugify(place));
    return place;
  }

  // numbers
  troops(): string {
    this.tag('troop-numbers');
    return this.r.weighted<() => string>([
      [() => this.z(['10,000', '12,000', '11,000', '3,000', '1,500', '3,500', '8,000', '15,000', '5,000', '100,000', '7,000', '2,000', '50,000', '4,500', '6,000', '11,500', '13,000']), 5],
      [() => `${this.z(['about', 'more than', 'up to', 'at least', 'nearly', 'some', 'around', 'fewer than', 'roughly'])} ${commas(roundNumber(this.r, 500, 20000))}`, 3],
      [() => commas(roundNumber(this.r, 200, 60000)), 2],
    ])();
  }
  count(lo = 2, hi = 90): string {
    const n = this.r.range(lo, hi);
    return n >= 2 && n <= 9 && this.chance(0.6) ? at(SMALL_WORDS, n - 2) : commas(n);
  }
  big(lo = 100, hi = 5000): string {
    return commas(roundNumber(this.r, lo, hi));
  }
  money(): string {
    const currency = this.r.weighted([['$', 6], ['€', 3], ['£', 1]] as const);
    if (this.chance(0.5)) return `${currency}${this.r.pickZ(['1', '2', '1.5', '3', '5', '2.5', '10', '4', '6', '1.2', '8', '20', '50', '60', '1.7', '7.5'])} billion`;
    return `${currency}${commas(roundNumber(this.r, 10, 900))} million`;
  }
  millions(): string {
    return `${this.r.pickZ(['2', '1', '3', '1.5', '6', '10', '4', '8', '12', '25', '40', '20'])} million`;
  }
  percent(lo = 2, hi = 85): string {
    return `${this.r.range(lo, hi)}%`;
  }
  /** "3.4", for rates and shares given to one decimal. */
  dec(lo: number, hi: number): string {
    return `${this.r.range(lo, hi)}.${this.r.range(0, 9)}`;
  }
  ordinal(max = 160): string {
    const n = this.r.zipf(max, 0.9, 3) + 1;
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
    return `${n}${suffix}`;
  }
  km(): string {
    return this.chance(0.3) ? `${this.r.range(1, 9)}.${this.r.range(1, 9)} kilometres` : `${this.r.range(2, 40)} kilometres`;
  }
  month(): string {
    return this.pick(MONTHS);
  }
  weekday(): string {
    return this.pick(WEEKDAYS);
  }
  date(): string {
    return `${this.r.range(1, 28)} ${this.month()}`;
  }
  year(lo = 2027, hi = 2040): string {
    return String(this.r.range(lo, hi));
  }
  period(): string {
    return this.z(['week', '24 hours', 'month', 'two weeks', 'three days', 'weekend', 'three months', 'year']);
  }
  soon(): string {
    return this.z(['next month', 'by the end of the year', `in ${this.month()}`, 'before winter', 'within weeks', 'in the coming months', 'this spring', `by ${this.month()}`]);
  }
  when(): string {
    return this.z(['last week', 'in recent days', 'since October', 'this month', 'over the past month', 'earlier this year', 'in the autumn', 'since the summer', `in ${this.month()}`, `since ${this.month()}`, `by the end of ${this.month()}`, 'in 2024', 'in 2025', 'last year', 'overnight', 'on Sunday']);
  }

  // places in and around Ukraine
  front(): string {
    return this.chance(0.45) ? this.village() : this.tagged(this.z(UA_FRONT));
  }
  village(): string {
    return this.uaPlaces.draw(this.r);
  }
  uaCity(): string {
    return this.tagged(this.z(UA_CITIES));
  }
  occupied(): string {
    return this.tagged(this.z(OCCUPIED));
  }
  ruPlace(): string {
    return this.chance(0.4) ? this.ruPlaces.draw(this.r) : this.tagged(this.z(RU_PLACES));
  }
  farEast(): string {
    return this.chance(0.3) ? `${this.ruPlaces.draw(this.r)} in the Far East` : this.z(FAR_EAST);
  }
  region(): string {
    return this.tagged(this.z(REGIONS));
  }
  // places elsewhere
  city(): string {
    return this.z(WORLD_CITIES);
  }
  country(): string {
    return this.z(COUNTRIES)[0];
  }
  countryAdj(): string {
    return this.z(COUNTRIES)[1];
  }
  ally(): string {
    return this.z(ALLIES)[0];
  }
  allyAdj(): string {
    return this.z(ALLIES)[1];
  }
  tradePartner(): string {
    return this.z(TRADE_PARTNERS);
  }
  westAdj(): string {
    return this.z(WEST_ADJ);
  }
  gaza(): string {
    return this.tagged(this.z(GAZA));
  }
  westBank(): string {
    return this.tagged(this.z(WEST_BANK));
  }
  lebanon(): string {
    return this.chance(0.3) ? this.arVillage() : this.tagged(this.z(LEBANON));
  }
  syria(): string {
    return this.tagged(this.z(SYRIA));
  }
  sudan(): string {
    return this.tagged(this.z(SUDAN));
  }
  sudanState(): string {
    return this.tagged(this.z(SUDAN_STATES));
  }
  arVillage(): string {
    return (this.towns.ar ?? this.ruPlaces).draw(this.r);
  }
  congo(): string {
    return this.tagged(this.z(CONGO));
  }
  sahel(): string {
    return this.tagged(this.z(SAHEL));
  }
  taiwan(): string {
    return this.tagged(this.z(TAIWAN_PLACES));
  }
  shoal(): string {
    return this.tagged(this.z(SHOALS));
  }
  /** A place the current story is about. */
  here(): string {
    return this.topic.here(this);
  }
  /** The story's country, its cities and its towns. */
  landName(): string {
    return this.land.name;
  }
  landPoss(): string {
    return this.land.name.endsWith('s') ? `${this.land.name}’` : `${this.land.name}’s`;
  }
  landCity(): string {
    return this.tagged(this.z(this.land.cities));
  }
  town(): string {
    const pool = this.towns[this.land.style];
    return pool && this.chance(0.6) ? pool.draw(this.r) : this.landCity();
  }

  // names
  /** An invented person: "Oksana Hlyvachuk", "Chen Chia-ting". The style defaults to the story's country. */
  person(style: Style = this.land.style): string {
    const family = FAMILY_FIRST[style];
    const surname = this.surnames[style].draw(this.r);
    return family ? `${this.z(family)} ${surname}` : `${this.z(FIRST[style])} ${surname}`;
  }
  /** The invented holder of a role: the same role always has the same holder (for one seed). */
  holder(style: Style, role: string): string {
    const key = `${style}|${role}`;
    let name = this.holders.get(key);
    if (name === undefined) {
      name = inventPerson(new Rng(hash(this.seed, 77, hashText(key))), style);
      this.holders.set(key, name);
    }
    return name;
  }
  org(theme: OrgTheme = this.topic.orgs): string {
    const kind = ORGS[theme];
    if (this.chance(0.2)) return this.z(kind.fixed)[0];
    return this.r.weighted(kind.names).replace('%', this.orgs.draw(this.r));
  }
  company(kind: CompanyKind = 'any'): string {
    if (kind === 'ru') return `${this.ruCompanies.draw(this.r)}${this.chance(0.3) ? ' JSC' : ''}`;
    return `${this.orgs.draw(this.r)} ${this.z(COMPANY_SUFFIXES[kind])}`;
  }
  outlet(): string {
    const region = this.topic.region ?? LAND_REGION.get(this.land);
    if (region && this.chance(0.4)) return this.z(REGIONAL_OUTLETS[region]);
    return this.r.pickZ(OUTLETS, 1, 3);
  }
  rank(): string {
    return this.z(['Colonel', 'Major', 'Lieutenant Colonel', 'General', 'Captain', 'Major General', 'Lieutenant', 'Sergeant']);
  }
  ruUnit(): string {
    return this.r.weighted<() => string>([
      [() => `Russia’s ${this.ordinal()} ${this.pick(RU_UNIT_TYPES)} ${this.pick(['Brigade', 'Division', 'Regiment'])}`, 5],
      [() => `the ${this.unitNames.draw(this.r)} battalion`, 2],
      [() => `Russia’s ${this.z(RU_GROUPS)} group of forces`, 2],
    ])();
  }
  uaUnit(): string {
    return this.r.weighted<() => string>([
      [() => `the ${this.ordinal()} ${this.pick(UA_UNIT_TYPES)} Brigade`, 5],
      [() => `the ${this.unitNames.draw(this.r)} drone unit`, 2],
      [() => `Ukraine’s ${this.z(UA_COMMANDS)} Defence Forces`, 1],
    ])();
  }
  weapon(): string {
    this.tag('weapons');
    return this.z(WEAPONS);
  }
  aidWeapon(): string {
    this.tag('aid');
    return this.z(AID_WEAPONS);
  }
  troopWord(): string {
    return this.z(TROOPS);
  }
  party(): string {
    return this.z(PARTIES);
  }
  race(): string {
    const races = this.land.president ? ['presidential election', 'parliamentary election', 'local elections', 'presidential runoff', 'regional elections'] : ['general election', 'parliamentary election', 'local elections', 'regional elections', 'snap election'];
    return `${this.land.adj} ${this.z(races)}`;
  }
  /** What a candidate runs for. */
  office(): string {
    return this.land.president ? 'president' : this.pick(['parliament', `mayor of ${this.landCity()}`]);
  }
  /** A named storm, called what storms are called where the story is. */
  storm(): string {
    const l = this.land;
    const kind = l === JP || l === PH || l === TW || l === KR ? 'Typhoon' : l === US || l === MX || l === CO ? this.pick(['Hurricane', 'Tropical Storm']) : l === IN || l === AU ? 'Cyclone' : 'Storm';
    return `${kind} ${this.pick(STORM_NAMES)}`;
  }

  /** Who makes the claim. */
  speaker(topic: Topic): Speaker {
    const kind = this.r.weighted<'person' | 'group' | 'anonymous' | 'org' | 'outlet' | 'media'>([
      ['person', 52],
      ['group', 9],
      ['anonymous', 13],
      ['org', 15],
      ['outlet', 6],
      ['media', 2],
    ]);
    switch (kind) {
      case 'person': {
        let side = this.r.weighted<Side>([['a', 36], ['b', 26], ['n', 38]]);
        if (topic[side].roles.length === 0) side = 'n';
        const [style, role] = this.r.pickZ(topic[side].roles, 1, 2)(this);
        const name = this.chance(0.45) ? this.holder(style, role) : this.person(style);
        return { party: { name, description: role }, kind: 'person', side, key: FAMILY_FIRST[style] ? name : lastWord(name), interested: side !== 'n' };
      }
      case 'group': {
        const side = this.chance(0.6) ? 'a' : 'b';
        const groups = topic[side].groups ?? [];
        if (groups.length > 0) {
          const name = cap(this.pick(groups)(this));
          return { party: { name }, kind: 'official', side, key: shortKey(name), interested: true };
        }
        return this.speaker(topic);
      }
      case 'media': {
        const side = this.chance(0.7) ? 'b' : 'a';
        const media = topic[side].media ?? [];
        if (media.length > 0) {
          const [name, description] = this.z(media);
          return { party: { name, description }, kind: 'media', side, key: shortKey(name), interested: false };
        }
        return this.speaker(topic);
      }
      case 'anonymous': {
        const pool = topic.anonymous && this.chance(0.6) ? topic.anonymous : ANONYMOUS;
        const [name, description] = this.r.pickZ(pool, 1, 2);
        return { party: description ? { name, description } : { name }, kind: 'anonymous', side: 'n', key: shortKey(name), interested: false };
      }
      case 'org': {
        const kind = ORGS[topic.orgs];
        const [name, description] = this.chance(0.35) ? this.z(kind.fixed) : [this.org(), this.z(kind.descriptions)];
        const ngo = /rights|monitor|aid|charity|union|group|coalition|alliance|network|collective|project/.test(description) && !/research group|intelligence group/.test(description);
        return { party: { name: cap(name), description }, kind: ngo ? 'ngo' : 'thinktank', side: 'n', key: shortKey(name.replace(/^the /i, '')), interested: false };
      }
      case 'outlet': {
        const name = this.outlet();
        return { party: { name }, kind: 'media', side: 'n', key: shortKey(name), interested: false };
      }
    }
  }
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function lastWord(name: string): string {
  const words = name.split(' ');
  return words[words.length - 1] ?? name;
}
function shortKey(name: string): string {
  return name
    .replace(/\(.*\)/, '')
    .split(/\s+/)
    .filter((w) => !/^(the|of|for|in|a|an|and)$/i.test(w))
    .slice(0, 2)
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Topics: story titles, paraphrased statements, direct quotes, and who says what

/** A role an invented person can hold: their naming style and the description shown with their name. */
type Role = (g: Gen) => readonly [Style, string];
const R = (style: Style, role: string | Tpl): Role => (g) => [style, typeof role === 'string' ? role : role(g)];
/** A role in the story's country. */
const L = (role: string | Tpl): Role => (g) => [g.land.style, typeof role === 'string' ? role : role(g)];

/** One side of a story: who speaks for it and what it says. */
interface Voice {
  roles: readonly Role[];
  /** Unnamed collective claimants: "Ukrainian officials". */
  groups?: readonly Tpl[];
  /** Invented outlets that speak for this side: [name, description]. */
  media?: readonly (readonly [string, string])[];
  /** Paraphrases in this voice; the topic's own when absent. */
  said?: readonly Tpl[];
  /** Direct quotes in this voice; the topic's own when absent. */
  quotes?: readonly Tpl[];
}

interface Topic {
  key: string;
  /** The desk's headline prefix: "Ukraine war latest". */
  desk: string;
  weight: number;
  /** Whether local details (residents, medics, villages) fit its statements. */
  local: boolean;
  /** Whether war sourcing (intelligence, intercepts) fits. */
  war: boolean;
  tags: readonly string[];
  /** A story's country is drawn from these (most common first). */
  lands: readonly Land[];
  /** Where its invented regional outlets come from, when not the country's. */
  region?: Region;
  orgs: OrgTheme;
  /** A place the story is about. */
  here: Tpl;
  anonymous?: Anon;
  titles: readonly Tpl[];
  /** Paraphrases in a neutral voice. */
  said: readonly Tpl[];
  /** Direct quotes in a neutral voice. */
  quotes: readonly Tpl[];
  /** `a` and `b` are the two interested sides (a government and its opponent, two warring parties), `n` the rest. */
  a: Voice;
  b: Voice;
  n: Voice;
}

const ANALYSTS: readonly Role[] = [
  R('west', (g) => `analyst at ${g.org()}`),
  R('west', (g) => `senior fellow at ${g.org()}`),
  R('west', 'independent analyst'),
  R('west', (g) => `researcher at ${g.org()}`),
  R('west', 'former diplomat'),
];
const LOCAL_ANALYSTS: readonly Role[] = [
  L((g) => `analyst at ${g.org()}`),
  L((g) => `economist at ${g.org('economy')}`),
  L('political scientist'),
  L((g) => `researcher at ${g.org()}`),
  L('university lecturer'),
];

const UA_ROLES: readonly Role[] = [
  R('ua', (g) => `spokesperson for ${g.uaUnit()}`),
  R('ua', 'spokesperson for Ukraine’s air force'),
  R('ua', 'Ukrainian defence minister'),
  R('ua', (g) => `head of the ${g.uaCity()} regional military administration`),
  R('ua', 'Ukrainian foreign minister'),
  R('ua', (g) => `commander in ${g.uaUnit()}`),
  R('ua', 'Ukrainian MP'),
  R('ua', 'member of the Ukrainian parliament’s defence committee'),
  R('ua', (g) => `spokesperson for Ukraine’s ${g.z(UA_COMMANDS)} Defence Forces`),
  R('ua', 'Ukrainian deputy defence minister'),
  R('ua', (g) => `mayor of ${g.chance(0.5) ? g.village() : g.uaCity()}`),
  R('ua', 'spokesperson for Ukraine’s military intelligence'),
  R('ua', 'adviser to the head of the Presidential Office'),
  R('ua', 'Ukrainian military analyst'),
  R('ua', 'Ukrainian drone unit commander'),
  R('ua', 'Ukrainian deputy foreign minister'),
];
const RU_ROLES: readonly Role[] = [
  R('ru', 'spokesperson for the Russian defence ministry'),
  R('ru', 'Russian State Duma deputy'),
  R('ru', 'spokesperson for the Russian foreign ministry'),
  R('ru', 'Russian military blogger'),
  R('ru', (g) => `governor of Russia’s ${g.z(['Belgorod', 'Bryansk', 'Rostov', 'Voronezh', 'Krasnodar', 'Oryol', 'Lipetsk', 'Kursk'])} region`),
  R('ru', (g) => `spokesperson for Russia’s ${g.z(RU_GROUPS)} group of forces`),
  R('ru', (g) => `Russian-installed official in ${g.occupied()}`),
  R('ru', 'Russian deputy foreign minister'),
  R('ru', 'senator in Russia’s Federation Council'),
  R('ru', 'Russian political analyst'),
  R('ru', 'Russian war correspondent'),
];
const WEST_ROLES: readonly Role[] = [
  R('west', (g) => `${g.westAdj()} defence minister`),
  R('west', (g) => `${g.westAdj()} foreign minister`),
  ...ANALYSTS,
  R('west', 'US senator'),
  R('west', 'European lawmaker'),
  R('west', (g) => `${g.westAdj()} ambassador to Ukraine`),
  R('west', (g) => `retired ${g.westAdj()} general`),
  R('west', 'former intelligence officer'),
  R('west', 'military historian'),
];
const UA_GROUPS: readonly Tpl[] = [() => 'Ukrainian officials', () => 'Ukrainian military officials', (g) => `local authorities in ${g.uaCity()}`, () => 'Ukrainian emergency services'];
const RU_GROUPS_SPEAKING: readonly Tpl[] = [() => 'Russian officials', () => 'Russian state media', (g) => `Russian-installed authorities in ${g.occupied()}`];
const RU_MEDIA = [['Zarya Television', 'Russian state television'], ['Volga Telegraph Agency', 'Russian state news agency']] as const;

const UKRAINE = { lands: [UA], region: 'ukraine', orgs: 'security', anonymous: WAR_ANONYMOUS, war: true, desk: 'Ukraine war latest' } as const;

const TOPICS: readonly Topic[] = [
  {
    ...UKRAINE,
    key: 'ua-strikes',
    weight: 6,
    local: true,
    tags: ['ukraine', 'drones', 'missiles', 'civilians'],
    here: (g) => (g.chance(0.6) ? g.uaCity() : g.village()),
    titles: [
      (g) => `Drone strikes on ${g.uaCity()}`,
      (g) => `Overnight attack on ${g.uaCity()}`,
      () => 'Attacks on Ukraine’s energy grid',
      (g) => `Missile strike on ${g.uaCity()}`,
      (g) => `Ukrainian drones over ${g.ruPlace()}`,
      () => 'Glide bomb attacks on Kharkiv',
      (g) => `Strike on ${g.pick(['an airfield', 'a refinery', 'an oil depot', 'an arsenal'])} in ${g.ruPlace()}`,
    ],
    said: [
      (g) => `Russia launched ${g.big(40, 800)} Shahed drones and ${g.count(3, 120)} missiles at Ukraine overnight, of which ${g.big(30, 700)} were shot down`,
      (g) => `a ${g.pick(['missile', 'drone', 'glide bomb'])} strike on ${article(g.pick(BUILDINGS))} in ${g.uaCity()} killed ${g.count(2, 60)} people and injured ${g.count(5, 150)}`,
      (g) => `Ukrainian drones hit an oil refinery in ${g.ruPlace()}, starting a fire that burned for ${g.count(3, 40)} hours`,
      (g) => `${article(g.pick(INFRA))} near ${g.ruPlace()} was destroyed by ${g.pick(['Neptune missiles', 'long-range drones', 'Storm Shadow missiles', 'ATACMS missiles', 'drone-missiles'])}`,
      (g) => `Russian forces dropped ${g.big(100, 3000)} glide bombs on the ${g.region()} region in the past ${g.period()}`,
      (g) => `debris from a downed drone damaged ${g.count(2, 40)} homes in ${g.village()}, a village near ${g.uaCity()}`,
      (g) => `${g.percent()} of the drones launched at ${g.uaCity()} were stopped by electronic warfare rather than shot down`,
      (g) => `Russia is now producing ${g.big(1000, 6000)} Geran-2 drones a month at a plant in ${g.ruPlace()}`,
      (g) => `the attack on ${g.uaCity()} was the largest since ${g.month()}, involving ${g.big(100, 900)} drones and missiles`,
      (g) => `${g.uaUnit()} shot down a Russian ${g.pick(['Su-34 bomber', 'Su-25 jet', 'Ka-52 helicopter', 'Orlan-10 reconnaissance drone', 'Su-35 fighter'])} over the ${g.region()} region`,
      (g) => `a Russian ${g.pick(['Iskander', 'Kh-101', 'Kinzhal', 'Kh-22'])} missile hit ${article(g.pick(INFRA))} in the ${g.region()} region, cutting power to ${g.big(10000, 400000)} homes`,
      (g) => `a Ukrainian drone attack on ${g.ruPlace()} set fire to ${g.count(2, 12)} fuel tanks at ${article(g.pick(['oil depot', 'refinery', 'fuel terminal']))}`,
    ],
    quotes: [
      (g) => `The scale of the attack on ${g.uaCity()} shows that Russia has no interest in a ceasefire.`,
      (g) => `Striking ${article(g.pick(BUILDINGS))} in the middle of the day is a war crime, and those responsible must be held to account.`,
      (g) => `Russia is now launching more than ${g.big(100, 500)} drones a night. No air defence in the world is built for that.`,
    ],
    a: {
      roles: UA_ROLES,
      groups: UA_GROUPS,
      quotes: [
        (g) => `Air defence worked all night over ${g.uaCity()}. ${cap(g.big(20, 200))} drones were shot down, but some got through.`,
        (g) => `Russia is deliberately targeting ${g.pick(['our energy system', 'civilians', 'hospitals', 'our ports', 'residential areas'])}. We need more ${g.aidWeapon()}, and we need them now.`,
        (g) => `The strike on ${g.ruPlace()} was a precise operation by ${g.uaUnit()}. The target was military.`,
        (g) => `Every night ${g.uaCity()} is attacked by ${g.big(50, 300)} drones. People sleep in the metro.`,
        (g) => `Rescuers are still working at the site of the ${g.pick(BUILDINGS)} in ${g.uaCity()}. ${cap(g.count(2, 30))} people are under the rubble.`,
      ],
    },
    b: {
      roles: RU_ROLES,
      groups: RU_GROUPS_SPEAKING,
      media: RU_MEDIA,
      said: [
        (g) => `Russian forces struck only military targets in ${g.uaCity()}, including a ${g.pick(['drone workshop', 'foreign mercenary base', 'ammunition depot', 'command post'])}`,
        (g) => `air defences destroyed ${g.big(20, 300)} Ukrainian drones over ${g.ruPlace()} and neighbouring regions overnight`,
        (g) => `a Ukrainian drone attack on ${g.ruPlace()} injured ${g.count(2, 20)} civilians and damaged ${article(g.pick(BUILDINGS))}`,
        (g) => `the strike on ${g.uaCity()} destroyed a warehouse storing ${g.aidWeapon()} supplied by ${g.ally()}`,
      ],
      quotes: [() => 'The Russian armed forces do not strike civilian infrastructure.', (g) => `Kyiv is attacking peaceful ${g.ruPlace()} with Western weapons. This will not go unanswered.`],
    },
    n: { roles: WEST_ROLES },
  },
  {
    ...UKRAINE,
    key: 'ua-front',
    weight: 6,
    local: true,
    tags: ['ukraine', 'frontline'],
    here: (g) => g.front(),
    titles: [
      (g) => `Fighting around ${g.front()}`,
      (g) => `Russian offensive in the ${g.region()} region`,
      (g) => `Battle for ${g.front()}`,
      (g) => `Russian advance towards ${g.front()}`,
      (g) => `Counter-attack near ${g.front()}`,
    ],
    said: [
      (g) => `Russian forces advanced ${g.km()} near ${g.front()} in the past ${g.period()}, according to geolocated footage`,
      (g) => `${g.uaUnit()} repelled ${g.count(3, 60)} Russian assaults near ${g.front()} in the past 24 hours`,
      (g) => `Ukraine has withdrawn from ${g.village()} to avoid encirclement near ${g.front()}`,
      (g) => `Russia has concentrated ${g.troops()} troops near ${g.front()} ahead of a new offensive`,
      (g) => `Russian losses reached ${g.big(800, 2000)} killed and wounded in a single day, the highest since ${g.month()}`,
      (g) => `${g.ruUnit()} lost ${g.count(5, 80)} armoured vehicles in a failed assault on ${g.village()}`,
      (g) => `Russian assault groups are using motorcycles and buggies to cross open ground near ${g.front()}`,
      (g) => `the ${g.region()} front is the most dangerous, with ${g.count(20, 90)} clashes recorded ${g.when()}`,
      (g) => `Russia took control of ${g.village()} and ${g.village()}, two villages ${g.km()} from ${g.front()}`,
      (g) => `${g.person('ua')}, a ${g.rank().toLowerCase()} in ${g.uaUnit()}, says Russian infantry attacks near ${g.front()} come in waves of ${g.count(5, 30)} soldiers`,
      (g) => `Russian troops are trying to cut the road between ${g.front()} and ${g.front()}, the last supply route for the garrison`,
      (g) => `${g.ruUnit()} has been pulled back to ${g.occupied()} after losing ${g.percent()} of its personnel near ${g.front()}`,
      (g) => `Ukrainian drone units now cause ${g.percent(40, 80)} of Russian casualties along the ${g.region()} front`,
      (g) => `Ukrainian troops retook ${g.count(2, 9)} square kilometres near ${g.front()} in a counter-attack ${g.when()}`,
      (g) => `Russia has moved ${g.troops()} ${g.troopWord()} from the ${g.region()} direction to reinforce the assault on ${g.front()}`,
    ],
    quotes: [
      (g) => `Russia is paying for every kilometre near ${g.front()} with hundreds of lives, but it keeps coming.`,
      (g) => `The fall of ${g.front()} would open the road to ${g.pick(['Kramatorsk', 'Sloviansk', 'Zaporizhzhia', 'Dnipro', 'Kostiantynivka'])}, and Kyiv knows it.`,
    ],
    a: {
      roles: UA_ROLES,
      groups: UA_GROUPS,
      quotes: [
        (g) => `The situation near ${g.front()} is difficult but under control. The enemy is suffering significant losses.`,
        (g) => `They attack in small groups, ${g.count(3, 8)} or ${g.count(5, 12)} people, day and night. We are running short of ${g.pick(['artillery shells', 'infantry', 'drones', 'anti-tank weapons'])}.`,
        (g) => `We hold ${g.village()}. Anyone who says otherwise is repeating Russian propaganda.`,
        (g) => `The ${g.region()} direction remains the hottest. Russia is throwing everything it has at ${g.front()}.`,
        (g) => `Without more ${g.aidWeapon()}, we will not be able to hold ${g.front()} for long.`,
      ],
    },
    b: {
      roles: RU_ROLES,
      groups: RU_GROUPS_SPEAKING,
      media: RU_MEDIA,
      said: [
        (g) => `Russian forces have liberated ${g.village()} in the ${g.region()} region`,
        (g) => `units of Russia’s ${g.z(RU_GROUPS)} group of forces took more advantageous positions near ${g.front()}`,
        (g) => `Ukraine lost up to ${g.big(100, 2000)} servicemen in the ${g.z(RU_GROUPS)} group’s area of responsibility over the past day`,
        (g) => `the Ukrainian garrison in ${g.front()} is surrounded and ${g.big(300, 3000)} soldiers have been offered a chance to surrender`,
      ],
      quotes: [(g) => `Our troops are advancing on all fronts. ${cap(g.front())} will be liberated soon.`],
    },
    n: { roles: WEST_ROLES },
  },
  {
    ...UKRAINE,
    key: 'ua-aid',
    weight: 3.5,
    local: false,
    tags: ['ukraine', 'aid', 'weapons'],
    here: (g) => g.uaCity(),
    titles: [(g) => `${g.allyAdj()} military aid package`, () => 'Fighter jets for Ukraine', () => 'Air defence for Ukraine', () => 'Ammunition for Ukraine', () => 'Long-range missile permission', () => 'Ukraine’s drone industry'],
    said: [
      (g) => `${g.ally()} will send ${g.count(2, 60)} ${g.aidWeapon()} to Ukraine as part of a ${g.money()} package`,
      (g) => `the first ${g.count(2, 20)} ${g.pick(['F-16 fighter jets', 'Mirage 2000 jets', 'Gripen fighter jets'])} arrived in Ukraine ${g.when()}`,
      (g) => `a European ammunition initiative will deliver ${g.big(100000, 1500000)} shells to Ukraine ${g.soon()}`,
      (g) => `Ukraine has received only ${g.percent()} of the ${g.aidWeapon()} promised by ${g.ally()}`,
      (g) => `${g.ally()} has allowed Ukraine to use ${g.pick(['ATACMS missiles', 'Storm Shadow missiles', 'Taurus missiles', 'SCALP missiles'])} against targets inside Russia, including near ${g.ruPlace()}`,
      (g) => `Ukraine’s defence industry will produce ${g.millions()} drones this year, up from ${g.millions()} last year`,
      (g) => `allied defence ministers meeting in ${g.city()} pledged ${g.money()} in new aid, including ${g.count(2, 40)} ${g.aidWeapon()}`,
      (g) => `${g.company()} will open a plant in western Ukraine to repair ${g.aidWeapon()} ${g.soon()}`,
    ],
    quotes: [
      (g) => `Ukraine will receive ${g.aidWeapon()} ${g.soon()}. This is our commitment, and we keep our commitments.`,
      () => 'We are not at war with Russia, but we will support Ukraine for as long as it takes.',
      (g) => `Our ${g.money()} package is the largest we have sent. More will follow if Russia keeps escalating.`,
    ],
    a: {
      roles: UA_ROLES,
      groups: UA_GROUPS,
      quotes: [
        (g) => `We need ${g.count(10, 25)} more air defence systems to close the sky over our cities. This is the exact number.`,
        (g) => `Partners are delivering, but too slowly. ${cap(g.front())} cannot wait for bureaucracy in ${g.city()}.`,
      ],
    },
    b: {
      roles: RU_ROLES,
      groups: RU_GROUPS_SPEAKING,
      media: RU_MEDIA,
      said: [() => 'Western weapons will not change the situation on the battlefield and will only prolong the conflict', (g) => `the ${g.aidWeapon()} sent by ${g.ally()} will burn like the rest`],
      quotes: [() => 'Any foreign aircraft in Ukraine will be a legitimate target for our forces.'],
    },
    n: { roles: WEST_ROLES },
  },
  {
    ...UKRAINE,
    key: 'ua-talks',
    weight: 3,
    local: false,
    tags: ['ukraine', 'diplomacy', 'prisoners'],
    here: (g) => g.city(),
    titles: [(g) => `Peace talks in ${g.pick(['Istanbul', 'Riyadh', 'Jeddah', 'Geneva', 'Abu Dhabi', 'Doha'])}`, () => 'Ceasefire proposals', () => 'Security guarantees for Ukraine', () => 'Prisoner exchange', () => 'Black Sea shipping talks'],
    said: [
      (g) => `Russia and Ukraine agreed to exchange ${g.big(100, 1200)} prisoners each after talks in ${g.pick(['Istanbul', 'Abu Dhabi', 'Riyadh', 'Doha'])}`,
      (g) => `${g.country()} offered to host a ${g.pick(['peace summit', 'round of talks', 'ceasefire conference'])} in ${g.city()} ${g.soon()}`,
      (g) => `the Kremlin is ready to negotiate only if Ukraine withdraws from the ${g.region()} and ${g.region()} regions`,
      (g) => `a ${g.count(10, 40)}-point peace plan drafted in ${g.city()} would freeze the front line and leave ${g.percent(10, 25)} of Ukraine under Russian control`,
      (g) => `${g.count(3, 40)} countries have signed bilateral security agreements with Ukraine, the latest of them ${g.ally()}`,
      (g) => `a ${g.count(30, 90)}-day ceasefire on strikes against energy infrastructure was discussed by envoys in ${g.city()}`,
      (g) => `${g.big(30, 400)} Ukrainian prisoners of war returned home in an exchange mediated by ${g.pick(['the United Arab Emirates', 'Qatar', 'Turkey', 'Saudi Arabia'])}`,
      (g) => `${g.millions()} tonnes of grain left Ukrainian Black Sea ports ${g.when()} despite attacks on ${g.pick(['Odesa', 'Izmail', 'Chornomorsk', 'Pivdennyi'])}`,
    ],
    quotes: [
      (g) => `We are ready to help, but any agreement must be acceptable to Ukraine. The meeting in ${g.city()} was a first step.`,
      (g) => `The road to peace goes through strength. ${cap(g.country())} understands this.`,
    ],
    a: {
      roles: UA_ROLES,
      groups: UA_GROUPS,
      quotes: [() => 'There can be no peace without justice, and no negotiations about Ukraine without Ukraine.', (g) => `We will not trade ${g.region()} for a pause that lets Russia rearm.`],
    },
    b: {
      roles: RU_ROLES,
      groups: RU_GROUPS_SPEAKING,
      media: RU_MEDIA,
      said: [() => 'Russia will not accept a ceasefire that allows Ukraine to regroup and rearm', (g) => `no meeting between Russian and Ukrainian delegations is planned in ${g.city()}`],
      quotes: [() => 'Russia has never refused to negotiate. It is Kyiv and its Western sponsors who do not want peace.'],
    },
    n: { roles: WEST_ROLES },
  },
  {
    ...UKRAINE,
    key: 'ua-home',
    weight: 4,
    local: true,
    tags: ['ukraine', 'civilians', 'energy'],
    here: (g) => g.uaCity(),
    titles: [() => 'Deportation of Ukrainian children', () => 'Zaporizhzhia nuclear plant', () => 'Blackouts in Ukraine', () => 'Ukraine’s manpower shortage', () => 'Civilian detainees in Russia', () => 'Foreign recruits in the Russian army'],
    said: [
      (g) => `Russia has deported about ${g.big(15000, 20000)} Ukrainian children from occupied territories, ${g.big(300, 1500)} of whom have been returned`,
      (g) => `${g.percent()} of released Ukrainian prisoners reported being tortured in Russian detention, including in ${g.ruPlace()}`,
      (g) => `the Zaporizhzhia nuclear plant lost its last external power line for ${g.count(2, 30)} hours after shelling near ${g.pick(['Enerhodar', 'Nikopol', 'Marhanets', 'Vasylivka'])}`,
      (g) => `Russia has destroyed ${g.percent(20, 70)} of Ukraine’s power generation capacity ${g.when()}`,
      (g) => `scheduled blackouts of up to ${g.count(4, 16)} hours a day are expected in ${g.uaCity()} and ${g.uaCity()}`,
      (g) => `Ukraine’s parliament is considering lowering the mobilisation age to ${g.r.range(18, 24)}`,
      (g) => `${g.big(500, 15000)} citizens of ${g.pick(['Nepal', 'India', 'Cuba', 'Sri Lanka', 'Syria', 'Somalia', 'Ghana'])} have been recruited to fight for Russia`,
      (g) => `Russia is paying volunteers up to ${g.pick(['1', '1.5', '2', '2.5', '3', '4'])} million roubles to sign a contract with the army in the ${g.pick(['Belgorod', 'Tatarstan', 'Bashkortostan', 'Moscow', 'Samara'])} region`,
      (g) => `Ukraine will need to import ${g.big(1000, 3000)} megawatts of electricity from the EU this winter`,
    ],
    quotes: [() => 'We are playing with fire. A nuclear accident at Zaporizhzhia would have consequences far beyond Ukraine.', (g) => `The men who came back from captivity weigh ${g.count(20, 40)} kilograms less than when they were taken.`],
    a: {
      roles: UA_ROLES,
      groups: UA_GROUPS,
      quotes: [
        () => 'Every child deported to Russia is a war crime. We will bring every one of them home.',
        (g) => `The enemy wants to plunge ${g.uaCity()} into darkness before winter. We will not let that happen.`,
        (g) => `Our brigades are at ${g.percent(40, 80)} strength. We need people, not only weapons.`,
      ],
    },
    b: {
      roles: RU_ROLES,
      groups: RU_GROUPS_SPEAKING,
      media: RU_MEDIA,
      said: [() => 'Russia evacuated children from the combat zone to protect them, with the consent of their families', () => 'Ukraine is shelling the Zaporizhzhia nuclear plant and endangering the whole of Europe'],
      quotes: [() => 'There are no plans for a new wave of mobilisation in Russia.', (g) => `Kyiv is blocking the exchange of ${g.big(100, 1000)} prisoners for political reasons.`],
    },
    n: { roles: WEST_ROLES },
  },
  {
    ...UKRAINE,
    key: 'ru-sanctions',
    desk: 'Sanctions',
    weight: 2.5,
    local: false,
    war: false,
    tags: ['sanctions', 'russia', 'economy'],
    region: 'europe',
    here: (g) => g.city(),
    titles: [(g) => `The EU’s ${g.ordinal(25)} sanctions package`, () => 'Sanctions on Russian oil', () => 'Russia’s shadow fleet', (g) => `Export controls on ${g.pick(COMPONENTS)}`, () => 'Frozen Russian assets'],
    said: [
      (g) => `the EU’s ${g.ordinal(25)} sanctions package targets ${g.count(10, 150)} companies in ${g.pick(TRANSIT)} that supplied ${g.pick(COMPONENTS)} to Russia`,
      (g) => `${g.company('ru')} imported ${g.money()} worth of ${g.pick(COMPONENTS)} through ${g.pick(TRANSIT)} ${g.when()}`,
      (g) => `Russia’s shadow fleet of ${g.big(300, 1000)} tankers carries ${g.percent(30, 80)} of its seaborne oil exports`,
      (g) => `a tanker was detained off ${g.pick(['Finland', 'Denmark', 'Estonia', 'Sweden', 'Germany'])} on suspicion of carrying sanctioned Russian oil and damaging an undersea cable`,
      (g) => `sanctions have cut Russia’s oil revenue by ${g.percent(5, 40)} ${g.when()}, to ${g.money()} a month`,
      (g) => `${g.ally()} imposed sanctions on ${g.count(5, 80)} individuals and entities linked to ${g.company('ru')}`,
      (g) => `Western components were found in ${g.percent(40, 95)} of the Russian drones recovered in Ukraine ${g.when()}`,
      (g) => `Russia is evading the oil price cap by selling crude at $${g.r.range(50, 85)} a barrel through traders in ${g.pick(TRANSIT)}`,
      (g) => `${g.company('any')}, a drone component maker, continued to sell to Russia after it was sanctioned in ${g.month()}`,
    ],
    quotes: [
      (g) => `These sanctions are not working as long as ${g.pick(TRANSIT)} keeps buying for Russia. We must close the loopholes.`,
      () => 'Every chip that ends up in a Russian missile passed through someone’s hands. We will find them.',
      () => 'Frozen Russian assets must be used to rebuild Ukraine. It is a question of justice.',
    ],
    a: {
      roles: [R('west', (g) => `${g.westAdj()} finance minister`), R('west', 'European sanctions official'), R('ua', 'Ukrainian sanctions envoy'), R('west', 'US Treasury official')],
      quotes: [(g) => `The ${g.ordinal(25)} package is the strongest yet. It hits the shadow fleet, the banks and the military industry.`, (g) => `We found ${g.count(20, 90)} foreign components in a single Russian missile.`],
    },
    b: {
      roles: RU_ROLES,
      groups: RU_GROUPS_SPEAKING,
      said: [
        () => 'the sanctions have hurt European economies far more than Russia’s',
        (g) => `Western sanctions are illegal, and Russia’s trade with ${g.pick(TRANSIT)} grew ${g.percent(5, 60)} last year`,
        (g) => `${g.company('ru')} has never supplied the Russian military and will challenge the sanctions in court`,
      ],
      quotes: [() => 'The seizure of Russian assets would be theft, and Russia will respond.'],
    },
    n: { roles: [...ANALYSTS, R('west', (g) => `economist at ${g.org('economy')}`), R('west', 'sanctions lawyer')] },
  },
  {
    ...UKRAINE,
    key: 'nk-russia',
    desk: 'Russia and North Korea',
    weight: 1.6,
    local: false,
    tags: ['north-korea', 'russia', 'weapons'],
    region: 'asia',
    orgs: 'asia',
    here: (g) => g.farEast(),
    titles: [() => 'North Korean shells for Russia', () => 'North Korean missiles in Ukraine', () => 'Sanctions on Russia–North Korea shipping', () => 'Moscow–Pyongyang summit', () => 'Captured North Korean soldiers', () => 'Russian oil for North Korea'],
    said: [
      (g) => `North Korea has shipped about ${g.z(['12,000', '9,000', '13,000', '16,000', '20,000'])} containers of artillery shells to Russia through the port of Rajin ${g.when()}`,
      (g) => `${g.count(2, 9)} trains loaded with North Korean artillery shells crossed into Russia at ${g.pick(['Khasan', 'the Tumen River bridge'])} in the past ${g.period()}`,
      (g) => `fragments of a North Korean ballistic missile that hit ${g.uaCity()} contained ${g.count(20, 90)} Western-made components`,
      (g) => `North Korean missiles fired at ${g.uaCity()} now miss their targets by about ${g.big(20, 100)} metres, down from ${g.big(500, 1500)} metres last year`,
      (g) => `Russia delivered more than ${g.pick(['1 million', '1.2 million', '800,000'])} barrels of oil to North Korea ${g.when()}, far above the UN cap`,
      (g) => `${g.ally()} imposed sanctions on ${g.count(3, 30)} ships and companies that carried North Korean munitions to Russian ports`,
      (g) => `the Russian foreign minister will travel to Pyongyang ${g.soon()} to prepare a summit between the two countries’ leaders`,
      (g) => `Russia has helped North Korea improve its ${g.pick(['reconnaissance satellites', 'air defences', 'submarines', 'drone production'])} in return for ${g.pick(['artillery shells', 'ballistic missiles', 'rocket launchers'])}`,
      (g) => `Ukraine is ready to exchange ${g.count(2, 9)} captured North Korean soldiers for Ukrainian prisoners of war held in Russia`,
      (g) => `up to ${g.percent(20, 50)} of the North Korean artillery shells fired by Russian troops fail to explode, according to ${g.org('security')}`,
      (g) => `Russian and North Korean intelligence chiefs met in ${g.pick(['Pyongyang', 'Moscow', 'Vladivostok'])} ${g.when()} to discuss ${g.pick(['satellite launches', 'sanctions evasion', 'arms production', 'cyber operations'])}`,
      (g) => `a road bridge across the Tumen River between Russia and North Korea will open ${g.soon()}, ${g.count(2, 3)} years ahead of schedule`,
    ],
    quotes: [
      () => 'Every North Korean shell that lands in Ukraine is paid for in oil, food and technology.',
      () => 'The sanctions regime on North Korea is collapsing, and Moscow is the one dismantling it.',
      (g) => `North Korean missiles are becoming more accurate because they are being tested on ${g.uaCity()}.`,
    ],
    a: {
      roles: [R('ua', 'spokesperson for Ukraine’s military intelligence'), R('ua', 'Ukrainian foreign ministry spokesperson'), R('ko', 'South Korean defence ministry spokesperson'), R('ko', 'South Korean lawmaker')],
      groups: UA_GROUPS,
      quotes: [
        (g) => `Our experts examined the missile that hit ${g.uaCity()}. It was North Korean, and it was made ${g.pick(['this year', 'in the spring', 'recently'])}.`,
        () => 'We are ready to hand over the captured North Korean soldiers in exchange for our own people held in Russia.',
      ],
    },
    b: {
      roles: [R('ru', 'spokesperson for the Russian foreign ministry'), R('ko', 'North Korean vice foreign minister'), R('ko', 'North Korean ambassador to Russia'), R('ru', 'Russian State Duma deputy')],
      media: [['Taedong Broadcasting', 'North Korean state media'], ...RU_MEDIA],
      said: [
        () => 'Russia’s trade with North Korea does not violate any UN resolution, and the reports of arms shipments are invented',
        (g) => `the missiles that struck ${g.uaCity()} were Russian-made and had nothing to do with North Korea`,
        () => 'the new sanctions on ships trading with North Korea are illegitimate and will not be recognised',
      ],
      quotes: [() => 'How Moscow and Pyongyang trade with each other is nobody else’s business.', () => 'The sanctions against our country are illegitimate, and we will never recognise them.'],
    },
    n: { roles: [R('west', (g) => `researcher on North Korea at ${g.org('asia')}`), ...ANALYSTS, R('ko', 'North Korean defector and researcher')] },
  },
  {
    key: 'korea',
    desk: 'Asia',
    weight: 0.9,
    local: false,
    war: false,
    tags: ['north-korea', 'south-korea', 'missiles'],
    lands: [KR],
    orgs: 'asia',
    here: (g) => g.landCity(),
    titles: [() => 'North Korean missile launch', () => 'Tensions on the Korean peninsula', () => 'Balloons across the border', () => 'South Korean politics'],
    said: [
      (g) => `North Korea fired ${g.count(2, 8)} short-range ballistic missiles into the sea off its east coast ${g.when()}`,
      (g) => `the missile flew about ${g.big(300, 1000)} kilometres before falling outside Japan’s exclusive economic zone`,
      (g) => `Pyongyang sent about ${g.big(200, 1000)} balloons carrying rubbish across the border in the past ${g.period()}`,
      (g) => `Seoul will resume loudspeaker broadcasts along the border ${g.soon()}`,
      (g) => `satellite images show a new ${g.pick(['destroyer', 'submarine base', 'uranium enrichment hall', 'missile launch pad'])} under construction near ${g.pick(['Nampo', 'Sinpo', 'Chongjin', 'Yongbyon', 'Sohae'])}`,
      (g) => `${g.big(100, 300)} defectors reached the South ${g.when()}, the lowest number in years`,
      (g) => `the South Korean opposition will file an impeachment motion against the ${g.pick(['defence minister', 'prime minister', 'interior minister'])} ${g.soon()}`,
      (g) => `${g.percent(30, 70)} of South Koreans support developing nuclear weapons, according to ${g.org('politics')}`,
    ],
    quotes: [() => 'Every launch is a test of how far the allies will let Pyongyang go.', () => 'The peninsula is more dangerous today than at any time in a decade.'],
    a: { roles: [L('South Korean defence ministry spokesperson'), L('South Korean lawmaker'), L('South Korean unification ministry official')], groups: [() => 'South Korea’s military', () => 'South Korean officials'] },
    b: { roles: [R('ko', 'North Korean vice foreign minister'), R('ko', 'senior official of North Korea’s ruling party')], media: [['Taedong Broadcasting', 'North Korean state media']], said: [() => 'the launch was a routine test that posed no threat to neighbouring countries', () => 'the allies’ military drills are a rehearsal for invasion'], quotes: [() => 'Our missile tests are a legitimate exercise of our right to self-defence.'] },
    n: { roles: [R('ja', 'Japanese defence ministry official'), ...LOCAL_ANALYSTS] },
  },
  {
    key: 'gaza',
    desk: 'Middle East',
    weight: 6,
    local: true,
    war: true,
    tags: ['gaza', 'israel', 'civilians'],
    lands: [IL],
    region: 'mideast',
    orgs: 'mideast',
    here: (g) => g.gaza(),
    anonymous: [['Officials involved in the mediation', 'unnamed'], ['A senior Israeli official', 'speaking on condition of anonymity'], ['Two Arab diplomats', 'unnamed'], ['Aid workers in Gaza', 'unnamed']],
    titles: [() => 'Gaza ceasefire talks', (g) => `Aid deliveries to ${g.gaza()}`, () => 'Hostage negotiations', (g) => `Strike on ${g.gaza()}`, () => 'Hospitals in Gaza', () => 'Reconstruction of Gaza', (g) => `Raids in ${g.westBank()}`],
    said: [
      (g) => `${g.big(50, 600)} aid trucks entered Gaza ${g.when()}, far below the ${g.pick(['500', '600'])} a day aid agencies say are needed`,
      (g) => `a strike on a ${g.pick(['school', 'tent camp', 'residential building', 'aid warehouse', 'mosque'])} in ${g.gaza()} killed ${g.count(3, 60)} people, according to local health officials`,
      (g) => `Israel and Hamas are close to agreeing a ${g.count(6, 60)}-day ceasefire that would free ${g.count(5, 40)} hostages`,
      (g) => `${g.percent(50, 92)} of Gaza’s buildings have been damaged or destroyed, according to satellite analysis by ${g.org()}`,
      (g) => `only ${g.count(2, 18)} of Gaza’s ${g.pick(['36', '35'])} hospitals are partially functioning`,
      (g) => `mediators in ${g.pick(['Cairo', 'Doha'])} presented a new proposal for a phased ceasefire and the release of hostages`,
      (g) => `the reconstruction of Gaza will cost at least ${g.money()} over ${g.count(5, 20)} years`,
      (g) => `${g.big(1000, 50000)} people were displaced from ${g.gaza()} after new evacuation orders ${g.when()}`,
      (g) => `${g.percent(10, 40)} of children under five in ${g.gaza()} are acutely malnourished`,
      (g) => `an aid convoy of ${g.count(10, 90)} trucks was looted near ${g.gaza()} after crossing from ${g.pick(['Kerem Shalom', 'Zikim', 'Kissufim'])}`,
      (g) => `Israeli troops will withdraw from ${g.pick(['the Netzarim corridor', 'the Philadelphi corridor', 'northern Gaza', 'the Rafah area'])} under the second phase of the ceasefire`,
      (g) => `Israeli forces killed ${g.count(2, 12)} Palestinians in a raid on ${g.westBank()} ${g.when()}`,
      (g) => `${g.big(100, 2000)} new settler homes were approved near ${g.westBank()} in the past ${g.period()}`,
    ],
    quotes: [
      (g) => `There is no safe place in Gaza. People fled to ${g.gaza()} and were bombed there too.`,
      () => 'The crossings must open fully. Food is sitting in warehouses a few kilometres away.',
      (g) => `The talks in ${g.pick(['Cairo', 'Doha'])} are the most serious in months, but the gaps remain wide.`,
    ],
    a: {
      roles: [R('he', 'Israeli military spokesperson'), R('he', 'Israeli government spokesperson'), R('he', 'spokesperson for the Israeli foreign ministry'), R('he', 'Israeli cabinet minister'), R('he', 'member of the Knesset'), R('he', 'Israeli army reserve general')],
      groups: [() => 'Israeli officials', () => 'The Israeli military'],
      said: [
        (g) => `Israeli forces struck ${g.count(2, 40)} militant targets in ${g.gaza()}, including ${g.pick(['a weapons depot', 'a tunnel shaft', 'rocket launchers', 'a command centre'])}`,
        (g) => `Hamas diverted ${g.percent(10, 60)} of the aid that entered northern Gaza ${g.when()}`,
        (g) => `rockets were fired at ${g.pick(['Sderot', 'Ashkelon', 'Netivot', 'Beersheba'])} from ${g.gaza()}, with no injuries reported`,
      ],
      quotes: [() => 'We will continue to operate until all the hostages are home.', () => 'There is no limit on humanitarian aid into Gaza. The problem is distribution inside it.'],
    },
    b: {
      roles: [R('ar', 'spokesperson for the Gaza health ministry'), R('ar', 'Palestinian official in Gaza'), R('ar', 'Palestinian Authority official'), R('ar', 'Palestinian negotiator'), R('ar', (g) => `doctor at a hospital in ${g.gaza()}`)],
      groups: [() => 'Local health officials', () => 'Palestinian officials'],
      said: [
        (g) => `the death toll in Gaza has risen to ${g.big(40000, 70000)} since October 2023, according to local health officials`,
        (g) => `Israel has blocked ${g.big(100, 3000)} aid trucks at the crossings in the past ${g.period()}`,
        (g) => `Israeli strikes killed ${g.count(5, 90)} people in ${g.gaza()} in the past 24 hours`,
      ],
      quotes: [() => 'Any agreement must include a full withdrawal and an end to the war.', (g) => `We received ${g.count(10, 90)} wounded in one hour, and we have no anaesthetic left.`],
    },
    n: { roles: [R('west', 'spokesperson for an aid agency working in Gaza'), R('ar', 'Egyptian foreign ministry spokesperson'), R('ar', 'Qatari mediator'), R('west', 'senior humanitarian official'), ...ANALYSTS] },
  },
  {
    key: 'lebanon-syria',
    desk: 'Middle East',
    weight: 2.5,
    local: true,
    war: true,
    tags: ['lebanon', 'syria', 'israel'],
    lands: [IL],
    region: 'mideast',
    orgs: 'mideast',
    here: (g) => (g.chance(0.5) ? g.lebanon() : g.syria()),
    titles: [() => 'Israel–Lebanon ceasefire', (g) => `Strikes on ${g.lebanon()}`, () => 'Syria’s transition', (g) => `Clashes in ${g.syria()}`, () => 'Refugees return to Syria'],
    said: [
      (g) => `Israel carried out ${g.count(2, 40)} strikes in southern Lebanon ${g.when()}, despite the ceasefire`,
      (g) => `the Lebanese army deployed ${g.big(1000, 10000)} soldiers south of the Litani River`,
      (g) => `${g.big(10000, 500000)} Syrian refugees returned from ${g.pick(['Lebanon', 'Turkey', 'Jordan'])} ${g.when()}`,
      (g) => `Syria’s interim authorities plan to hold parliamentary elections ${g.soon()}`,
      (g) => `clashes in ${g.syria()} killed ${g.count(5, 90)} people ${g.when()}`,
      (g) => `${g.ally()} lifted sanctions on Syria’s ${g.pick(['central bank', 'energy sector', 'national airline', 'banking sector'])}`,
      (g) => `Israeli troops remain at ${g.count(2, 9)} hilltop positions inside southern Lebanon`,
      (g) => `an Israeli drone strike on a car near ${g.lebanon()} killed ${g.count(2, 4)} people`,
      (g) => `${g.big(100, 5000)} homes in ${g.lebanon()} were destroyed during the fighting, and reconstruction has not started`,
      (g) => `Syria will need ${g.money()} to rebuild its power grid, according to ${g.org()}`,
    ],
    quotes: [() => 'The ceasefire in Lebanon is holding on paper, but not on the ground.', (g) => `Syrians who return to ${g.syria()} find no electricity, no water and no work.`],
    a: {
      roles: [R('he', 'Israeli military spokesperson'), R('he', 'Israeli defence ministry official'), R('he', 'member of the Knesset')],
      groups: [() => 'The Israeli military'],
      said: [(g) => `Hezbollah was trying to rebuild weapons sites near ${g.lebanon()}, in violation of the ceasefire`],
      quotes: [() => 'We will not allow the threat on our northern border to return.'],
    },
    b: {
      roles: [R('ar', 'Lebanese government minister'), R('ar', 'Lebanese MP'), R('ar', 'Syrian foreign ministry spokesperson'), R('ar', (g) => `mayor of ${g.lebanon()}`)],
      groups: [() => 'Lebanese officials', () => 'Syria’s interim authorities'],
      said: [(g) => `Israel has violated the ceasefire ${g.big(100, 3000)} times since it took effect`, () => 'the new authorities in Damascus control all of Syria’s border crossings'],
      quotes: [() => 'Lebanon has fulfilled its obligations. The occupation of our land must end.'],
    },
    n: { roles: [R('west', 'peacekeeping official in southern Lebanon'), ...ANALYSTS, R('ar', 'Jordanian government official')] },
  },
  {
    key: 'red-sea',
    desk: 'Middle East',
    weight: 1.5,
    local: false,
    war: true,
    tags: ['shipping', 'red-sea', 'yemen'],
    lands: [EG],
    region: 'mideast',
    orgs: 'mideast',
    here: (g) => g.pick(['the Red Sea', 'the Gulf of Aden', 'the Bab el-Mandeb strait', 'Hodeidah', 'the Suez Canal']),
    titles: [() => 'Attacks on Red Sea shipping', () => 'Suez Canal traffic', () => 'Naval mission in the Red Sea', (g) => `Strikes on ${g.pick(['Hodeidah', 'Sanaa', 'Ras Isa'])}`],
    said: [
      (g) => `Houthi forces claimed an attack on a ${g.pick(['Liberian-flagged', 'Greek-owned', 'Marshall Islands-flagged', 'Panama-flagged'])} ${g.pick(['bulk carrier', 'container ship', 'oil tanker', 'car carrier'])} in ${g.here()}`,
      (g) => `traffic through the Suez Canal is down ${g.percent(30, 70)} compared with two years ago`,
      (g) => `rerouting a container ship around the Cape of Good Hope adds ${g.count(10, 14)} days and about $${g.big(300000, 1000000)} in fuel`,
      (g) => `a ${g.allyAdj()} frigate shot down ${g.count(2, 20)} drones launched towards ships in the Red Sea`,
      (g) => `insurance premiums for Red Sea voyages rose to ${g.dec(0, 2)}% of a ship’s value`,
      (g) => `Egypt lost ${g.money()} in canal revenue ${g.when()}`,
      (g) => `the crew of the ${g.company('shipping').split(' ')[0]} were released after ${g.count(2, 14)} months in detention in Yemen`,
      (g) => `strikes on the port of ${g.pick(['Hodeidah', 'Ras Isa', 'Salif'])} halted fuel imports into northern Yemen for ${g.count(2, 8)} weeks`,
    ],
    quotes: [() => 'Shipping lines will not come back to the Red Sea until insurers do.', () => 'Every week of diversions adds to the price of goods in European shops.'],
    a: { roles: [R('west', 'commander of a European naval task force in the Red Sea'), R('ar', 'Egyptian canal authority official'), R('west', (g) => `chief executive of ${g.company('shipping')}`)], quotes: [() => 'We will escort ships for as long as the threat continues.'] },
    b: {
      roles: [R('ar', 'Yemeni rebel military spokesperson'), R('ar', 'rebel official in Sanaa')],
      said: [() => 'only ships linked to Israel, the United States or Britain will be targeted in the Red Sea', (g) => `Houthi forces fired ${g.count(2, 9)} ballistic missiles at ${g.pick(['a US aircraft carrier', 'Israel', 'a British destroyer'])}`],
      quotes: [() => 'Our operations will continue until the siege of Gaza is lifted.'],
    },
    n: { roles: [R('west', (g) => `shipping analyst at ${g.org()}`), R('west', 'maritime security adviser'), ...ANALYSTS] },
  },
  {
    key: 'iran',
    desk: 'Middle East',
    weight: 2.5,
    local: false,
    war: false,
    tags: ['iran', 'nuclear', 'sanctions'],
    lands: [IR],
    region: 'mideast',
    orgs: 'mideast',
    here: (g) => g.landCity(),
    titles: [() => 'Iran’s nuclear programme', () => 'Iran–US talks', () => 'Sanctions on Iranian oil', () => 'Protests in Iran', () => 'Iran’s currency crisis'],
    said: [
      (g) => `Iran has enriched ${g.big(100, 450)} kilograms of uranium to 60% purity, enough for several weapons if enriched further`,
      (g) => `the rial fell to ${g.big(600000, 1100000)} to the dollar on the open market in Tehran`,
      (g) => `indirect talks between Iran and the United States will resume in ${g.pick(['Muscat', 'Rome', 'Geneva', 'Doha'])} ${g.soon()}`,
      (g) => `Iran executed at least ${g.big(100, 1000)} people ${g.when()}, according to ${g.org()}`,
      (g) => `European countries will push to restore UN sanctions unless Iran allows inspectors back ${g.soon()}`,
      (g) => `Iranian oil exports rose to ${g.dec(1, 2)} million barrels a day, most of it sold to refiners in China`,
      (g) => `power cuts of up to ${g.count(2, 8)} hours a day hit ${g.landCity()} ${g.when()}`,
      (g) => `damage to the ${g.pick(['Fordow', 'Natanz', 'Isfahan'])} nuclear site is worse than Iranian officials admit, satellite images show`,
      (g) => `inflation in Iran reached ${g.r.range(30, 55)}% ${g.when()}, with food prices up ${g.percent(40, 90)}`,
      (g) => `${g.big(100, 3000)} people were arrested after protests over water shortages in ${g.landCity()}`,
    ],
    quotes: [() => 'There is still time for diplomacy, but not much.', () => 'Iran is closer to a bomb than at any point in its history.'],
    a: {
      roles: [R('west', 'US State Department official'), R('west', (g) => `${g.westAdj()} foreign minister`), R('he', 'Israeli national security official')],
      quotes: [() => 'Iran cannot be allowed to build a nuclear weapon. Every option remains on the table.'],
    },
    b: {
      roles: [R('fa', 'spokesperson for the Iranian foreign ministry'), R('fa', 'Iranian deputy foreign minister'), R('fa', 'member of Iran’s parliament'), R('fa', 'Iranian nuclear negotiator')],
      media: [['Alborz News Agency', 'Iranian state media']],
      said: [() => 'Iran’s nuclear programme is entirely peaceful and under international supervision', (g) => `Western sanctions have cost Iranian hospitals ${g.money()} in medicine imports`],
      quotes: [() => 'We will not negotiate under threats.', () => 'If sanctions return, Iran will review its cooperation with the inspectors.'],
    },
    n: { roles: [R('west', 'nuclear non-proliferation expert'), ...ANALYSTS, R('fa', 'Iranian economist')] },
  },
  {
    key: 'sudan',
    desk: 'Africa',
    weight: 4,
    local: true,
    war: true,
    tags: ['sudan', 'civilians', 'famine'],
    lands: [SD],
    region: 'africa',
    orgs: 'africa',
    here: (g) => (g.chance(0.6) ? g.sudan() : g.arVillage()),
    anonymous: [['Aid workers in Darfur', 'unnamed'], ['Residents who fled the fighting', ''], ['A Sudanese military source', '']],
    titles: [() => 'Siege of El Fasher', () => 'Famine in Sudan', () => 'War in Sudan', (g) => `Fighting in ${g.sudanState()}`, () => 'Drone strikes on Port Sudan', () => 'Cholera in Sudan'],
    said: [
      (g) => `the Rapid Support Forces have besieged El Fasher for ${g.big(100, 560)} days, cutting off food and medicine`,
      (g) => `${g.pick(['11', '12', '13', '14'])} million people have been displaced inside Sudan since the war began in April 2023`,
      (g) => `famine has spread to ${g.count(5, 17)} areas of ${g.sudanState()}, according to ${g.org()}`,
      (g) => `drone strikes hit ${g.pick(['the airport', 'a power station', 'fuel depots', 'the port'])} in Port Sudan ${g.when()}`,
      (g) => `a cholera outbreak in ${g.sudan()} has infected ${g.big(1000, 50000)} people and killed ${g.big(50, 1500)}`,
      (g) => `the Sudanese army retook ${g.sudan()} after ${g.count(2, 20)} months of fighting`,
      (g) => `${g.count(20, 400)} people were killed in an attack on ${g.arVillage()}, a village in ${g.sudanState()}`,
      (g) => `${g.big(10000, 400000)} people fled ${g.sudan()} to ${g.pick(['Chad', 'South Sudan', 'Egypt', 'Tawila'])} ${g.when()}`,
      (g) => `weapons supplied by ${g.pick(['foreign backers', 'a Gulf state', 'neighbouring countries'])} are reaching the RSF through ${g.pick(['Chad', 'Libya', 'the Central African Republic'])}`,
      (g) => `aid agencies have received only ${g.percent(10, 40)} of the ${g.money()} they asked for to help Sudan this year`,
      (g) => `the price of a sack of sorghum in ${g.sudan()} has risen ${g.percent(50, 400)} since ${g.month()}`,
    ],
    quotes: [(g) => `People in ${g.sudan()} are eating leaves and animal feed. This is a famine, whatever the label.`, () => 'The world has looked away from Sudan for too long.'],
    a: {
      roles: [R('ar', 'Sudanese army spokesperson'), R('ar', 'Sudanese information minister'), R('ar', 'Sudanese foreign ministry official'), R('ar', (g) => `governor of ${g.sudanState()}`)],
      groups: [() => 'The Sudanese army', () => 'Sudanese government officials'],
      said: [(g) => `the army has cut the RSF’s supply lines into ${g.sudanState()}`],
      quotes: [() => 'There will be no negotiations with the militia until it leaves the cities.'],
    },
    b: {
      roles: [R('ar', 'adviser to the paramilitary leadership'), R('ar', 'paramilitary field commander'), R('ar', 'spokesperson for the paramilitary-led parallel government')],
      groups: [() => 'Paramilitary commanders'],
      said: [(g) => `the army’s air strikes killed ${g.count(10, 90)} civilians in ${g.sudan()}`, () => 'the RSF is protecting aid convoys and has never attacked civilians'],
      quotes: [() => 'We are ready for a humanitarian truce if the army stops bombing markets.'],
    },
    n: { roles: [R('west', 'spokesperson for an aid agency working in Sudan'), R('ar', (g) => `doctor in ${g.sudan()}`), R('af', 'aid worker in Chad'), ...ANALYSTS] },
  },
  {
    key: 'africa',
    desk: 'Africa',
    weight: 1.5,
    local: true,
    war: true,
    tags: ['congo', 'sahel', 'conflict'],
    lands: [KE],
    region: 'africa',
    orgs: 'africa',
    here: (g) => (g.chance(0.5) ? g.congo() : g.sahel()),
    titles: [(g) => `Fighting near ${g.congo()}`, () => 'Eastern Congo peace deal', () => 'Military rule in the Sahel', (g) => `Attack in ${g.sahel()}`],
    said: [
      (g) => `M23 rebels took control of ${g.congo()} after ${g.count(2, 9)} days of fighting`,
      (g) => `${g.big(10000, 300000)} people have fled their homes around ${g.congo()} ${g.when()}`,
      (g) => `a peace agreement for eastern Congo signed in ${g.pick(['Washington', 'Doha', 'Luanda', 'Nairobi'])} has not stopped the fighting near ${g.congo()}`,
      (g) => `jihadist fighters killed ${g.count(10, 150)} soldiers in an attack on a base near ${g.sahel()}`,
      (g) => `the military government in ${g.pick(['Mali', 'Burkina Faso', 'Niger'])} has postponed elections until ${g.year(2028, 2032)}`,
      (g) => `a fuel blockade has cut supplies to ${g.sahel()} for ${g.count(2, 12)} weeks`,
      (g) => `Russian paramilitaries have withdrawn from ${g.count(2, 6)} bases in ${g.pick(['Mali', 'Burkina Faso', 'the Central African Republic'])}`,
    ],
    quotes: [() => 'Peace deals signed abroad mean nothing to villagers who are still being attacked.'],
    a: { roles: [R('af', 'Congolese government spokesperson'), R('af', 'Congolese army spokesperson'), R('af', (g) => `governor of the province around ${g.congo()}`)], groups: [() => 'Congolese officials'] },
    b: { roles: [R('af', 'rebel spokesperson in eastern Congo'), R('af', 'spokesperson for the military government in Mali')], said: [(g) => `rebel forces entered ${g.congo()} to protect civilians from militias`], quotes: [() => 'We are not going anywhere until our demands are met.'] },
    n: { roles: [R('west', 'spokesperson for an aid agency in eastern Congo'), R('af', (g) => `researcher at ${g.org()}`), ...ANALYSTS] },
  },
  {
    key: 'taiwan',
    desk: 'Asia',
    weight: 4,
    local: false,
    war: false,
    tags: ['taiwan', 'china', 'security'],
    lands: [TW],
    region: 'asia',
    orgs: 'asia',
    here: (g) => (g.chance(0.7) ? g.taiwan() : g.shoal()),
    titles: [() => 'Chinese military drills around Taiwan', () => 'Tensions in the Taiwan Strait', () => 'Taiwan’s chip exports', () => 'South China Sea standoff', () => 'Taiwan’s defence budget', () => 'Undersea cable damage'],
    said: [
      (g) => `${g.count(10, 150)} Chinese military aircraft and ${g.count(5, 40)} ships were detected around Taiwan in the past 24 hours`,
      (g) => `China’s coast guard fired water cannon at a Philippine supply boat near ${g.shoal()}`,
      (g) => `Taiwan will raise defence spending to ${g.dec(2, 4)}% of GDP ${g.soon()}`,
      (g) => `Chinese drills simulated a blockade of ${g.pick(['Kaohsiung', 'Keelung', 'Taiwan’s main ports', 'the island’s east coast'])} for the first time`,
      (g) => `a Chinese-crewed cargo ship is suspected of cutting an undersea cable between Taiwan and ${g.pick(['Penghu', 'Matsu', 'Kinmen'])}`,
      (g) => `Taiwan’s chip exports rose ${g.percent(10, 60)} ${g.when()}, driven by demand for AI servers`,
      (g) => `the United States approved a ${g.money()} arms sale to Taiwan including ${g.pick(['air defence missiles', 'rocket launchers', 'fighter jet parts', 'drones', 'anti-ship missiles'])}`,
      (g) => `China added ${g.count(5, 40)} ${g.pick(['US', 'Taiwanese', 'European', 'Japanese'])} defence companies to its export control list`,
      (g) => `Chinese and Philippine vessels collided near ${g.shoal()}, damaging ${g.count(2, 3)} boats`,
      (g) => `a Chinese aircraft carrier group sailed ${g.big(100, 600)} kilometres east of ${g.taiwan()} ${g.when()}`,
      (g) => `Taiwan will extend compulsory military service to ${g.pick(['one year', '18 months', 'two years'])} ${g.soon()}`,
    ],
    quotes: [() => 'The drills are getting bigger and closer, and each one becomes the new normal.', () => 'A blockade would hit the world economy harder than any war in Europe.'],
    a: {
      roles: [R('tw', 'Taiwanese defence ministry spokesperson'), R('tw', 'Taiwanese legislator'), R('tw', 'Taiwanese coast guard official'), R('tw', 'spokesperson for Taiwan’s Mainland Affairs Council'), R('es', 'Philippine coast guard spokesperson')],
      groups: [() => 'Taiwanese officials', () => 'Taiwan’s coast guard'],
      quotes: [() => 'We will not provoke, and we will not back down.', (g) => `Our forces monitored every Chinese ship within ${g.count(20, 90)} nautical miles of ${g.taiwan()}.`],
    },
    b: {
      roles: [R('zh', 'spokesperson for China’s foreign ministry'), R('zh', 'spokesperson for China’s defence ministry'), R('zh', 'spokesperson for China’s Taiwan Affairs Office'), R('zh', 'Chinese coast guard spokesperson')],
      media: [['Hengshan Daily', 'Chinese state media']],
      said: [() => 'the drills are a stern warning to separatist forces and foreign interference', (g) => `the Philippine boat entered Chinese waters near ${g.shoal()} and ignored repeated warnings`],
      quotes: [() => 'Taiwan is China’s internal affair, and no foreign interference will be tolerated.'],
    },
    n: { roles: [R('ja', 'Japanese defence ministry official'), R('west', (g) => `analyst at ${g.org()}`), ...ANALYSTS] },
  },
  {
    key: 'elections',
    desk: 'Elections',
    weight: 10,
    local: true,
    war: false,
    tags: ['elections', 'politics'],
    lands: ELECTION_LANDS,
    orgs: 'politics',
    here: (g) => g.town(),
    anonymous: [['Campaign officials', 'unnamed'], ['A senior party figure', 'speaking on condition of anonymity'], ['People close to the candidate', 'unnamed']],
    titles: [(g) => cap(g.race()), (g) => `${cap(g.race())}: the count`, (g) => `${g.land.adj} election campaign`, (g) => `Coalition talks in ${g.land.cities[0] ?? g.landName()}`, (g) => `Voting irregularities in ${g.landCity()}`],
    said: [
      (g) => `${g.person()} leads the ${g.race()} with ${g.r.range(25, 52)}% support, according to a poll by ${g.org()}`,
      (g) => `turnout in the first round was ${g.r.range(35, 80)}%, the ${g.pick(['highest', 'lowest'])} since ${g.r.range(1990, 2016)}`,
      (g) => `${g.big(1000, 90000)} ballots in ${g.landCity()} were declared invalid and will be recounted`,
      (g) => `${g.party()} has promised to ${g.pick(PLEDGES)} if it wins the ${g.race()}`,
      (g) => `${g.count(3, 40)} polling stations in ${g.town()} opened late because ballot papers had not arrived`,
      (g) => `the electoral commission received ${g.big(100, 5000)} complaints about ${g.pick(['vote buying', 'intimidation of voters', 'irregularities at polling stations', 'misleading campaign ads'])}`,
      (g) => `a network of ${g.big(100, 5000)} fake accounts spread false claims about ${g.person()} in the weeks before the vote`,
      (g) => `${g.party()} spent ${g.money()} on online advertising in the final ${g.count(2, 6)} weeks of the campaign`,
      (g) => `the ruling party lost its majority in ${g.land.parliament}, falling ${g.count(2, 40)} seats short`,
      (g) => `early results from ${g.landCity()} show ${g.party()} ahead by ${g.r.range(2, 20)} points`,
      (g) => `postal votes will not be counted until ${g.weekday()}, delaying the result in ${g.count(2, 40)} constituencies`,
      (g) => `the ${g.land.president ? 'presidential' : 'mayoral'} runoff between ${g.person()} and ${g.person()} will be held on ${g.date()}`,
      (g) => `voters in ${g.town()} waited up to ${g.count(2, 6)} hours to cast their ballots`,
      (g) => `${g.person()}, a former ${g.pick(['mayor', 'finance minister', 'judge', 'television presenter', 'football coach'])}, will run for ${g.office()} as an independent`,
      (g) => `${g.percent(5, 30)} of voters are still undecided, ${g.count(2, 5)} weeks before the ${g.race()}`,
      (g) => `a court barred ${g.person()} from standing in the ${g.race()} over ${g.pick(['unpaid taxes', 'a corruption conviction', 'forged signatures', 'campaign finance violations'])}`,
    ],
    quotes: [
      () => 'Whoever wins will have to govern with a divided parliament and an angry electorate.',
      (g) => `The result in ${g.landCity()} will decide this election, as it always does.`,
      () => 'The campaign was fought on the cost of living, and the polls missed how much it mattered.',
    ],
    a: {
      roles: [L('campaign manager for the ruling party'), L((g) => `${g.land.adj} interior minister`), L('governing party MP'), L((g) => `${g.land.adj} prime minister’s spokesperson`), L('ruling party candidate')],
      groups: [() => 'Ruling party officials', () => 'The government'],
      quotes: [(g) => `We have delivered on ${g.pick(['jobs', 'security', 'housing', 'energy prices'])}, and voters know it.`, () => 'The count was free and fair, and the opposition should accept the result.'],
    },
    b: {
      roles: [L('opposition leader'), L('opposition candidate'), L('spokesperson for the main opposition party'), L('opposition MP'), L('independent candidate')],
      groups: [() => 'Opposition parties', () => 'Opposition campaign officials'],
      said: [(g) => `the vote in ${g.landCity()} was marred by ${g.pick(['fraud', 'intimidation', 'vote buying', 'missing ballots'])}, and the result should be annulled`, (g) => `state media gave the ruling party ${g.percent(60, 90)} of election airtime`],
      quotes: [() => 'This government has run out of ideas and out of time.', (g) => `We will not recognise a result that was stolen in ${g.landCity()}.`],
    },
    n: { roles: [L('head of the electoral commission'), R('west', 'international election observer'), L((g) => `pollster at ${g.org()}`), ...LOCAL_ANALYSTS] },
  },
  {
    key: 'energy',
    desk: 'Energy',
    weight: 5,
    local: false,
    war: false,
    tags: ['energy', 'oil', 'gas'],
    lands: ENERGY_LANDS,
    orgs: 'energy',
    here: (g) => g.landCity(),
    titles: [() => 'Oil prices', () => 'Gas storage before winter', (g) => `${g.land.adj} energy bills`, () => 'Offshore wind', () => 'Nuclear power revival', () => 'Oil output cuts'],
    said: [
      (g) => `Brent crude rose to $${g.r.range(60, 95)} a barrel after ${g.pick(['producers agreed to cut output', 'attacks on tankers', 'new sanctions on Russian oil', 'a fall in US inventories'])}`,
      (g) => `European gas storage is ${g.r.range(40, 98)}% full, ${g.pick(['above', 'below'])} the average for this time of year`,
      (g) => `household electricity bills in ${g.landName()} will rise by ${g.percent(3, 40)} from ${g.month()}`,
      (g) => `${g.landName()} will close its last coal-fired power station by ${g.year(2027, 2038)}`,
      (g) => `renewables generated ${g.percent(20, 70)} of ${g.landPoss()} electricity ${g.when()}, a record`,
      (g) => `${g.company('energy')} will build a ${g.big(200, 3000)}-megawatt offshore wind farm ${g.soon()}`,
      (g) => `a new gas terminal near ${g.landCity()} will supply ${g.percent(5, 40)} of the country’s needs`,
      (g) => `${g.landName()} signed a ${g.count(10, 25)}-year deal to buy liquefied natural gas from ${g.pick(['Qatar', 'the United States', 'Australia', 'Algeria', 'Norway'])}`,
      (g) => `${g.landName()} will build ${g.count(2, 6)} new nuclear reactors by ${g.year(2035, 2045)} at a cost of ${g.money()}`,
      (g) => `petrol prices in ${g.landName()} fell ${g.percent(2, 15)} ${g.when()}, the biggest drop in ${g.count(2, 9)} years`,
      (g) => `oil producers agreed to raise output by ${g.big(100000, 500000)} barrels a day from ${g.month()}`,
      (g) => `${g.company('energy')} reported a profit of ${g.money()}, down ${g.percent(5, 50)} on a year earlier`,
    ],
    quotes: [() => 'The energy crisis is not over. It has only moved from prices to investment.', () => 'Cheap renewables are winning, but the grid is not ready for them.'],
    a: {
      roles: [L((g) => `${g.land.adj} energy minister`), L((g) => `${g.land.adj} economy minister`), L('government energy adviser')],
      quotes: [(g) => `Bills will come down by ${g.year(2027, 2030)}. We have a plan and we are sticking to it.`],
    },
    b: {
      roles: [L((g) => `chief executive of ${g.company('energy')}`), L('opposition energy spokesperson'), L('consumer group spokesperson'), L('head of an energy industry association')],
      said: [() => 'the government’s energy plan will add to household bills rather than cut them', (g) => `the grid needs ${g.money()} of investment before any new wind farms can connect`],
      quotes: [() => 'Families cannot wait ten years for cheaper bills.'],
    },
    n: { roles: [L((g) => `energy analyst at ${g.org()}`), R('west', (g) => `commodities analyst at ${g.company('bank')}`), ...LOCAL_ANALYSTS] },
  },
  {
    key: 'economy',
    desk: 'Business',
    weight: 7,
    local: false,
    war: false,
    tags: ['economy', 'inflation', 'jobs'],
    lands: ECONOMY_LANDS,
    orgs: 'economy',
    here: (g) => g.town(),
    titles: [(g) => `${g.land.adj} inflation`, (g) => `Interest rates in ${g.landName()}`, (g) => `${g.land.adj} budget`, () => 'Housing costs', (g) => `Strikes in ${g.landName()}`, (g) => `${g.land.adj} jobs market`],
    said: [
      (g) => `inflation in ${g.landName()} fell to ${g.dec(1, 8)}% in ${g.month()}, the lowest since ${g.r.range(2019, 2024)}`,
      (g) => `the central bank will cut interest rates to ${g.dec(1, 6)}% ${g.soon()}, according to ${g.org()}`,
      (g) => `unemployment in ${g.landName()} rose to ${g.dec(3, 12)}% ${g.when()}, with ${g.big(10000, 300000)} jobs lost in ${g.pick(SECTORS)}`,
      (g) => `${g.landPoss()} economy grew by ${g.dec(0, 3)}% in the ${g.pick(['first', 'second', 'third', 'fourth'])} quarter, ${g.pick(['beating', 'missing'])} forecasts`,
      (g) => `house prices in ${g.landCity()} have risen ${g.percent(10, 60)} in ${g.count(2, 5)} years, while wages rose ${g.percent(3, 20)}`,
      (g) => `the government will borrow an extra ${g.money()} to pay for ${g.pick(['defence', 'pensions', 'the health service', 'tax cuts', 'new railways'])}`,
      (g) => `food prices in ${g.landName()} are ${g.percent(3, 25)} higher than a year ago`,
      (g) => `${g.big(1000, 90000)} ${g.pick(['rail workers', 'nurses', 'teachers', 'doctors', 'port workers', 'car workers', 'airport staff'])} will strike on ${g.weekday()} over pay`,
      (g) => `${g.company()} will cut ${g.big(500, 12000)} jobs and close its factory in ${g.town()}`,
      (g) => `the minimum wage in ${g.landName()} will rise by ${g.percent(3, 15)} from ${g.month()}`,
      (g) => `the budget deficit reached ${g.dec(2, 7)}% of GDP ${g.when()}, above the government’s target`,
      (g) => `rents in ${g.landCity()} rose ${g.percent(5, 25)} in a year, the fastest increase on record`,
      (g) => `${g.percent(10, 40)} of households in ${g.landName()} say they cannot afford an unexpected bill of ${g.big(500, 2000)} ${g.pick(['euros', 'dollars', 'pounds'])}`,
      (g) => `${g.company('bank')} expects ${g.landName()} to enter a recession ${g.soon()}`,
    ],
    quotes: [() => 'Inflation is falling, but prices are not. That is what voters feel.', () => 'The labour market is cooling faster than the central bank expected.'],
    a: {
      roles: [L((g) => `${g.land.adj} finance minister`), L('member of the central bank’s rate-setting committee'), L('deputy governor of the central bank'), L((g) => `${g.land.adj} labour minister`), L('finance ministry official')],
      quotes: [() => 'The worst of the inflation shock is behind us.', (g) => `We will balance the budget by ${g.year(2028, 2032)} without raising taxes on working people.`],
    },
    b: {
      roles: [L('opposition economy spokesperson'), L('general secretary of the teachers’ union'), L('head of the employers’ federation'), L('leader of the transport workers’ union'), L('head of a small business association')],
      said: [(g) => `real wages in ${g.landName()} are still ${g.percent(2, 10)} below their level before the pandemic`, () => 'the government’s tax rises will cost jobs in every region'],
      quotes: [() => 'Working families are paying for a crisis they did not cause.', () => 'Our members have had enough of real-terms pay cuts.'],
    },
    n: { roles: [L((g) => `chief economist at ${g.company('bank')}`), L((g) => `economist at ${g.org()}`), ...LOCAL_ANALYSTS] },
  },
  {
    key: 'trade',
    desk: 'Business',
    weight: 3,
    local: false,
    war: false,
    tags: ['trade', 'tariffs', 'economy'],
    lands: TRADE_LANDS,
    orgs: 'economy',
    here: (g) => g.landCity(),
    titles: [() => 'Tariff war', (g) => `Tariffs on ${g.pick(GOODS)}`, () => 'Trade deal talks', () => 'Supply chain disruption', () => 'Export controls on critical minerals'],
    said: [
      (g) => `the United States will impose tariffs of ${g.r.range(10, 60)}% on ${g.pick(GOODS)} from ${g.tradePartner()} ${g.soon()}`,
      (g) => `${g.landPoss()} exports to the United States fell ${g.percent(5, 40)} after the new tariffs took effect`,
      (g) => `the EU and ${g.tradePartner()} concluded a trade agreement that removes tariffs on ${g.percent(80, 99)} of goods`,
      (g) => `China restricted exports of ${g.pick(['rare earths', 'gallium', 'germanium', 'graphite', 'battery technology'])}, hitting manufacturers in ${g.landName()}`,
      (g) => `container freight rates from Shanghai to ${g.pick(['Rotterdam', 'Los Angeles', 'Genoa', 'Hamburg'])} rose ${g.percent(10, 120)} ${g.when()}`,
      (g) => `${g.company()} will move ${g.percent(10, 60)} of its production from China to ${g.pick(['Vietnam', 'India', 'Mexico', 'Malaysia', 'Poland'])}`,
      (g) => `${g.landName()} will retaliate with tariffs on ${g.money()} of US goods, including ${g.pick(GOODS)}`,
      (g) => `the tariffs will cost the average household in ${g.landName()} about ${g.big(500, 3000)} dollars a year`,
    ],
    quotes: [() => 'Nobody wins a tariff war. Consumers pay, and factories wait.', () => 'Supply chains are being redrawn by politics, not by cost.'],
    a: { roles: [L((g) => `${g.land.adj} trade minister`), L('chief trade negotiator'), L('economy ministry official')], quotes: [() => 'We are ready to negotiate, but we will defend our industry.'] },
    b: { roles: [L((g) => `chief executive of ${g.company()}`), L('head of the exporters’ association'), L('opposition trade spokesperson')], said: [(g) => `the tariffs have already cost ${g.big(1000, 40000)} jobs in ${g.pick(SECTORS)}`], quotes: [() => 'Our orders have halved since the tariffs were announced.'] },
    n: { roles: [L((g) => `trade economist at ${g.org()}`), R('west', (g) => `chief economist at ${g.company('bank')}`), ...LOCAL_ANALYSTS] },
  },
  {
    key: 'disasters',
    desk: 'Climate and disasters',
    weight: 5,
    local: true,
    war: false,
    tags: ['disasters', 'climate', 'weather'],
    lands: DISASTER_LANDS,
    orgs: 'energy',
    here: (g) => g.town(),
    anonymous: [['Rescue workers', 'unnamed'], ['Residents of the flooded area', ''], ['Local officials', 'unnamed']],
    titles: [(g) => `Floods in ${g.landName()}`, (g) => `Wildfires near ${g.landCity()}`, (g) => (QUAKE_LANDS.has(g.land) ? `Earthquake in ${g.landName()}` : `Storm damage in ${g.landName()}`), (g) => cap(g.storm()), (g) => `Heatwave in ${g.landName()}`, (g) => `Landslides near ${g.town()}`],
    said: [
      (g) => `the death toll from the floods in ${g.town()} has risen to ${g.count(5, 300)}, with ${g.count(5, 200)} people still missing`,
      (g) => (QUAKE_LANDS.has(g.land) ? `a magnitude ${g.dec(5, 7)} earthquake struck near ${g.town()}, damaging ${g.big(100, 8000)} buildings` : `a landslide after days of heavy rain buried ${g.count(2, 30)} houses near ${g.town()}`),
      (g) => `wildfires have burned ${g.big(1000, 90000)} hectares near ${g.town()} and forced ${g.big(500, 30000)} people from their homes`,
      (g) => `temperatures reached ${g.dec(40, 48)}°C in ${g.landCity()}, a national record`,
      (g) => `${g.storm()} made landfall near ${g.town()} with winds of up to ${g.big(120, 280)} km/h`,
      (g) => `insured losses from the ${g.pick(['floods', 'storm', 'wildfires', 'earthquake'])} are estimated at ${g.money()}`,
      (g) => `rescuers pulled ${g.count(2, 40)} survivors from collapsed buildings in ${g.town()} ${g.when()}`,
      (g) => `${g.big(1000, 500000)} homes in ${g.landName()} are without power after the storm`,
      (g) => `flood warnings reached residents of ${g.town()} only ${g.count(2, 12)} hours after the water did`,
      (g) => `the river in ${g.landCity()} rose ${g.r.range(2, 9)} metres in ${g.count(2, 24)} hours, the fastest rise on record`,
      (g) => `${g.big(1000, 60000)} people are still living in temporary shelters ${g.count(2, 12)} months after the ${g.pick(['floods', 'earthquake', 'fires'])}`,
      (g) => `a heatwave killed an estimated ${g.big(100, 3000)} people in ${g.landName()} ${g.when()}`,
    ],
    quotes: [(g) => `We have never seen water rise this fast in ${g.town()}.`, () => 'These disasters are no longer once in a century. They are every few years.'],
    a: {
      roles: [L((g) => `${g.land.adj} interior minister`), L('head of the national civil protection agency'), L((g) => `mayor of ${g.town()}`), L('regional governor'), L('fire service commander')],
      groups: [() => 'Emergency services', () => 'Regional authorities'],
      quotes: [() => 'Every resource available has been deployed, and rescuers will keep working through the night.'],
    },
    b: {
      roles: [L('opposition MP'), L('spokesperson for a residents’ association'), L('local councillor'), L('head of the farmers’ union')],
      said: [(g) => `the alert was sent ${g.count(2, 12)} hours too late, after the water had reached ${g.town()}`, () => 'cuts to the forest service left the region unprepared for the fires'],
      quotes: [() => 'They had warnings for days and did nothing.'],
    },
    n: { roles: [L((g) => `meteorologist at ${g.org()}`), L('seismologist'), R('west', 'climate scientist'), R('west', 'spokesperson for an aid agency'), L('insurance industry analyst')] },
  },
  {
    key: 'climate',
    desk: 'Climate and disasters',
    weight: 3,
    local: false,
    war: false,
    tags: ['climate', 'emissions'],
    lands: ENERGY_LANDS,
    orgs: 'energy',
    here: (g) => g.landCity(),
    titles: [() => 'Climate talks', () => 'Emissions targets', () => 'Record temperatures', () => 'Climate finance', () => 'Melting glaciers'],
    said: [
      (g) => `global temperatures in ${g.month()} were ${g.dec(1, 1)}°C above pre-industrial levels, according to ${g.org()}`,
      (g) => `${g.landName()} cut its greenhouse gas emissions by ${g.percent(1, 9)} ${g.when()}, mainly because of ${g.pick(['less coal power', 'a mild winter', 'weaker industrial output', 'more solar power'])}`,
      (g) => `negotiators at the UN climate talks agreed to raise climate finance to ${g.money()} a year by ${g.year(2030, 2035)}`,
      (g) => `rich countries provided ${g.money()} in climate finance ${g.when()}, short of what they promised`,
      (g) => `Alpine glaciers lost ${g.percent(2, 10)} of their volume ${g.when()}`,
      (g) => `sea levels off ${g.landCity()} have risen ${g.count(2, 9)} millimetres a year over the past decade`,
      (g) => `${g.company('energy')} will miss its ${g.year(2030, 2035)} emissions target, according to internal documents`,
      (g) => `${g.landName()} will ban the sale of new petrol and diesel cars from ${g.year(2030, 2040)}`,
    ],
    quotes: [() => 'We are running out of time, and the targets on paper are not being met in practice.', () => 'Every tenth of a degree matters for millions of people.'],
    a: { roles: [L((g) => `${g.land.adj} climate minister`), L('chief climate negotiator'), L('environment ministry official')], quotes: [(g) => `We will reach net zero by ${g.year(2040, 2050)}, and we are on track.`] },
    b: {
      roles: [L('climate activist'), L((g) => `campaigner at ${g.org()}`), L('opposition environment spokesperson'), L('head of an industry lobby group')],
      said: [(g) => `the government’s climate plan relies on technology that will not be ready before ${g.year(2040, 2050)}`, () => 'the new climate rules will cost manufacturers billions and push jobs abroad'],
      quotes: [() => 'Targets without money are just words.'],
    },
    n: { roles: [R('west', 'climate scientist'), L((g) => `researcher at ${g.org()}`), ...LOCAL_ANALYSTS] },
  },
  {
    key: 'health',
    desk: 'Health',
    weight: 6,
    local: true,
    war: false,
    tags: ['health'],
    lands: HEALTH_LANDS,
    orgs: 'health',
    here: (g) => g.town(),
    titles: [(g) => `${cap(g.pick(DISEASES))} outbreak`, () => 'Hospital waiting lists', () => 'Medicine shortages', () => 'Doctors’ strike', () => 'Vaccination rates', () => 'New drug trial'],
    said: [
      (g) => `a ${g.pick(DISEASES)} outbreak in ${g.town()} has infected ${g.big(50, 9000)} people and killed ${g.count(2, 90)}`,
      (g) => `measles cases in ${g.landName()} rose to ${g.big(100, 5000)} ${g.when()}, the highest since ${g.r.range(1995, 2019)}`,
      (g) => `${g.percent(60, 95)} of children in ${g.landCity()} have received both doses of the ${g.pick(['measles', 'polio', 'HPV'])} vaccine`,
      (g) => `hospital waiting lists in ${g.landName()} reached ${g.millions()} ${g.when()}`,
      (g) => `a shortage of ${g.pick(['antibiotics', 'insulin', 'ADHD medication', 'cancer drugs', 'blood'])} has hit pharmacies in ${g.count(3, 40)} regions`,
      (g) => `bird flu was found on ${g.count(2, 60)} poultry farms near ${g.town()}, and ${g.big(10000, 900000)} birds will be culled`,
      (g) => `a new ${g.pick(['weight-loss', 'Alzheimer’s', 'malaria', 'cancer'])} drug reduced ${g.pick(['hospital admissions', 'deaths', 'symptoms'])} by ${g.percent(10, 60)} in a trial of ${g.big(500, 20000)} patients`,
      (g) => `${g.big(500, 15000)} ${g.pick(['junior doctors', 'nurses', 'paramedics', 'midwives'])} will walk out on ${g.weekday()} in a dispute over pay`,
      (g) => `the health ministry confirmed ${g.count(2, 40)} new cases of mpox in ${g.landCity()} ${g.when()}`,
      (g) => `patients in ${g.landCity()} wait an average of ${g.count(4, 30)} hours in emergency departments`,
      (g) => `${g.company('pharma')} will cut the price of its ${g.pick(['diabetes', 'asthma', 'cancer', 'hepatitis'])} drug by ${g.percent(20, 70)} in ${g.landName()}`,
      (g) => `${g.percent(5, 30)} of hospital posts in ${g.town()} are vacant, forcing ${g.count(2, 9)} wards to close`,
    ],
    quotes: [() => 'Outbreaks like this are a warning: vaccination rates have been falling for a decade.', () => 'The system is running on goodwill, and goodwill is running out.'],
    a: {
      roles: [L((g) => `${g.land.adj} health minister`), L('chief medical officer'), L((g) => `director of the hospital in ${g.town()}`), L('health ministry spokesperson')],
      quotes: [(g) => `Waiting lists have fallen for ${g.count(3, 9)} months in a row.`, () => 'There is no need to panic. The outbreak is under control.'],
    },
    b: {
      roles: [L('leader of the doctors’ union'), L('opposition health spokesperson'), L((g) => `head of ${g.org()}`), L('head of a nurses’ union')],
      said: [(g) => `the government has cut ${g.big(1000, 9000)} hospital beds since ${g.r.range(2015, 2022)}`, () => 'the health ministry knew about the medicine shortage for months and did nothing'],
      quotes: [() => 'Patients are dying in corridors, and ministers talk about progress.'],
    },
    n: { roles: [L((g) => `epidemiologist at ${g.org()}`), L('public health researcher'), R('west', 'infectious disease specialist'), L('emergency doctor')] },
  },
  {
    key: 'tech',
    desk: 'Technology',
    weight: 3,
    local: false,
    war: false,
    tags: ['technology', 'ai'],
    lands: TECH_LANDS,
    orgs: 'tech',
    here: (g) => g.landCity(),
    titles: [() => 'AI regulation', () => 'Social media ban for children', () => 'Chip factories', () => 'Big tech fines', () => 'Data centres and power'],
    said: [
      (g) => `${g.landName()} will require companies to label ${g.pick(['deepfake videos', 'AI-generated images', 'chatbot answers'])} from ${g.month()}`,
      (g) => `${g.company('tech')} was fined ${g.money()} for breaching ${g.pick(['data protection', 'competition', 'consumer protection'])} rules`,
      (g) => `a new chip plant near ${g.landCity()} will employ ${g.big(1000, 5000)} people and open ${g.soon()}`,
      (g) => `${g.percent(20, 60)} of ${g.land.adj} teenagers spend more than ${g.count(3, 7)} hours a day on social media`,
      (g) => `${g.landName()} will ban social media for children under ${g.r.range(14, 16)} ${g.soon()}`,
      (g) => `data centres will use ${g.percent(5, 25)} of ${g.landPoss()} electricity by ${g.year(2030, 2035)}`,
      (g) => `${g.company('tech')} shares fell ${g.percent(5, 30)} after it ${g.pick(['delayed its new AI model', 'cut its revenue forecast', 'lost a court case', 'reported a data breach'])}`,
      (g) => `${g.percent(10, 40)} of office jobs in ${g.landName()} could be automated by AI within ${g.count(5, 15)} years, according to ${g.org('economy')}`,
    ],
    quotes: [() => 'Regulators are always one model behind.', () => 'The question is no longer whether to regulate AI, but who enforces the rules.'],
    a: { roles: [L((g) => `${g.land.adj} digital minister`), L('head of the data protection authority'), L('competition regulator official')], quotes: [() => 'The rules are clear: what is illegal offline is illegal online.'] },
    b: { roles: [L((g) => `chief executive of ${g.company('tech')}`), L('technology industry lobbyist'), L((g) => `spokesperson for ${g.company('tech')}`)], said: [() => 'the new rules will slow innovation and push start-ups abroad'], quotes: [() => 'We will appeal the fine. Our products comply with the law.'] },
    n: { roles: [L((g) => `researcher at ${g.org()}`), R('west', 'computer scientist'), ...LOCAL_ANALYSTS] },
  },
  {
    key: 'cyber',
    desk: 'Technology',
    weight: 3,
    local: false,
    war: false,
    tags: ['cyber', 'technology', 'security'],
    lands: TECH_LANDS,
    orgs: 'tech',
    here: (g) => g.landCity(),
    titles: [() => 'Ransomware attack', () => 'Data breach', () => 'State-backed hackers', (g) => `Cyberattack on ${g.company()}`, () => 'IT outage'],
    said: [
      (g) => `hackers stole the personal data of ${g.millions()} customers of ${g.company()} ${g.when()}`,
      (g) => `a ransomware attack has shut down ${g.pick(['hospital systems', 'schools', 'the city council', 'the port', 'payment systems'])} in ${g.landCity()} for ${g.count(2, 20)} days`,
      (g) => `state-backed hackers breached the email accounts of ${g.count(5, 90)} officials at ${g.landPoss()} ${g.pick(['foreign ministry', 'defence ministry', 'parliament', 'election commission'])}`,
      (g) => `${g.company()} paid a ransom of $${g.big(1, 50)} million to restore its systems`,
      (g) => `a cyberattack on a check-in software provider disrupted flights at ${g.count(3, 20)} European airports`,
      (g) => `an outage at ${g.company('tech')} left ${g.millions()} users without service for ${g.count(2, 14)} hours`,
      (g) => `police in ${g.count(3, 12)} countries arrested ${g.count(2, 30)} suspects linked to a ransomware gang`,
      (g) => `${g.percent(10, 50)} of companies in ${g.landName()} suffered a cyberattack ${g.when()}, according to ${g.org()}`,
    ],
    quotes: [() => 'Every company is now a target, and most are not ready.', () => 'The attackers were inside the network for months before anyone noticed.'],
    a: { roles: [L('head of the national cyber security centre'), L((g) => `${g.land.adj} digital minister`), L('police cybercrime unit spokesperson')], quotes: [() => 'We know who is behind this attack, and there will be consequences.'] },
    b: { roles: [L((g) => `spokesperson for ${g.company()}`), L((g) => `chief executive of ${g.company('tech')}`)], said: [() => 'no customer payment data was accessed in the breach'], quotes: [() => 'Our systems are back online, and customers do not need to take any action.'] },
    n: { roles: [L((g) => `threat analyst at ${g.org()}`), R('west', 'cyber security researcher'), L('former intelligence officer')] },
  },
  {
    key: 'migration',
    desk: 'Migration',
    weight: 5,
    local: true,
    war: false,
    tags: ['migration', 'asylum'],
    lands: MIGRATION_LANDS,
    orgs: 'migration',
    here: (g) => g.town(),
    titles: [() => 'Small boat crossings', () => 'Deaths in the Mediterranean', () => 'Asylum backlog', (g) => `${g.land.adj} deportation plan`, () => 'Border crossings', () => 'Migrant reception centres'],
    said: [
      (g) => (g.land === UK || g.land === FR ? `${g.big(100, 1200)} people crossed the Channel in small boats on ${g.weekday()}, the highest daily number this year` : `${g.big(100, 1200)} people crossed into ${g.landName()} irregularly on ${g.weekday()}, the highest daily number this year`),
      (g) => `a boat carrying ${g.count(30, 400)} migrants capsized off ${g.pick(['Lampedusa', 'Crete', 'Libya', 'Tunisia', 'the Canary Islands', 'Djibouti'])}, and ${g.count(5, 90)} people are missing`,
      (g) => `asylum applications in ${g.landName()} fell ${g.percent(5, 50)} ${g.when()}`,
      (g) => `${g.landName()} deported ${g.big(1000, 60000)} people ${g.when()}, ${g.percent(5, 60)} more than a year earlier`,
      (g) => (g.land === US || g.land === MX ? `border agents recorded ${g.big(1000, 60000)} crossings at the US southern border in ${g.month()}` : `police in ${g.landName()} recorded ${g.big(1000, 30000)} irregular border crossings in ${g.month()}`),
      (g) => `${g.landName()} will open ${g.count(2, 10)} new reception centres for asylum seekers, including one near ${g.town()}`,
      (g) => `${g.big(100, 10000)} migrants are stranded in ${g.pick(['Tunisia', 'Libya', 'Niger', 'Belarus', 'the Darien Gap', 'Calais'])}`,
      (g) => `the backlog of asylum claims in ${g.landName()} stands at ${g.big(10000, 300000)}`,
      (g) => `${g.landName()} signed a deal with ${g.pick(['Tunisia', 'Albania', 'Rwanda', 'Libya', 'Egypt', 'Mauritania'])} to ${g.pick(['process asylum claims abroad', 'curb departures', 'take back rejected applicants'])}`,
      (g) => `housing asylum seekers in hotels costs ${g.landName()} ${g.money()} a year`,
      (g) => `${g.percent(20, 70)} of asylum claims in ${g.landName()} were approved ${g.when()}`,
    ],
    quotes: [() => 'Deterrence has not worked. People keep coming because what they flee is worse.', () => 'The system is overwhelmed, and both migrants and local communities pay the price.'],
    a: {
      roles: [L((g) => `${g.land.adj} interior minister`), L('border agency official'), L('immigration minister'), L('governing party MP')],
      groups: [() => 'Border officials', () => 'The interior ministry'],
      quotes: [() => 'We will restore control of our borders, and the numbers show it is working.'],
    },
    b: {
      roles: [L((g) => `spokesperson for ${g.org()}`), L('opposition home affairs spokesperson'), L('refugee lawyer'), L((g) => `mayor of ${g.town()}`)],
      said: [(g) => `conditions at the reception centre near ${g.town()} breach minimum standards`, () => 'the deportation deal is illegal and will be challenged in court'],
      quotes: [() => 'These are human beings, not numbers on a government chart.'],
    },
    n: { roles: [L((g) => `migration researcher at ${g.org()}`), R('west', 'spokesperson for a sea rescue charity'), ...LOCAL_ANALYSTS] },
  },
  {
    key: 'justice',
    desk: 'World',
    weight: 2,
    local: false,
    war: false,
    tags: ['courts', 'crime', 'corruption'],
    lands: JUSTICE_LANDS,
    orgs: 'justice',
    here: (g) => g.landCity(),
    titles: [() => 'Corruption trial', () => 'Supreme court ruling', () => 'Cocaine seizure', (g) => `Protests in ${g.landCity()}`, () => 'Fraud investigation'],
    said: [
      (g) => `a court in ${g.landCity()} sentenced a former ${g.pick(['minister', 'mayor', 'MP', 'police chief'])} to ${g.count(2, 12)} years in prison for corruption`,
      (g) => `prosecutors charged ${g.count(2, 20)} people over a ${g.money()} fraud at ${g.company()}`,
      (g) => `the supreme court will rule on ${g.pick(['the election result', 'abortion rights', 'the deportation law', 'the state of emergency', 'the pension reform'])} ${g.soon()}`,
      (g) => `police seized ${g.r.range(1, 9)} tonnes of cocaine in the port of ${g.pick(['Antwerp', 'Rotterdam', 'Hamburg', 'Algeciras', 'Guayaquil', 'Santos'])}`,
      (g) => `${g.big(100, 5000)} people were arrested during protests in ${g.landCity()} ${g.when()}`,
      (g) => `a judge in ${g.landCity()} blocked the government’s plan to ${g.pick(['cut judges’ pay', 'ban the protest', 'extradite the suspect', 'close the newspaper'])}`,
    ],
    quotes: [() => 'No one is above the law, and this verdict proves it.', () => 'This trial was political from the very beginning.'],
    a: { roles: [L((g) => `${g.land.adj} justice minister`), L('chief prosecutor'), L('police spokesperson')], quotes: [() => 'The investigation will continue, wherever it leads.'] },
    b: { roles: [L('defence lawyer'), L('opposition MP'), L((g) => `spokesperson for ${g.org()}`)], said: [() => 'the charges are politically motivated and will not survive an appeal'], quotes: [() => 'My client is innocent and will be acquitted.'] },
    n: { roles: [L('law professor'), L((g) => `researcher at ${g.org()}`), ...LOCAL_ANALYSTS] },
  },
];

const TOPIC_WEIGHTS = TOPICS.map((topic) => [topic, topic.weight] as const);

/** Where or when a person said it. */
const PERSON_CONTEXTS: readonly Tpl[] = [
  (g) => `speaking at a press conference in ${g.city()} on ${g.weekday()}`,
  (g) => `in an interview with ${g.outlet()}`,
  () => 'in a post on Telegram',
  (g) => `in a statement on social media on ${g.weekday()}`,
  (g) => `during a visit to ${g.city()}`,
  (g) => `at a briefing for journalists in ${g.city()}`,
  () => 'addressing the UN Security Council in New York',
  (g) => `on the sidelines of the ${g.z(EVENTS)}`,
  (g) => `in a written reply to questions from ${g.outlet()}`,
  (g) => `in a televised address on ${g.weekday()} evening`,
  (g) => `after talks with ${g.countryAdj()} officials in ${g.city()}`,
  (g) => `at a closed-door briefing for lawmakers in ${g.city()}`,
  (g) => `during a visit to ${g.here()}`,
  (g) => `in comments carried by ${g.outlet()}`,
  (g) => `in a speech to parliament on ${g.weekday()}`,
  (g) => `speaking to reporters after meeting ${g.person('west')}`,
  (g) => `in a podcast interview with ${g.org()}`,
  (g) => `on state television on ${g.weekday()}`,
  () => 'in a Facebook post',
  (g) => `speaking at the ${g.z(EVENTS)}`,
  (g) => `when asked about reports from ${g.here()}`,
  (g) => (g.topic.key === 'elections' ? `at a campaign rally in ${g.town()}` : `speaking to reporters in ${g.city()}`),
  (g) => `at a forum in ${g.city()} organised by ${g.org()}`,
  (g) => `in a radio interview on ${g.weekday()} morning`,
];

/** Where or when an organisation said it. */
const ORG_CONTEXTS: readonly Tpl[] = [
  (g) => `in a statement on ${g.weekday()}`,
  () => 'in a post on Telegram',
  (g) => `in a report published on ${g.weekday()}`,
  () => 'in its morning update',
  (g) => `in a press release on ${g.weekday()}`,
  () => 'citing its own data',
  (g) => `in a statement sent to ${g.outlet()}`,
  (g) => `in its latest assessment of the situation in ${g.here()}`,
  (g) => `at a briefing for journalists in ${g.city()}`,
  (g) => `in a report on ${g.here()}`,
  () => 'in its quarterly report',
];

/** Where an unnamed source said it. */
const ANONYMOUS_CONTEXTS: readonly Tpl[] = [
  (g) => `speaking to ${g.outlet()} on condition of anonymity`,
  () => 'because they were not authorised to speak publicly',
  (g) => `in messages seen by ${g.outlet()}`,
  () => 'according to the article',
];

/** Whom a claimant relays: [text, anonymous?]. */
type Citing = (g: Gen) => readonly [string, boolean];
const CITING: readonly Citing[] = [
  () => ['officials familiar with the matter', true],
  () => ['a leaked government document', true],
  (g) => [`documents seen by ${g.outlet()}`, false],
  (g) => [`figures from ${g.org()}`, false],
  () => ['local residents', true],
  () => ['two people with knowledge of the talks', true],
  (g) => [`a statement by ${g.org()}`, false],
  (g) => [`reports by ${g.outlet()}`, false],
  (g) => [`${g.person()}, ${g.pick(['a local official', 'an analyst', 'a former official', 'a witness', 'a campaign volunteer', 'an economist'])}`, false],
  () => ['official data', false],
  () => ['court documents', false],
  () => ['internal emails', true],
  () => ['social media posts', true],
];
const WAR_CITING: readonly Citing[] = [
  () => ['Western intelligence sources', true],
  () => ['anonymous military intelligence sources', true],
  () => ['a leaked intelligence assessment', true],
  (g) => [`satellite imagery analysed by ${g.org()}`, false],
  () => ['intercepted radio communications', false],
  () => ['prisoners of war interviewed by investigators', false],
  () => ['a British intelligence update', false],
  () => ['military bloggers', true],
  () => ['Telegram channels close to the military', true],
  (g) => [`${g.person()}, a ${g.pick(['military analyst', 'former intelligence officer', 'local official', 'volunteer', 'battalion commander'])}`, false],
];

const VERDICT_WEIGHTS: readonly (readonly [Verdict, number])[] = [
  ['unverified', 78],
  ['confirmed', 6],
  ['disputed', 5],
  ['misleading', 3],
  ['false', 3],
  ['inconclusive', 3],
  ['retracted', 2],
];

const VERDICT_NOTES: Record<Verdict, readonly Tpl[]> = {
  unverified: [],
  confirmed: [(g) => `Later confirmed by ${g.outlet()}.`, () => 'Confirmed by official figures.', () => 'Confirmed by two independent sources.'],
  disputed: [(g) => `Disputed by ${g.org()}.`, () => 'Other estimates differ widely.'],
  misleading: [() => 'The figure is accurate but omits context.', () => 'The footage is genuine but older than claimed.'],
  false: [() => 'Contradicted by official data.', (g) => `Debunked by ${g.outlet()}.`, () => 'The video was recorded elsewhere.'],
  inconclusive: [() => 'The available evidence points both ways.', () => 'No independent access to the area.'],
  retracted: [(g) => `${g.outlet()} later withdrew the report.`, () => 'The claimant later withdrew the statement.'],
};

// ---------------------------------------------------------------------------------------------------------
// Assembly

const START = Date.UTC(2024, 0, 8);
const END = Date.UTC(2026, 11, 31, 23, 59);
const DAY = 86_400_000;

const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'to', 'and', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'by', 'for', 'with', 'at', 'from', 'that', 'this', 'it', 'its', 'as', 'be', 'we', 'our', 'they', 'their', 'about', 'more', 'than', 'up', 'some', 'there', 'no', 'not', 'every', 'if', 'will', 'would', 'but']);

function slugify(text: string, maxWords = 8): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, maxWords)
    .join('-');
}

function comparable(statement: string): string {
  return statement.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function uniqueSlug(base: string, used: Set<string>): string {
  let id = base.slice(0, 64).replace(/-+$/, '');
  for (let n = 2; used.has(id); n++) id = `${base.slice(0, 58).replace(/-+$/, '')}-${n}`;
  used.add(id);
  return id;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

interface StoryPlan {
  story: Story;
  topic: Topic;
  land: Land;
  start: number;
  outlet: string;
}

/**
 * A claim draws its topic by weight, then one of that topic's stories (a few stories draw most claims), so
 * every size has about the same mix of topics. A topic gets about one story per 50 of its claims; stories
 * are created when first drawn.
 */
function generate(count: number, seed: number, reservedIds: Set<string>, reservedStatements: Set<string>, reservedStories: Set<string>): Dataset {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const g = new Gen(seed);
  const r = g.r;
  const storyIds = new Set(reservedStories);
  const plans: StoryPlan[] = [];
  const totalWeight = TOPICS.reduce((sum, topic) => sum + topic.weight, 0);
  const slots = new Map<Topic, (StoryPlan | undefined)[]>();
  for (const topic of TOPICS) slots.set(topic, new Array<StoryPlan | undefined>(Math.max(1, Math.round((count * topic.weight) / totalWeight / 50))).fill(undefined));

  const storyOf = (topic: Topic): StoryPlan => {
    const list = slots.get(topic) ?? [];
    const k = r.zipf(list.length, 0.7, 2);
    return list[k] ?? (list[k] = newStory(g, topic, storyIds, plans));
  };

  const claims: Claim[] = [];
  const ids = new Set(reservedIds);
  const statements = new Set(reservedStatements);
  for (let i = 0; i < count; i++) {
    const topic = r.weighted(TOPIC_WEIGHTS);
    // Most claims are filed under a story of their own topic; a few under another one, as happens.
    const plan = storyOf(r.chance(0.93) ? topic : r.weighted(TOPIC_WEIGHTS));
    claims.push(makeClaim(g, i, plan, topic, ids, statements));
  }
  return { stories: plans.map((p) => p.story), claims };
}

function newStory(g: Gen, topic: Topic, storyIds: Set<string>, plans: StoryPlan[]): StoryPlan {
  const r = g.r;
  g.topic = topic;
  g.land = r.pickZ(topic.lands, 1, 2);
  const title = cap(r.pick(topic.titles)(g));
  g.tags.clear();
  const outlet = g.outlet();
  const start = START + Math.floor(r.next() * (END - START - 30 * DAY));
  const source: Story['source'] = { outlet };
  if (r.chance(0.5)) source.title = headline(g, title);
  if (r.chance(0.6)) source.date = iso(start).slice(0, 10);
  const additionalSources: string[] = [];
  const extra = r.weighted([[0, 5], [1, 3], [2, 1]] as const);
  for (let k = 0; k < extra; k++) {
    const s = r.chance(0.5) ? g.outlet() : cap(g.org()).replace(/^The /, 'the ');
    if (!additionalSources.includes(s)) additionalSources.push(s);
  }
  const plan: StoryPlan = { story: { id: uniqueSlug(slugify(title), storyIds), title, source, additionalSources }, topic, land: g.land, start, outlet };
  plans.push(plan);
  return plan;
}

function headline(g: Gen, title: string): string {
  return g.r.weighted<() => string>([
    [() => `${title}: what we know`, 2],
    [() => `${title}: live updates`, 2],
    [() => `${title}, explained`, 1],
    [() => `${g.topic.desk}: ${title}`, 2],
    [() => `${title} — ${g.person()} reports from ${g.here()}`, 1],
  ])();
}

function makeClaim(g: Gen, index: number, plan: StoryPlan, topic: Topic, ids: Set<string>, statements: Set<string>): Claim {
  const r = g.r;
  g.tags.clear();
  g.topic = topic;
  g.land = topic === plan.topic ? plan.land : r.pickZ(topic.lands, 1, 2);
  const speaker = g.speaker(topic);
  const canQuote = speaker.kind !== 'anonymous' && speaker.kind !== 'media';
  const quote = canQuote && r.chance(0.35);

  let statement = '';
  let key = '';
  const speakerTags = [...g.tags];
  for (let attempt = 0; ; attempt++) {
    g.tags.clear();
    for (const t of speakerTags) g.tags.add(t);
    statement = compose(g, topic, speaker, quote);
    while (wordCount(statement) < 8) statement = pad(g, statement, quote);
    key = comparable(statement);
    if (attempt >= 3 && statements.has(key)) {
      // A common template: add a detail a reporter or speaker might, then a date, then as a last resort the claim's number.
      statement = quote ? `${statement} ${r.pick(QUOTE_TAILS)(g)}` : `${statement}, ${r.pick(FALLBACK_DETAILS)(g)}`;
      key = comparable(statement);
      if (attempt >= 8 && statements.has(key)) {
        const day = new Date(plan.start + r.int(60) * DAY);
        statement = distinguish(statement, quote, `as of ${day.getUTCDate()} ${at(MONTHS, day.getUTCMonth())} ${day.getUTCFullYear()}`);
        key = comparable(statement);
        if (statements.has(key)) {
          statement = distinguish(statement, quote, `report ${index + 1}`);
          key = comparable(statement);
        }
      }
    }
    if (!statements.has(key) && wordCount(statement) <= 45) break;
  }
  statements.add(key);

  // Sourcing
  const flags: Flag[] = [];
  let citing: string | undefined;
  if (speaker.kind === 'anonymous') flags.push('anonymous-source');
  if (r.chance(speaker.kind === 'media' ? 0.7 : 0.22)) {
    const [text, anonymous] = r.pick(topic.war && r.chance(0.6) ? WAR_CITING : CITING)(g);
    citing = text;
    if (anonymous && !flags.includes('anonymous-source')) flags.push('anonymous-source');
  }
  if (speaker.interested && speaker.kind !== 'thinktank' && speaker.kind !== 'ngo' && speaker.kind !== 'media' && r.chance(0.85)) flags.push('interested-party');
  if (citing) flags.push('secondhand');
  if (r.chance(0.1)) flags.push('single-source');
  const reportedBy: Claim['attribution']['reportedBy'] = { outlet: r.chance(0.7) ? plan.outlet : g.outlet() };
  let note: string | undefined;
  if (r.chance(0.1)) {
    flags.push('outlet-unverified');
    note = `${reportedBy.outlet} was unable to independently verify these claims.`;
  }

  const verdict = r.weighted(VERDICT_WEIGHTS);
  const notes = VERDICT_NOTES[verdict];
  if (!note && notes.length > 0 && r.chance(0.6)) note = r.pick(notes)(g);

  // Dates
  const created = Math.min(END, plan.start + Math.floor(r.next() * 21 * DAY));
  const createdMinute = created - (created % 60_000);
  const updated = r.chance(0.65) ? createdMinute : Math.min(END, createdMinute + r.range(1, 90 * 24 * 60) * 60_000);
  if (r.chance(0.45)) reportedBy.date = iso(createdMinute - r.int(3) * DAY).slice(0, 10);

  const contexts = speaker.kind === 'anonymous' ? ANONYMOUS_CONTEXTS : speaker.kind === 'person' ? PERSON_CONTEXTS : ORG_CONTEXTS;
  const context = r.chance(speaker.kind === 'anonymous' ? 0.3 : 0.6) ? r.pick(contexts)(g) : undefined;

  // Tags: the topic's, the places and things the statement names, a few generic ones
  const tags = new Set<string>();
  tags.add(r.pick(topic.tags));
  if (r.chance(0.5)) tags.add(r.pick(topic.tags));
  for (const t of g.tags) if (tags.size < 4 && t.length > 0 && r.chance(0.7)) tags.add(t);
  if (r.chance(0.15)) tags.add(g.z(GENERIC_TAGS));

  const idBase = `${slugify(speaker.key, 2)}-${slugify(keywords(statement), 3)}`.slice(0, 56).replace(/-+$/, '');
  const id = uniqueSlug(`${idBase}-${index.toString(36)}`, ids);

  const claim: Claim = {
    id,
    story: plan.story.id,
    statement,
    quote,
    claimant: { ...speaker.party },
    attribution: citing ? { citing, reportedBy } : { reportedBy },
    ...(context ? { context } : {}),
    tags: [...tags].slice(0, 5),
    verdict,
    flags,
    ...(note ? { note } : {}),
    createdAt: iso(createdMinute),
    updatedAt: iso(updated),
    addedBy: 'bench',
  };
  return claim;
}

/** Tags a desk adds to any story. */
const GENERIC_TAGS = vocabulary('GENERIC_TAGS');

function compose(g: Gen, topic: Topic, speaker: Speaker, quote: boolean): string {
  const r = g.r;
  const voice = topic[speaker.side];
  let pool: readonly Tpl[];
  if (speaker.side === 'b' && (quote || r.chance(0.85)) && (quote ? voice.quotes : voice.said)?.length) pool = (quote ? voice.quotes : voice.said) ?? [];
  else if (quote) pool = speaker.side === 'a' && voice.quotes?.length && r.chance(0.6) ? voice.quotes : topic.quotes;
  else {
    const own = speaker.side === 'a' && voice.said?.length && r.chance(0.4) ? voice.said : topic.said;
    const said = r.pick(own)(g);
    if (!r.chance(0.45)) return said;
    const details = topic.local && r.chance(0.5) ? LOCAL_DETAILS : /\d/.test(said) && r.chance(0.5) ? NUMBER_DETAILS : DETAILS;
    return `${said}, ${r.pick(details)(g)}`;
  }
  const i = r.int(pool.length);
  const first = at(pool, i)(g);
  if (quote && pool.length > 1 && r.chance(0.22)) {
    const second = at(pool, (i + 1 + r.int(pool.length - 1)) % pool.length)(g);
    if (wordCount(first) + wordCount(second) <= 45) return `${first} ${second}`;
  }
  return first;
}

/** Details a reporter adds to a paraphrase. */
const DETAILS: readonly Tpl[] = [
  (g) => `according to ${g.person()}, ${g.z(['a local official', 'an analyst', 'a spokesperson for the regional administration', 'a former official', 'a researcher', 'a community leader', 'a witness'])}`,
  (g) => `as ${g.org()} reported ${g.when()}`,
  (g) => `according to an assessment shared with ${g.outlet()}`,
  (g) => `a claim repeated by ${g.person()} in ${g.city()}`,
];
/** Details for a paraphrase that gives a number. */
const NUMBER_DETAILS: readonly Tpl[] = [
  (g) => `citing figures from ${g.org()}`,
  (g) => `a figure ${g.person('west')} of ${g.org()} called conservative`,
  (g) => `though ${g.org()} puts the number lower`,
  (g) => `a number that could not be verified by ${g.outlet()}`,
];
/** Details that fit any paraphrase, used to tell apart two otherwise identical ones. */
const FALLBACK_DETAILS: readonly Tpl[] = [
  (g) => `according to ${g.outlet()}`,
  (g) => `according to a transcript published by ${g.outlet()}`,
  (g) => `in remarks reported by ${g.outlet()} on ${g.weekday()}`,
  (g) => `a position repeated in ${g.city()} on ${g.weekday()}`,
  (g) => `in a briefing attended by ${g.person('west')} of ${g.org()}`,
  (g) => `${g.person()} told ${g.outlet()}`,
];

/** Sentences a speaker adds to a quote. */
const QUOTE_TAILS: readonly Tpl[] = [
  (g) => `We discussed this with our partners in ${g.city()}.`,
  (g) => `Look at what happened in ${g.here()}.`,
  (g) => `Our partners in ${g.country()} know this.`,
  (g) => `The situation in ${g.here()} shows it clearly.`,
  (g) => `I said it in ${g.city()} and I repeat it today.`,
  (g) => `The numbers from ${g.month()} speak for themselves.`,
  (g) => `${g.person()} saw it first-hand.`,
  (g) => `Ask the people of ${g.here()}.`,
];
/** Local sourcing details, for stories about particular places. */
const LOCAL_DETAILS: readonly Tpl[] = [
  (g) => `according to residents of ${g.here()}`,
  (g) => `according to ${g.person()}, a spokesperson for the local authorities`,
  (g) => `${g.person()}, a local official in ${g.here()}, told reporters`,
  (g) => {
    const place = g.here();
    return `according to the head of ${/^the /i.test(place) ? place : `the ${place}`} council, ${g.person()}`;
  },
  (g) => `citing a volunteer group from ${g.here()}`,
  (g) => `according to a doctor treating the injured in ${g.here()}`,
  (g) => `according to footage filmed in ${g.here()}`,
];

/** Lengthens a statement that is too short: a quote with another sentence, a paraphrase with a source. */
function pad(g: Gen, statement: string, quote: boolean): string {
  if (quote) return `${statement} ${g.r.pick(QUOTE_TAILS)(g)}`;
  return distinguish(statement, quote, g.z([`according to ${g.org()}`, `in ${g.here()}`, 'according to preliminary data', `according to ${g.outlet()}`]));
}

/** Adds a detail to a statement without breaking its final punctuation. */
function distinguish(statement: string, quote: boolean, detail: string): string {
  if (quote || /[.!?]$/.test(statement)) {
    const body = statement.replace(/[.!?]$/, '');
    return `${body}, ${detail}.`;
  }
  return `${statement}, ${detail}`;
}

function keywords(statement: string): string {
  const out: string[] = [];
  for (const word of statement.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(word);
    if (out.length === 3) break;
  }
  return out.join(' ');
}
