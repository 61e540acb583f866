import { UserError } from '../errors.ts';
import type { ReadingMode } from './reading.ts';
import { stripInvisible } from './text.ts';

/** The longest query, in characters as the user sees them (Discord's `max_length` on the option says the same). */
export const MAX_QUERY_LENGTH = 200;
/** The longest chat message Discord delivers (with Nitro): a message to check can be this long. */
export const MAX_MESSAGE_LENGTH = 4000;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters as a person counts them: "👍🏽" and "é" are one each, whatever their UTF-16 length. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** Throws a UserError for a query that cannot be searched; returns it trimmed. */
export function checkQuery(query: string, mode: ReadingMode = 'query'): string {
  const trimmed = query.trim();
  if (stripInvisible(trimmed).trim().length === 0) {
    throw new UserError(mode === 'message' ? 'That message has no text to check.' : 'Type a few words to search for, like "north korea troops".');
  }
  const limit = mode === 'message' ? MAX_MESSAGE_LENGTH : MAX_QUERY_LENGTH;
  // Counting graphemes takes milliseconds for a long message; no text has more of them than UTF-16 units.
  const length = trimmed.length <= limit ? trimmed.length : visibleLength(trimmed);
  if (length > limit) {
    throw new UserError(`A ${mode === 'message' ? 'message to check' : 'search'} can be at most ${limit} characters; yours has ${length}.`);
  }
  return trimmed;
}

/** The first `limit` characters as the user sees them, never half an emoji: what autocomplete searches of an overlong text. */
export function firstGraphemes(text: string, limit: number): string {
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count++ === limit) break;
    kept += segment;
  }
  return kept;
}
