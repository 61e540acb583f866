/**
 * Deterministic synthetic claims for the benchmarks: the entry point, and the plan that spreads claims over topics
 * and stories. README.md in this folder describes the data files, the template grammar, the names and the randomness.
 */
import type { Claim, Dataset } from '../../src/core/schema.ts';
import { makeClaim } from './claim.ts';
import { known, problems, RAW_WORLD } from './files.ts';
import { Gen } from './generator.ts';
import { PLACEHOLDERS } from './grammar.ts';
import { templatesSchema } from './schema.ts';
import { newStory, type StoryPlan } from './story.ts';
import { comparable } from './text.ts';
import { PHRASES, phrase, TOPIC_WEIGHTS, TOPICS, type Topic } from './world.ts';

export { Rng } from './random.ts';

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
  const parsed = templatesSchema(known(RAW_WORLD, templates, phrase)).safeParse(templates);
  return parsed.success ? [] : problems(parsed.error);
}

/** The placeholder names a template may use: the generator's and the phrases'. */
export function placeholderNames(): string[] {
  return [...Object.keys(PLACEHOLDERS), ...PHRASES.keys()];
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
