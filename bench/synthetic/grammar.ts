/**
 * The template interpreter: a template (a text with `{…}` placeholders, or an if/weighted choice between templates)
 * is compiled once into a function of the generator, and every problem in it is reported with its path. README.md
 * in this folder describes the syntax.
 */
import { z } from 'zod';
import { type Known, STYLES, words } from './files.ts';
import type { Gen } from './generator.ts';
import { at } from './random.ts';
import { cap } from './text.ts';

/** A template compiled to a function of the generator. */
export type Tpl = (g: Gen) => string;
export const template = (k: Known) =>
  z.unknown().transform((value, ctx): Tpl => {
    let valid = true;
    const compiled = compileTemplate(value, k, (message, path) => {
      valid = false;
      ctx.addIssue({ code: 'custom', message, path: [...path] });
    });
    return valid ? compiled : z.NEVER;
  });

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
export const PLACEHOLDERS: Record<string, Placeholder> = {
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

export const MODIFIERS: Record<string, (text: string, g: Gen) => string> = {
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
      return k.lists.has(arg) ? undefined : `"${arg}" is not a list in vocabulary.json`;
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
    return modified((g) => (bound ??= k.phrase(name))(g));
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
