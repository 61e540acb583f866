/** The data files validated and compiled: the lands, the topics with their voices, the named phrases. */
import type { z } from 'zod';
import { known, parseFile, RAW_TEMPLATES, RAW_WORLD, type Style } from './files.ts';
import type { Tpl } from './grammar.ts';
import { splice, templatesSchema, worldSchema } from './schema.ts';

const KNOWN = known(RAW_WORLD, RAW_TEMPLATES, phrase);
export const WORLD = parseFile(worldSchema(KNOWN), RAW_WORLD, 'world.json');
export const TEMPLATES = parseFile(templatesSchema(KNOWN), RAW_TEMPLATES, 'templates.json');

export type Land = z.output<ReturnType<typeof worldSchema>>['lands'][string] & { key: string };
const LANDS = new Map<string, Land>(Object.entries(WORLD.lands).map(([key, land]) => [key, { ...land, key }]));
function land(key: string): Land {
  const found = LANDS.get(key);
  if (!found) throw new Error(`bench/synthetic/world.json has no land "${key}"`);
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
export interface Topic extends Omit<TopicData, 'lands' | 'anonymous' | 'a' | 'b' | 'n'> {
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
export const PHRASES = new Map(Object.entries(TEMPLATES.phrases));
export function phrase(name: string): Tpl {
  const found = PHRASES.get(name);
  if (!found) throw new Error(`bench/synthetic/templates.json has no phrase "${name}"`);
  return found;
}
export const TOPICS: readonly Topic[] = TEMPLATES.topics.map((t) => ({
  ...t,
  lands: t.lands.map(land),
  anonymous: t.anonymous && splice(t.anonymous, SHARED.anonymous),
  a: voice(t.a),
  b: voice(t.b),
  n: voice(t.n),
}));
export const TOPIC_WEIGHTS = TOPICS.map((topic) => [topic, topic.weight] as const);
