import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { DATABASE_UNREACHABLE, errorWords } from '../../src/views/error-words.ts';
import { DatabaseUnreachableError, isUnreachable } from '../../src/store/unreachable.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('what counts as the database being unreachable', () => {
  it('is a network failure, a PostgreSQL connection or shutdown state, a SQLite lock or file that cannot be had', () => {
    expect(isUnreachable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isUnreachable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isUnreachable(withCode('connection failure', '08006'))).toBe(true);
    expect(isUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnreachable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isUnreachable(withCode('SQLITE_BUSY: database is locked', 'SQLITE_BUSY'))).toBe(true);
    expect(isUnreachable(withCode('SQLITE_IOERR_WRITE: disk I/O error', 'SQLITE_IOERR_WRITE'))).toBe(true);
    expect(
      isUnreachable(
        new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'), withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')]),
      ),
    ).toBe(true);
  });

  it('is not a statement the database refused, nor a fault of ours', () => {
    expect(isUnreachable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isUnreachable(withCode('SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed: claims.id', 'SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isUnreachable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isUnreachable(new AggregateError([]))).toBe(false);
    expect(isUnreachable('ECONNREFUSED')).toBe(false);
    // Something thrown that is not an Error, even with a network code, is a fault of ours.
    expect(isUnreachable({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toBe(false);
    // The connection messages count only for errors without a code: with one, the code says what happened.
    expect(isUnreachable(withCode('timeout exceeded when trying to connect to the lock', '55P03'))).toBe(false);
    // A batch fails for being unreachable only when every part did.
    expect(isUnreachable(new AggregateError([withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), new TypeError('a bug')]))).toBe(false);
  });

  it('is the error that already says so, whatever its cause', () => {
    expect(isUnreachable(new DatabaseUnreachableError({ cause: new Error('the pool is closed') }))).toBe(true);
  });
});

describe('the words an edge says for a failure', () => {
  it('says the database is unreachable and nothing was saved, keeping the cause for the log', () => {
    const cause = withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    const error = new DatabaseUnreachableError({ cause });
    expect(errorWords(error)).toBe(DATABASE_UNREACHABLE);
    expect(DATABASE_UNREACHABLE).toBe('The claims database is unreachable: nothing was saved.');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('the claims database is unreachable (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432)');
  });

  it('passes a UserError on as written, and leaves any other error to the generic answer', () => {
    expect(errorWords(new UserError('There is no claim “x”.'))).toBe('There is no claim “x”.');
    expect(errorWords(new Error('a bug'))).toBeUndefined();
  });
});
