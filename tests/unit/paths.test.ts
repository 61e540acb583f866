import { describe, expect, it } from 'vitest';
import { engineOf } from '../../src/core/paths.ts';

describe('engineOf', () => {
  it('reads SQLite from a file: URL and PostgreSQL from either scheme, each with something after it', () => {
    expect(engineOf('file:data/claimbot.db')).toBe('sqlite');
    expect(engineOf('postgres://claimbot@127.0.0.1/claims')).toBe('postgres');
    expect(engineOf('postgresql://claimbot@127.0.0.1/claims')).toBe('postgres');
  });

  it('knows no other URL, nor a scheme alone, nor one that only contains a known scheme', () => {
    for (const url of ['file:', 'postgres://', 'mysql://db/claims', 'data/claimbot.db', 'xfile:claims.db', 'my-postgres://db/claims', 'postgresx://db']) {
      expect(engineOf(url), url).toBeUndefined();
    }
  });
});
