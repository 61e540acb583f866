/**
 * The data files beside this folder's code, read once: vocabulary.json (word lists), world.json (countries, given
 * names, organisations, outlets) and templates.json (topics, statements, quotes, roles, sourcing). They are validated
 * and compiled in world.ts; this module reads them and names what they define.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Tpl } from './grammar.ts';

const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const VOCABULARY = z.record(z.string(), z.array(z.string()).min(1)).parse(readJson('./vocabulary.json'));
export const RAW_WORLD = readJson('./world.json');
export const RAW_TEMPLATES = readJson('./templates.json');

/** A word list of vocabulary.json (name syllables, places, weapons, outlets, …). */
export function words(list: string): readonly string[] {
  const found = VOCABULARY[list];
  if (!found) throw new Error(`bench/synthetic/vocabulary.json has no list "${list}"`);
  return found;
}

/** The naming conventions a person can have. */
export const STYLES = ['ua', 'ru', 'west', 'pl', 'ro', 'ka', 'tr', 'ko', 'zh', 'tw', 'ja', 'ar', 'he', 'fa', 'es', 'in', 'af'] as const;
export type Style = (typeof STYLES)[number];
/** The kinds of list a templates file shares between topics (`shared.roles.UA_ROLES`). */
export type SharedKind = 'roles' | 'groups' | 'media' | 'anonymous';

/** Names the files define, read before validating them so that a reference to an unknown one is reported where it is. */
export interface Known {
  lists: ReadonlySet<string>;
  lands: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  themes: ReadonlySet<string>;
  companyKinds: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  phrases: ReadonlySet<string>;
  shared: Record<SharedKind, ReadonlySet<string>>;
  /** A named phrase of the templates file, compiled; looked up on first expansion, once the whole file is compiled. */
  phrase: (name: string) => Tpl;
}
const field = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);
const keysOf = (value: unknown): Set<string> => new Set(typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : []);
export function known(world: unknown, templates: unknown, phrase: (name: string) => Tpl): Known {
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
    phrase,
  };
}

export const problems = (error: z.ZodError): string[] => error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
export function parseFile<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`bench/synthetic/${file} is invalid:\n${problems(parsed.error).join('\n')}`);
  return parsed.data;
}
