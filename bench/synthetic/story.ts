/** A story: created when a claim first draws it, with its country, outlet, sources and the day it starts. */
import type { Story } from '../../src/core/schema.ts';
import type { Gen } from './generator.ts';
import { cap, iso, slugify, uniqueSlug } from './text.ts';
import { type Land, TEMPLATES, type Topic } from './world.ts';

const START = Date.UTC(2024, 0, 8);
export const END = Date.UTC(2026, 11, 31, 23, 59);
export const DAY = 86_400_000;

export interface StoryPlan {
  story: Story;
  topic: Topic;
  land: Land;
  start: number;
  outlet: string;
}

export function newStory(g: Gen, topic: Topic, storyIds: Set<string>, plans: StoryPlan[]): StoryPlan {
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
