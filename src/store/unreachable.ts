import { DatabaseUnreachableError } from '../core/errors.ts';

export { DatabaseUnreachableError };

/** Node's errors for a server that cannot be reached over the network. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** PostgreSQL: connection exceptions (class 08), and the server shutting down or starting (57P01–57P03). */
const POSTGRES_STATES = /^(08...|57P0[1-3])$/;
/** What `pg` throws, without a code, when its connection ends under a query or cannot be opened in time. */
const POSTGRES_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;
/** SQLite (libsql's codes): locked by another connection past the wait, or the file cannot be opened or read. */
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR)/;

/** Whether `error` says the database could not be reached, rather than that a statement was wrong. */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof DatabaseUnreachableError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_STATES.test(code) || SQLITE_CODES.test(code))) return true;
  if (code === undefined && POSTGRES_MESSAGES.test(error.message)) return true;
  // A pool that cannot connect (pg) or a failed batch of connections throws an AggregateError of the causes.
  return error instanceof AggregateError && error.errors.length > 0 && error.errors.every(isUnreachable);
}
