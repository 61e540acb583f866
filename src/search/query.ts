import { QueryError } from '../core/errors.ts';
import type { ReadingMode } from './reading.ts';
import { stripInvisible, visibleLength } from '../core/text.ts';

/** The longest query, in characters as the user sees them (Discord's `max_length` on the option says the same). */
export const MAX_QUERY_LENGTH = 200;
/** The longest chat message Discord delivers (with Nitro): a message to check can be this long. */
export const MAX_MESSAGE_LENGTH = 4000;

/** Throws a QueryError for a query that cannot be searched; returns it trimmed. */
export function checkQuery(query: string, mode: ReadingMode = 'query'): string {
  const trimmed = query.trim();
  if (stripInvisible(trimmed).trim().length === 0) {
    throw new QueryError({ kind: 'empty', forMessage: mode === 'message' });
  }
  const limit = mode === 'message' ? MAX_MESSAGE_LENGTH : MAX_QUERY_LENGTH;
  // Counting graphemes takes milliseconds for a long message; no text has more of them than UTF-16 units.
  const length = trimmed.length <= limit ? trimmed.length : visibleLength(trimmed);
  if (length > limit) {
    throw new QueryError({ kind: 'too-long', forMessage: mode === 'message', limit, length });
  }
  return trimmed;
}
