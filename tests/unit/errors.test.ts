import { describe, expect, it } from 'vitest';
import { DatabaseUnreachableError, FormatError, QueryError, RefusedError, UserError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/log.ts';
import { checkClaim, InvalidClaimError } from '../../src/core/validate-claim.ts';

/** The error as the log writes it: what an operator reads to tell one kind of failure from another. */
function logged(error: Error): { name: string; message: string; code?: string } {
  const lines: string[] = [];
  createLogger('info', (line) => lines.push(line)).error('failed', { error });
  return (JSON.parse(lines[0]!) as { error: { name: string; message: string; code?: string } }).error;
}

describe('typed errors, as the log names them', () => {
  it('gives each kind its own name and a message saying what happened', () => {
    expect(logged(new UserError('Type a question.'))).toMatchObject({ name: 'UserError', message: 'Type a question.' });
    expect(logged(new RefusedError({ kind: 'no-claim', id: 'x' }))).toMatchObject({ name: 'RefusedError', message: 'refused: {"kind":"no-claim","id":"x"}' });
    expect(logged(new QueryError({ kind: 'empty', forMessage: false }))).toMatchObject({ name: 'QueryError', message: 'query: empty' });
    expect(logged(new FormatError('feed.json: not ClaimReview'))).toMatchObject({ name: 'FormatError', message: 'feed.json: not ClaimReview' });
  });

  it("says why the database is unreachable: the driver's code and message, or the cause as text", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(logged(new DatabaseUnreachableError({ cause: refused }))).toMatchObject({
      name: 'DatabaseUnreachableError',
      message: 'the claims database is unreachable (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432)',
    });
    expect(new DatabaseUnreachableError({ cause: Object.assign(new Error('disk I/O error'), { code: 10 }) }).message).toBe(
      'the claims database is unreachable (disk I/O error)',
    );
    expect(new DatabaseUnreachableError({ cause: 'timeout' }).message).toBe('the claims database is unreachable (timeout)');
    expect(new DatabaseUnreachableError({ cause: refused }).cause).toBe(refused);
  });

  it('names every field a claim gets wrong, and "claim" for a value that is not one', () => {
    const error = (() => {
      try {
        checkClaim(null);
      } catch (thrown) {
        return thrown as InvalidClaimError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidClaimError);
    expect(error?.problems).toEqual([{ field: 'claim', message: 'must be an object' }]);
    expect(error?.name).toBe('InvalidClaimError');
    expect(error?.message).toBe('invalid claim: claim: must be an object');
  });
});
