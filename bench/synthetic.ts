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
 *
 * What is text lives as data: word lists in synthetic-vocabulary.json, countries, given names, organisations and
 * outlets in synthetic-world.json, and the topics with their titles, statements, quotes, roles and sourcing in
 * synthetic-templates.json. This file is the grammar that expands them and the randomness behind it.
 *
 * Template syntax. A template is a text in which `{…}` is a placeholder, or a choice between templates:
 * `{"if": CONDITION, "then": TEMPLATE, "else": TEMPLATE}` or `{"weighted": [[TEMPLATE, WEIGHT], …]}`.
 * A placeholder is `{[modifier …] name [argument …]}`:
 * - names: the generator's methods in PLACEHOLDERS below (`{village}`, `{count 2 60}`, `{person ua}`,
 *   `{org economy}`, `{company shipping}`; numbers are optional bounds), `{range LO HI}` (an integer),
 *   `{pick LIST}` / `{zipf LIST}` (one item, uniformly or the first ones most often), where LIST names a
 *   vocabulary list (`{pick BUILDINGS}`) or gives the items inline (`{pick missile|drone|glide bomb}`),
 *   `{mark TAG}` (tags the claim, writes nothing), and the templates file's `phrases`, named templates such
 *   as `{uaCity}` = `{tag zipf UA_CITIES}`;
 * - modifiers, applied right to left: `cap` (capital first letter), `a` (a/an before it), `the` ("the" before
 *   it unless it has one), `lower`, `firstWord`, `tag` (tag the claim with it, a place): `{a pick INFRA}`;
 * - conditions: `chance P` (true with probability P), `land KEY …` (the story's country is one of these),
 *   `president` (its voters elect a president), `quakes` (strong earthquakes happen there), `topic KEY`.
 * Placeholders expand left to right, each drawing from the seeded generator, so the same seed gives the same text.
 * In a list of roles, groups, media or anonymous sources, an item "...NAME" splices in the list `shared.KIND.NAME`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { VERDICTS, type Claim, type Dataset, type Flag, type Party, type Story, type Verdict } from '../src/core/schema.ts';

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

/** What is wrong with a templates file (parsed JSON), each problem with its path ("topics.3.said.2: …"); none when valid. */
export function templateProblems(templates: unknown): string[] {
  const parsed = templatesSchema(known(RAW_WORLD, templates)).safeParse(templates);
  return parsed.success ? [] : problems(parsed.error);
}

/** The placeholder names a template may use: the generator's and the phrases'. */
export function placeholderNames(): string[] {
  return [...Object.keys(PLACEHOLDERS), ...PHRASES.keys()];
}

// ---------------------------------------------------------------------------------------------------------
// Randomness

function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new RangeError(`index ${index} outside a list of ${list.length}`);
  return value;
}

/** mulberry32: small, fast and good enough for test data. */
export class Rng {
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
    if (Math.abs(s - 1) < 1e-9) x = q * ((n + q) / q) ** u;
    else {
      const a = q ** (1 - s);
      const b = (n + q) ** (1 - s);
      x = (a + u * (b - a)) ** (1 / (1 - s));
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
// The data files

const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const VOCABULARY = z.record(z.string(), z.array(z.string()).min(1)).parse(readJson('./synthetic-vocabulary.json'));
const RAW_WORLD = readJson('./synthetic-world.json');
const RAW_TEMPLATES = readJson('./synthetic-templates.json');

/** A word list of synthetic-vocabulary.json (name syllables, places, weapons, outlets, …). */
function words(list: string): readonly string[] {
  const found = VOCABULARY[list];
  if (!found) throw new Error(`bench/synthetic-vocabulary.json has no list "${list}"`);
  return found;
}

/** The naming conventions a person can have. */
const STYLES = ['ua', 'ru', 'west', 'pl', 'ro', 'ka', 'tr', 'ko', 'zh', 'tw', 'ja', 'ar', 'he', 'fa', 'es', 'in', 'af'] as const;
type Style = (typeof STYLES)[number];
/** The kinds of list a templates file shares between topics (`shared.roles.UA_ROLES`). */
type SharedKind = 'roles' | 'groups' | 'media' | 'anonymous';

/** Names the files define, read before validating them so that a reference to an unknown one is reported where it is. */
interface Known {
  lists: ReadonlySet<string>;
  lands: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  themes: ReadonlySet<string>;
  companyKinds: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  phrases: ReadonlySet<string>;
  shared: Record<SharedKind, ReadonlySet<string>>;
}
const field = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);
const keysOf = (value: unknown): Set<string> => new Set(typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : []);
function known(world: unknown, templates: unknown): Known {
  const topics = field(templates, 'topics');
  const shared = field(templates, 'shared');
  return {
    lists: new Set(Object.keys(VOCABULARY)),
    lands: keysOf(field(world, 'lands')),
    regions: keysOf(field(world, 'regionalOutlets')),
    themes: keysOf(field(world, 'organisations')),
    companyKinds: new Set([...keysOf(field(world, 'companySuffixes')), 'ru']),
    topics: new Set((Array.isArray(topics) ? topics : []).map((topic) => field(topic, 'key')).filter((key) => typeof key === 'string')),
    phrases: keysOf(field(templates, 'phrases')),
    shared: {
      roles: keysOf(field(shared, 'roles')),
      groups: keysOf(field(shared, 'groups')),
      media: keysOf(field(shared, 'media')),
      anonymous: keysOf(field(shared, 'anonymous')),
    },
  };
}

const problems = (error: z.ZodError): string[] => error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
function parseFile<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`bench/${file} is invalid:\n${problems(parsed.error).join('\n')}`);
  return parsed.data;
}

