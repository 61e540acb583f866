/**
 * Errors as data. Low layers (the store, the search, the summaries) throw what happened, never sentences; the
 * edges (the Discord dispatcher, the console, the CLI) put it into words with `errorWords` (src/views/error-words.ts).
 */

/** Something the user did wrong, already in words: a command composed them. Shown as is (ephemerally in Discord). */
export class UserError extends Error {
  override name = 'UserError';
}

/** What the record refused to do, and to what. */
export type Refusal =
  | { kind: 'no-claim'; id: string }
  | { kind: 'claim-removed'; id: string }
  | { kind: 'claim-already-removed'; id: string }
  | { kind: 'claim-not-removed'; id: string }
  | { kind: 'claim-id-taken'; id: string }
  | { kind: 'statement-taken'; owner: string }
  | { kind: 'no-story'; story: string }
  | { kind: 'no-summary'; story: string; channelId: string };

/** A change the record refused: the user's to fix, not a fault. */
export class RefusedError extends Error {
  override name = 'RefusedError';
  constructor(readonly refusal: Refusal) {
    super(`refused: ${JSON.stringify(refusal)}`);
  }
}

/** A query the search cannot take: empty, or longer than its mode allows. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(readonly problem: { kind: 'empty'; forMessage: boolean } | { kind: 'too-long'; forMessage: boolean; limit: number; length: number }) {
    super(`query: ${problem.kind}`);
  }
}

/** A file in an exchange format that cannot be read: the message names the file and what is wrong with it. */
export class FormatError extends Error {
  override name = 'FormatError';
}

/**
 * The database could not be reached (a PostgreSQL server down or cut off, a SQLite file another process kept
 * locked longer than the store waits, a disk that failed): the statement did not run, and nothing of its
 * transaction was saved. The edges say so in words (`errorWords`); the cause is kept for the log.
 */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';

  constructor(options: { cause: unknown }) {
    super(`the claims database is unreachable (${describeCause(options.cause)})`, options);
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${cause.message}` : cause.message;
}
