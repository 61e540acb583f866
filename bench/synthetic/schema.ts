/** The shapes of world.json and templates.json (zod), their templates compiled as they are validated. */
import { z } from 'zod';
import { VERDICTS } from '../../src/core/schema.ts';
import { type Known, type SharedKind, STYLES } from './files.ts';
import { MODIFIERS, PLACEHOLDERS, template } from './grammar.ts';

const oneOf = (names: ReadonlySet<string>, what: string) =>
  z.string().refine((name) => names.has(name), { message: `not a known ${what} (${[...names].join(', ')})` });
const Pair = z.tuple([z.string(), z.string()]);

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
export function splice<T>(items: readonly (T | Spread)[], shared: Record<string, readonly (T | Spread)[]>, depth = 0): T[] {
  if (depth > 8) throw new Error('bench/synthetic/templates.json: shared lists spread each other in a cycle');
  return items.flatMap((item) => (item instanceof Spread ? splice(shared[item.name] ?? [], shared, depth + 1) : [item]));
}

export const worldSchema = (k: Known) =>
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

export const templatesSchema = (k: Known) => {
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