const oneOf = (names: ReadonlySet<string>, what: string) =>
  z.string().refine((name) => names.has(name), { message: `not a known ${what} (${[...names].join(', ')})` });
const Pair = z.tuple([z.string(), z.string()]);

/** A template compiled to a function of the generator. */
type Tpl = (g: Gen) => string;
const template = (k: Known) =>
  z.unknown().transform((value, ctx): Tpl => {
    let valid = true;
    const compiled = compileTemplate(value, k, (message, path) => {
      valid = false;
      ctx.addIssue({ code: 'custom', message, path: [...path] });
    });
    return valid ? compiled : z.NEVER;
  });

/** "...NAME" in a list: the items of a shared list. */
class Spread {
  constructor(readonly name: string) {}
}
/** A list whose items may be "...NAME" spreads of a shared list of the same kind. */
function listOf<T>(item: z.ZodType<T>, kind: SharedKind, k: Known) {
  return z.array(z.unknown()).transform((values, ctx) => {
    const items: (T | Spread)[] = [];
    for (const [i, value] of values.entries()) {
      if (typeof value === 'string' && value.startsWith('...')) {
        if (!k.shared[kind].has(value.slice(3))) ctx.addIssue({ code: 'custom', message: `"${value}" names no list in shared.${kind}`, path: [i] });
        items.push(new Spread(value.slice(3)));
        continue;
      }
      const parsed = item.safeParse(value);
      if (parsed.success) items.push(parsed.data);
      else for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [i, ...issue.path] });
    }
    return items;
  });
}
function splice<T>(items: readonly (T | Spread)[], shared: Record<string, readonly (T | Spread)[]>, depth = 0): T[] {
  if (depth > 8) throw new Error('bench/synthetic-templates.json: shared lists spread each other in a cycle');
  return items.flatMap((item) => (item instanceof Spread ? splice(shared[item.name] ?? [], shared, depth + 1) : [item]));
}

const worldSchema = (k: Known) =>
  z.strictObject({
    about: z.string(),
    lands: z.record(
      z.string(),
      z.strictObject({
        name: z.string(),
        adj: z.string(),
        style: z.enum(STYLES),
        parliament: z.string(),
        cities: z.array(z.string()).min(1),
        region: oneOf(k.regions, 'region'),
        /** Whether voters elect a president directly. */
        president: z.boolean().default(false),
        /** Whether strong earthquakes happen there. */
        quakes: z.boolean().default(false),
        /** What its storms are called ("Typhoon"), before the storm's name. */
        storm: template(k).prefault('Storm'),
      }),
    ),
    givenNames: z.partialRecord(z.enum(STYLES), z.array(z.string()).min(1)),
    countries: z.array(Pair).min(1),
    /** Countries that arm Ukraine and sanction Russia. */
    allies: z.array(Pair).min(1),
    regionalOutlets: z.record(z.string(), z.array(z.string()).min(1)),
    /** By theme: recurring organisations [name as used in a sentence, description], weighted names for the long tail (`%` is an invented root), descriptions. */
    organisations: z.record(
      z.string(),
      z.strictObject({
        fixed: z.array(Pair).min(1),
        names: z.array(z.tuple([z.string().includes('%'), z.number().positive()])).min(1),
        descriptions: z.array(z.string()).min(1),
      }),
    ),
    companySuffixes: z.record(z.string(), z.array(z.string()).min(1)).refine((suffixes) => 'any' in suffixes, 'needs the kind "any"'),
  });

