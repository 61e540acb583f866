import type { Choice } from './reply.ts';
import type { Story } from '../core/schema.ts';

/** The stories whose title or id contains what was typed: the choices of every `story` option. */
export function storyChoices(typed: string, stories: readonly Story[]): Choice[] {
  const needle = typed.trim().toLowerCase();
  return stories.filter((story) => story.title.toLowerCase().includes(needle) || story.id.includes(needle)).map((story) => ({ name: story.title, value: story.id }));
}