const templatesSchema = (k: Known) => {
  const tpl = template(k);
  const tpls = z.array(tpl).min(1);
  /** A role an invented person can hold: their naming style ("land": the story's country's) and the description shown with their name. */
  const role = z.tuple([z.enum([...STYLES, 'land']), tpl]);
  const voice = z.strictObject({
    roles: listOf(role, 'roles', k),
    /** Unnamed collective claimants: "Ukrainian officials". */
    groups: listOf(tpl, 'groups', k).optional(),
    /** Invented outlets that speak for this side: [name, description]. */
    media: listOf(Pair, 'media', k).optional(),
    /** Paraphrases and direct quotes in this voice; the topic's own when absent. */
    said: tpls.optional(),
    quotes: tpls.optional(),
  });
  /** Whom a claimant relays: [text, anonymous?]. */
  const citing = z.array(z.tuple([tpl, z.boolean()])).min(1);
  return z.strictObject({
    about: z.string(),
    /** Named templates, used like placeholders: `{uaCity}`. */
    phrases: z.record(z.string(), tpl).superRefine((phrases, ctx) => {
      for (const name of Object.keys(phrases)) {
        if (name in PLACEHOLDERS || name in MODIFIERS)
          ctx.addIssue({ code: 'custom', message: 'is already the name of a placeholder or modifier', path: [name] });
      }
    }),
    shared: z.strictObject({
      roles: z.record(z.string(), listOf(role, 'roles', k)),
      groups: z.record(z.string(), listOf(tpl, 'groups', k)),
      media: z.record(z.string(), listOf(Pair, 'media', k)),
      anonymous: z.record(z.string(), listOf(Pair, 'anonymous', k)),
    }),
    /** Unnamed sources: [name, description]. */
    anonymous: z.array(Pair).min(1),
    /** A story's headline, from its title. */
    headline: tpl,
    topics: z
      .array(
        z.strictObject({
          key: z.string(),
          /** The desk's headline prefix: "Ukraine war latest". */
          desk: z.string(),
          weight: z.number().positive(),
          /** Whether local details (residents, medics, villages) fit its statements. */
          local: z.boolean(),
          /** Whether war sourcing (intelligence, intercepts) fits. */
          war: z.boolean(),
          tags: z.array(z.string()).min(1),
          /** A story's country is drawn from these (most common first). */
          lands: z.array(oneOf(k.lands, 'land')).min(1),
          /** Where its invented regional outlets come from, when not the country's. */
          region: oneOf(k.regions, 'region').optional(),
          orgs: oneOf(k.themes, 'organisation theme'),
          /** A place the story is about. */
          here: tpl,
          anonymous: listOf(Pair, 'anonymous', k).optional(),
          titles: tpls,
          /** Paraphrases and direct quotes in a neutral voice. */
          said: tpls,
          quotes: tpls,
          /** `a` and `b` are the two interested sides (a government and its opponent, two warring parties), `n` the rest. */
          a: voice,
          b: voice,
          n: voice,
        }),
      )
      .min(1),
    /** Where or when a person, an organisation or an unnamed source said it. */
    personContexts: tpls,
    organisationContexts: tpls,
    anonymousContexts: tpls,
    citing,
    warCiting: citing,
    verdictNotes: z.record(z.enum(VERDICTS), z.array(tpl)),
    /** Details a reporter adds to a paraphrase; to one that gives a number; to any one, to tell two apart. */
    details: tpls,
    numberDetails: tpls,
    fallbackDetails: tpls,
    /** Sentences a speaker adds to a quote. */
    quoteTails: tpls,
    /** Local sourcing details, for stories about particular places. */
    localDetails: tpls,
  });
};

// ---------------------------------------------------------------------------------------------------------
// The template interpreter

type Param = 'int' | 'word' | 'style' | 'theme' | 'company' | 'list';
interface Placeholder {
  params: readonly Param[];
  /** How many of the params must be given. */
  required: number;
  /** The placeholder with its (checked) arguments, read once rather than at every expansion. */
  bind: (args: readonly string[]) => Tpl;
}
const num = (arg: string | undefined): number | undefined => (arg === undefined ? undefined : Number(arg));
const takes = (params: readonly Param[], required: number, bind: Placeholder['bind']): Placeholder => ({ params, required, bind });
/** A placeholder with optional number bounds: `{count}`, `{count 3 40}`. */
const bounded = (required: number, expand: (g: Gen, lo: number | undefined, hi: number | undefined) => string): Placeholder =>
  takes(['int', 'int'], required, ([lo, hi]) => {
    const [low, high] = [num(lo), num(hi)];
    return (g) => expand(g, low, high);
  });
/** A LIST argument: a vocabulary list's name, or items separated by `|`. */
const items = (list = ''): readonly string[] => (list.includes('|') ? list.split('|') : words(list));
/** Methods of the generator that take nothing: `{village}`. */
const PLAIN = [
  'month',
  'weekday',
  'soon',
  'when',
  'village',
  'ruTown',
  'arVillage',
  'country',
  'countryAdj',
  'ally',
  'allyAdj',
  'here',
  'landName',
  'landPoss',
  'landAdj',
  'landParliament',
  'landFirstCity',
  'landCity',
  'town',
  'office',
  'storm',
  'outlet',
  'unitName',
  'desk',
] as const satisfies readonly (keyof Gen)[];
const PLACEHOLDERS: Record<string, Placeholder> = {
  ...Object.fromEntries(PLAIN.map((name) => [name, takes([], 0, () => (g) => g[name]())])),
  count: bounded(0, (g, lo, hi) => g.count(lo, hi)),
  big: bounded(0, (g, lo, hi) => g.big(lo, hi)),
  percent: bounded(0, (g, lo, hi) => g.percent(lo, hi)),
  year: bounded(0, (g, lo, hi) => g.year(lo, hi)),
  dec: bounded(2, (g, lo = 0, hi = 0) => g.dec(lo, hi)),
  range: bounded(2, (g, lo = 0, hi = 0) => String(g.r.range(lo, hi))),
  ordinal: takes(['int'], 0, ([max]) => {
    const most = num(max);
    return (g) => g.ordinal(most);
  }),
  person: takes(['style'], 0, ([name]) => {
    const style = STYLES.find((s) => s === name);
    return (g) => g.person(style);
  }),
  title: takes([], 0, () => (g) => g.storyTitle),
  mark: takes(
    ['word'],
    1,
    ([tag = '']) =>
      (g) =>
        g.mark(tag),
  ),
  org: takes(
    ['theme'],
    0,
    ([theme]) =>
      (g) =>
        g.org(theme),
  ),
  company: takes(
    ['company'],
    0,
    ([kind]) =>
      (g) =>
        g.company(kind),
  ),
  pick: takes(['list'], 1, ([list]) => {
    const options = items(list);
    return (g) => g.pick(options);
  }),
  zipf: takes(['list'], 1, ([list]) => {
    const options = items(list);
    return (g) => g.z(options);
  }),
};

const MODIFIERS: Record<string, (text: string, g: Gen) => string> = {
  cap: (text) => cap(text),
  a: (noun) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`),
  the: (place) => (/^the /i.test(place) ? place : `the ${place}`),
  lower: (text) => text.toLowerCase(),
  firstWord: (text) => text.split(' ')[0] ?? text,
  tag: (place, g) => g.tagged(place),
};

function argumentProblem(param: Param, arg: string, k: Known): string | undefined {
  switch (param) {
    case 'int':
      return /^\d+$/.test(arg) ? undefined : `"${arg}" is not a whole number`;
    case 'word':
      return /^[a-z0-9-]+$/.test(arg) ? undefined : `"${arg}" is not a tag (lowercase letters, digits and hyphens)`;
    case 'style':
      return STYLES.some((s) => s === arg) ? undefined : `"${arg}" is not a naming style (${STYLES.join(', ')})`;
    case 'theme':
      return k.themes.has(arg) ? undefined : `"${arg}" is not an organisation theme (${[...k.themes].join(', ')})`;
    case 'company':
      return k.companyKinds.has(arg) ? undefined : `"${arg}" is not a kind of company (${[...k.companyKinds].join(', ')})`;
    case 'list':
      if (arg.includes('|')) return arg.split('|').some((item) => item.trim() === '') ? `"${arg}" has an empty item` : undefined;
      return k.lists.has(arg) ? undefined : `"${arg}" is not a list in synthetic-vocabulary.json`;
  }
}

/** One placeholder, `{[modifier …] name [argument …]}`, compiled; or what is wrong with it. */
function compilePlaceholder(inner: string, k: Known): Tpl | string {
  let rest = inner.trim();
  const modifiers: ((text: string, g: Gen) => string)[] = [];
  let name = '';
  for (;;) {
    const [word = '', ...more] = rest.split(' ');
    rest = more.join(' ');
    const modifier = MODIFIERS[word];
    if (!modifier || rest === '') {
      name = word;
      break;
    }
    modifiers.unshift(modifier);
  }
  const modified = (expand: Tpl): Tpl => (modifiers.length === 0 ? expand : (g) => modifiers.reduce((text, modify) => modify(text, g), expand(g)));
  if (k.phrases.has(name) && rest === '') {
    // Phrases are compiled with the rest of the file, so each is looked up on its first use.
    let bound: Tpl | undefined;
    return modified((g) => (bound ??= phrase(name))(g));
  }
  const placeholder = PLACEHOLDERS[name];
  if (!placeholder) return `{${inner}}: unknown placeholder "${name}"`;
  const args = placeholder.params[0] === 'list' ? (rest === '' ? [] : [rest]) : rest.split(' ').filter((arg) => arg !== '');
  const { params, required, bind } = placeholder;
  if (args.length < required || args.length > params.length) {
    return `{${inner}}: "${name}" takes ${required === params.length ? required : `${required} to ${params.length}`} argument${params.length === 1 ? '' : 's'}, not ${args.length}`;
  }
  for (const [i, arg] of args.entries()) {
    const problem = argumentProblem(at(params, i), arg, k);
    if (problem) return `{${inner}}: ${problem}`;
  }
  return modified(bind(args));
}

type Condition = (g: Gen) => boolean;
function compileCondition(text: string, k: Known): Condition | string {
  const [test = '', ...args] = text.trim().split(/\s+/);
  const p = Number(args[0]);
  if (test === 'chance' && args.length === 1 && p > 0 && p < 1) return (g) => g.chance(p);
  if (test === 'president' && args.length === 0) return (g) => g.land.president;
  if (test === 'quakes' && args.length === 0) return (g) => g.land.quakes;
  if (test === 'land' && args.length > 0 && args.every((key) => k.lands.has(key))) return (g) => args.includes(g.land.key);
  if (test === 'topic' && args.length === 1 && k.topics.has(args[0] ?? '')) return (g) => g.topic.key === args[0];
  return `"${text}" is not a condition: chance P (0 < P < 1), president, quakes, land KEY…, topic KEY`;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
/** Compiles a template (text or choice), reporting each problem with its path inside the template. */
function compileTemplate(value: unknown, k: Known, report: (message: string, path: string[]) => void, path: string[] = []): Tpl {
  if (typeof value === 'string') {
    const parts: (string | Tpl)[] = [];
    let last = 0;
    for (const match of value.matchAll(PLACEHOLDER)) {
      parts.push(value.slice(last, match.index));
      const compiled = compilePlaceholder(match[1] ?? '', k);
      if (typeof compiled === 'string') report(compiled, path);
      else parts.push(compiled);
      last = match.index + match[0].length;
    }
    parts.push(value.slice(last));
    if (parts.some((part) => typeof part === 'string' && /[{}]/.test(part))) report(`"${value}" has a brace outside a placeholder`, path);
    if (parts.length === 1) return () => value;
    return (g) => {
      let text = '';
      for (const part of parts) text += typeof part === 'string' ? part : part(g);
      return text;
    };
  }
  if (typeof value === 'object' && value !== null && 'weighted' in value) {
    const weighted = z.strictObject({ weighted: z.array(z.tuple([z.unknown(), z.number().positive()])).min(1) }).safeParse(value);
    if (!weighted.success) {
      for (const issue of weighted.error.issues) report(issue.message, [...path, ...issue.path.map(String)]);
      return () => '';
    }
    const entries = weighted.data.weighted.map(
      ([option, weight], i) => [compileTemplate(option, k, report, [...path, 'weighted', String(i), '0']), weight] as const,
    );
    return (g) => g.r.weighted(entries)(g);
  }
  const choice = z.strictObject({ if: z.string(), then: z.unknown(), else: z.unknown() }).safeParse(value);
  if (!choice.success) {
    report('must be a text, {"if": condition, "then": template, "else": template} or {"weighted": [[template, weight], …]}', path);
    return () => '';
  }
  const test = compileCondition(choice.data.if, k);
  if (typeof test === 'string') report(test, [...path, 'if']);
  const then = compileTemplate(choice.data.then, k, report, [...path, 'then']);
  const otherwise = compileTemplate(choice.data.else, k, report, [...path, 'else']);
  return typeof test === 'string' ? () => '' : (g) => (test(g) ? then(g) : otherwise(g));
}

// ---------------------------------------------------------------------------------------------------------
// The data, validated and compiled

const KNOWN = known(RAW_WORLD, RAW_TEMPLATES);
const WORLD = parseFile(worldSchema(KNOWN), RAW_WORLD, 'synthetic-world.json');
const TEMPLATES = parseFile(templatesSchema(KNOWN), RAW_TEMPLATES, 'synthetic-templates.json');

type Land = z.output<ReturnType<typeof worldSchema>>['lands'][string] & { key: string };
const LANDS = new Map<string, Land>(Object.entries(WORLD.lands).map(([key, land]) => [key, { ...land, key }]));
function land(key: string): Land {
  const found = LANDS.get(key);
  if (!found) throw new Error(`bench/synthetic-world.json has no land "${key}"`);
  return found;
}

type TopicData = z.output<ReturnType<typeof templatesSchema>>['topics'][number];
type Role = readonly [Style | 'land', Tpl];
type Anon = readonly (readonly [string, string])[];
interface Voice {
  roles: readonly Role[];
  groups?: readonly Tpl[] | undefined;
  media?: Anon | undefined;
  said?: readonly Tpl[] | undefined;
  quotes?: readonly Tpl[] | undefined;
}
interface Topic extends Omit<TopicData, 'lands' | 'anonymous' | 'a' | 'b' | 'n'> {
  lands: readonly Land[];
  anonymous?: Anon | undefined;
  a: Voice;
  b: Voice;
  n: Voice;
}
const SHARED = TEMPLATES.shared;
const voice = (v: TopicData['a']): Voice => ({
  roles: splice(v.roles, SHARED.roles),
  groups: v.groups && splice(v.groups, SHARED.groups),
  media: v.media && splice(v.media, SHARED.media),
  said: v.said,
  quotes: v.quotes,
});
const PHRASES = new Map(Object.entries(TEMPLATES.phrases));
function phrase(name: string): Tpl {
  const found = PHRASES.get(name);
  if (!found) throw new Error(`bench/synthetic-templates.json has no phrase "${name}"`);
  return found;
}
const TOPICS: readonly Topic[] = TEMPLATES.topics.map((t) => ({
  ...t,
  lands: t.lands.map(land),
  anonymous: t.anonymous && splice(t.anonymous, SHARED.anonymous),
  a: voice(t.a),
  b: voice(t.b),
  n: voice(t.n),
}));
const TOPIC_WEIGHTS = TOPICS.map((topic) => [topic, topic.weight] as const);

// ---------------------------------------------------------------------------------------------------------
// Invented names, built from syllables. Surnames always take a middle syllable, which keeps them plausible
// but away from the short, common surnames of well-known people.

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
const SURNAME: Record<Style, (r: Rng) => string> = {
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
const FAMILY_FIRST: Partial<Record<Style, readonly string[]>> = { ko: words('KO_FAMILY'), zh: words('ZH_FAMILY'), tw: words('TW_FAMILY') };
function givenNames(style: Style): readonly string[] {
  const names = WORLD.givenNames[style];
  if (!names) throw new Error(`bench/synthetic-world.json has no givenNames for "${style}"`);
  return names;
}

// Towns and villages for the long tail
function uaPlace(r: Rng): string {
  const pre = r.pick(words('UA_PLACE_PRE'));
  const root = r.pick(words('UA_PLACE_ROOTS')) + r.pick(words('UA_PLACE_MIDS')) + r.pick(words('UA_PLACE_ENDS'));
  return smooth(pre.endsWith(' ') || pre === '' ? pre + cap(root) : pre + root);
}
function ruPlace(r: Rng): string {
  return smooth(r.pick(words('RU_PLACE_ROOTS')) + r.pick(words('RU_MIDS')) + r.pick(words('RU_PLACE_ENDS')));
}
function westPlace(r: Rng): string {
  const roots = words('WEST_PLACE_ROOTS');
  const root = r.pick(roots);
  return root.endsWith(' ') || root.endsWith('-')
    ? root + cap(r.pick(roots).trim().replace(/-$/, '').toLowerCase() + r.pick(words('WEST_PLACE_ENDS'))).replace(/^./, (c) => c.toUpperCase())
    : smooth(root + r.pick(words('WEST_PLACE_MIDS')) + r.pick(words('WEST_PLACE_ENDS')));
}
function esPlace(r: Rng): string {
  return r.pick(words('ES_PLACE_PRE')) + smooth(r.pick(words('ES_PLACE_ROOTS')) + r.pick(['', '', 'a', 'o', 'er', 'in']) + r.pick(words('ES_PLACE_ENDS')));
}
function inPlace(r: Rng): string {
  return r.pick(words('IN_PLACE_ROOTS')) + r.pick(['', '', 'a', 'i']) + r.pick(words('IN_PLACE_ENDS'));
}
function arPlace(r: Rng): string {
  return r.pick(words('AR_PLACE_PRE')) + smooth(r.pick(words('AR_PLACE_ROOTS')) + r.pick(['', 'a', 'i', 'ou', 'ar']) + r.pick(words('AR_PLACE_ENDS')));
}
function afPlace(r: Rng): string {
  return cap(smooth(r.pick(words('AF_PLACE_ROOTS')).toLowerCase() + r.pick(words('AF_PLACE_MIDS')) + r.pick(words('AF_PLACE_ENDS'))));
}
function plPlace(r: Rng): string {
  const roots = words('PL_PLACE_ROOTS');
  const root = r.pick(roots);
  return root.endsWith(' ')
    ? root + cap(r.pick(roots).trim().toLowerCase() + r.pick(words('PL_PLACE_ENDS')))
    : root + r.pick(['', 'a', 'e', 'o']) + r.pick(words('PL_PLACE_ENDS'));
}

/** An invented name for an organisation or company: at least six letters, which keeps it off short real brands. */
function orgRoot(r: Rng): string {
  const roots = words('ORG_ROOTS');
  for (;;) {
    const root = smooth(r.pick(roots) + r.pick(words('ORG_MIDS')) + (r.chance(0.4) ? r.pick(roots).toLowerCase() : '') + r.pick(words('ORG_ENDS')));
    if (root.length >= 6) return root;
  }
}
/** Russian companies take two trade syllables after the place ("Kamaoptikasnab"), unlike the short names of real ones. */
function ruCompany(r: Rng): string {
  for (;;) {
    const mid = r.pick(words('RU_CO_MIDS'));
    const tail = r.pick(words('RU_CO_TAILS'));
    if (mid !== tail) return r.pick(words('RU_CO_ROOTS')) + mid + tail;
  }
}

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
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.max(lo, Math.round(n / magnitude) * magnitude);
}

// ---------------------------------------------------------------------------------------------------------
// The generator: what the placeholders draw

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

/** An invented person, with the given (or family) name drawn from `r`. */
function inventPerson(r: Rng, style: Style): string {
  const family = FAMILY_FIRST[style];
  return family ? `${r.pick(family)} ${SURNAME[style](r)}` : `${r.pick(givenNames(style))} ${SURNAME[style](r)}`;
}

class Gen {
  readonly r: Rng;
  readonly tags = new Set<string>();
  /** The topic and country of the claim being written. */
  topic!: Topic;
  land!: Land;
  /** The title of the story being written, for its headline. */
  storyTitle = '';
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
      ua: names(1, 'ua', 32000),
      ru: names(2, 'ru', 32000),
      west: names(3, 'west', 32000),
      pl: names(4, 'pl', 8000),
      ro: names(5, 'ro', 6400),
      ka: names(6, 'ka', 3200),
      tr: names(7, 'tr', 4800),
      ko: names(8, 'ko', 1440),
      zh: names(9, 'zh', 1440),
      tw: names(10, 'tw', 1440),
      ja: names(11, 'ja', 3200),
      ar: names(12, 'ar', 12800),
      he: names(13, 'he', 3200),
      fa: names(14, 'fa', 3200),
      es: names(15, 'es', 12800),
      in: names(16, 'in', 8000),
      af: names(17, 'af', 12800),
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
  /** Tags the claim with a place it names. */
  tagged(place: string): string {
    this.tag(slugify(place));
    return place;
  }

  /** Tags the claim with `tag`; writes nothing. */
  mark(tag: string): string {
    this.tag(tag);
    return '';
  }

  // numbers
  count(lo = 2, hi = 90): string {
    const n = this.r.range(lo, hi);
    return n >= 2 && n <= 9 && this.chance(0.6) ? at(words('SMALL_WORDS'), n - 2) : commas(n);
  }
  big(lo = 100, hi = 5000): string {
    return commas(roundNumber(this.r, lo, hi));
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
  month(): string {
    return this.pick(words('MONTHS'));
  }
  weekday(): string {
    return this.pick(words('WEEKDAYS'));
  }
  year(lo = 2027, hi = 2040): string {
    return String(this.r.range(lo, hi));
  }
  // soon(), when() and office() draw every option before picking one, which a template choice does not (it draws
  // only the option it picks): as templates they would change the data, so they stay here.
  soon(): string {
    return this.z([
      'next month',
      'by the end of the year',
      `in ${this.month()}`,
      'before winter',
      'within weeks',
      'in the coming months',
      'this spring',
      `by ${this.month()}`,
    ]);
  }
  when(): string {
    return this.z([
      'last week',
      'in recent days',
      'since October',
      'this month',
      'over the past month',
      'earlier this year',
      'in the autumn',
      'since the summer',
      `in ${this.month()}`,
      `since ${this.month()}`,
      `by the end of ${this.month()}`,
      'in 2024',
      'in 2025',
      'last year',
      'overnight',
      'on Sunday',
    ]);
  }

  // invented places and units
  village(): string {
    return this.uaPlaces.draw(this.r);
  }
  /** An invented name for a battalion or a drone unit. */
  unitName(): string {
    return this.unitNames.draw(this.r);
  }
  /** An invented Russian town. */
  ruTown(): string {
    return this.ruPlaces.draw(this.r);
  }
  /** An invented Arab village or town. */
  arVillage(): string {
    return (this.towns.ar ?? this.ruPlaces).draw(this.r);
  }
  // countries
  country(): string {
    return this.z(WORLD.countries)[0];
  }
  countryAdj(): string {
    return this.z(WORLD.countries)[1];
  }
  ally(): string {
    return this.z(WORLD.allies)[0];
  }
  allyAdj(): string {
    return this.z(WORLD.allies)[1];
  }
  // the story
  /** A place the current story is about. */
  here(): string {
    return this.topic.here(this);
  }
  desk(): string {
    return this.topic.desk;
  }
  /** The story's country, its cities and its towns. */
  landName(): string {
    return this.land.name;
  }
  landPoss(): string {
    return this.land.name.endsWith('s') ? `${this.land.name}’` : `${this.land.name}’s`;
  }
  landAdj(): string {
    return this.land.adj;
  }
  landParliament(): string {
    return this.land.parliament;
  }
  /** The first of the country's cities (mostly its capital). */
  landFirstCity(): string {
    return this.land.cities[0] ?? this.land.name;
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
    return family ? `${this.z(family)} ${surname}` : `${this.z(givenNames(style))} ${surname}`;
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
  org(theme: string = this.topic.orgs): string {
    const kind = WORLD.organisations[theme];
    if (!kind) throw new Error(`bench/synthetic-world.json has no organisations for "${theme}"`);
    if (this.chance(0.2)) return this.z(kind.fixed)[0];
    return this.r.weighted(kind.names).replace('%', this.orgs.draw(this.r));
  }
  company(kind = 'any'): string {
    if (kind === 'ru') return `${this.ruCompanies.draw(this.r)}${this.chance(0.3) ? ' JSC' : ''}`;
    return `${this.orgs.draw(this.r)} ${this.z(WORLD.companySuffixes[kind] ?? [])}`;
  }
  outlet(): string {
    const regional = WORLD.regionalOutlets[this.topic.region ?? this.land.region];
    if (regional && this.chance(0.4)) return this.z(regional);
    return this.r.pickZ(words('OUTLETS'), 1, 3);
  }
  /** What a candidate runs for. */
  office(): string {
    return this.land.president ? 'president' : this.pick(['parliament', `mayor of ${this.landCity()}`]);
  }
  /** A named storm, called what storms are called where the story is. */
  storm(): string {
    return `${this.land.storm(this)} ${this.pick(words('STORM_NAMES'))}`;
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
        let side = this.r.weighted<Side>([
          ['a', 36],
          ['b', 26],
          ['n', 38],
        ]);
        if (topic[side].roles.length === 0) side = 'n';
        const [styleOrLand, describe] = this.r.pickZ(topic[side].roles, 1, 2);
        const style = styleOrLand === 'land' ? this.land.style : styleOrLand;
        const role = describe(this);
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
        const pool = topic.anonymous && this.chance(0.6) ? topic.anonymous : TEMPLATES.anonymous;
        const [name, description] = this.r.pickZ(pool, 1, 2);
        return { party: description ? { name, description } : { name }, kind: 'anonymous', side: 'n', key: shortKey(name), interested: false };
      }
      case 'org': {
        const kind = WORLD.organisations[topic.orgs];
        if (!kind) throw new Error(`bench/synthetic-world.json has no organisations for "${topic.orgs}"`);
        const [name, description] = this.chance(0.35) ? this.z(kind.fixed) : [this.org(), this.z(kind.descriptions)];
        const ngo =
          /rights|monitor|aid|charity|union|group|coalition|alliance|network|collective|project/.test(description) &&
          !/research group|intelligence group/.test(description);
        return {
          party: { name: cap(name), description },
          kind: ngo ? 'ngo' : 'thinktank',
          side: 'n',
          key: shortKey(name.replace(/^the /i, '')),
          interested: false,
        };
      }
      case 'outlet': {
        const name = this.outlet();
        return { party: { name }, kind: 'media', side: 'n', key: shortKey(name), interested: false };
      }
    }
  }
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
// Assembly

const VERDICT_WEIGHTS: readonly (readonly [Verdict, number])[] = [
  ['unverified', 78],
  ['confirmed', 6],
  ['disputed', 5],
  ['misleading', 3],
  ['false', 3],
  ['inconclusive', 3],
  ['retracted', 2],
];

const START = Date.UTC(2024, 0, 8);
const END = Date.UTC(2026, 11, 31, 23, 59);
const DAY = 86_400_000;

const STOPWORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'to',
  'and',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'by',
  'for',
  'with',
  'at',
  'from',
  'that',
  'this',
  'it',
  'its',
  'as',
  'be',
  'we',
  'our',
  'they',
  'their',
  'about',
  'more',
  'than',
  'up',
  'some',
  'there',
  'no',
  'not',
  'every',
  'if',
  'will',
  'would',
  'but',
]);

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
  for (const topic of TOPICS)
    slots.set(topic, new Array<StoryPlan | undefined>(Math.max(1, Math.round((count * topic.weight) / totalWeight / 50))).fill(undefined));

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
  g.storyTitle = title;
  if (r.chance(0.5)) source.title = TEMPLATES.headline(g);
  if (r.chance(0.6)) source.date = iso(start).slice(0, 10);
  const additionalSources: string[] = [];
  const extra = r.weighted([
    [0, 5],
    [1, 3],
    [2, 1],
  ] as const);
  for (let k = 0; k < extra; k++) {
    const s = r.chance(0.5) ? g.outlet() : cap(g.org()).replace(/^The /, 'the ');
    if (!additionalSources.includes(s)) additionalSources.push(s);
  }
  const plan: StoryPlan = { story: { id: uniqueSlug(slugify(title), storyIds), title, source, additionalSources }, topic, land: g.land, start, outlet };
  plans.push(plan);
  return plan;
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
      statement = quote ? `${statement} ${r.pick(TEMPLATES.quoteTails)(g)}` : `${statement}, ${r.pick(TEMPLATES.fallbackDetails)(g)}`;
      key = comparable(statement);
      if (attempt >= 8 && statements.has(key)) {
        const day = new Date(plan.start + r.int(60) * DAY);
        statement = distinguish(statement, quote, `as of ${day.getUTCDate()} ${at(words('MONTHS'), day.getUTCMonth())} ${day.getUTCFullYear()}`);
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
    const [describe, anonymous] = r.pick(topic.war && r.chance(0.6) ? TEMPLATES.warCiting : TEMPLATES.citing);
    citing = describe(g);
    if (anonymous && !flags.includes('anonymous-source')) flags.push('anonymous-source');
  }
  if (speaker.interested && speaker.kind !== 'thinktank' && speaker.kind !== 'ngo' && speaker.kind !== 'media' && r.chance(0.85))
    flags.push('interested-party');
  if (citing) flags.push('secondhand');
  if (r.chance(0.1)) flags.push('single-source');
  const reportedBy: Claim['attribution']['reportedBy'] = { outlet: r.chance(0.7) ? plan.outlet : g.outlet() };
  let note: string | undefined;
  if (r.chance(0.1)) {
    flags.push('outlet-unverified');
    note = `${reportedBy.outlet} was unable to independently verify these claims.`;
  }

  const verdict = r.weighted(VERDICT_WEIGHTS);
  const notes = TEMPLATES.verdictNotes[verdict];
  if (!note && notes.length > 0 && r.chance(0.6)) note = r.pick(notes)(g);

  // Dates
  const created = Math.min(END, plan.start + Math.floor(r.next() * 21 * DAY));
  const createdMinute = created - (created % 60_000);
  const updated = r.chance(0.65) ? createdMinute : Math.min(END, createdMinute + r.range(1, 90 * 24 * 60) * 60_000);
  if (r.chance(0.45)) reportedBy.date = iso(createdMinute - r.int(3) * DAY).slice(0, 10);

  const contexts =
    speaker.kind === 'anonymous' ? TEMPLATES.anonymousContexts : speaker.kind === 'person' ? TEMPLATES.personContexts : TEMPLATES.organisationContexts;
  const context = r.chance(speaker.kind === 'anonymous' ? 0.3 : 0.6) ? r.pick(contexts)(g) : undefined;

  // Tags: the topic's, the places and things the statement names, a few generic ones
  const tags = new Set<string>();
  tags.add(r.pick(topic.tags));
  if (r.chance(0.5)) tags.add(r.pick(topic.tags));
  for (const t of g.tags) if (tags.size < 4 && t.length > 0 && r.chance(0.7)) tags.add(t);
  if (r.chance(0.15)) tags.add(g.z(words('GENERIC_TAGS')));

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
    const details = topic.local && r.chance(0.5) ? TEMPLATES.localDetails : /\d/.test(said) && r.chance(0.5) ? TEMPLATES.numberDetails : TEMPLATES.details;
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

/** Lengthens a statement that is too short: a quote with another sentence, a paraphrase with a source. */
function pad(g: Gen, statement: string, quote: boolean): string {
  // Draws all four sources before picking one, like Gen.soon(), so it stays code.
  if (quote) return `${statement} ${g.r.pick(TEMPLATES.quoteTails)(g)}`;
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
