import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/terminal/cli.ts';
import { freshDatabaseUrls } from '../support/store.ts';

const freshDatabaseUrl = freshDatabaseUrls();

describe('claimbot on a failure it did not foresee', () => {
  it('says what failed in one line and exits 1, without a stack', async () => {
    const err: string[] = [];
    const missingFolder = join('/nonexistent-claimbot-folder', 'claims.json');
    const code = await runCli(
      ['export', '--out', missingFolder],
      { DATABASE_URL: freshDatabaseUrl() },
      { out: () => undefined, err: (text) => err.push(text) },
    );
    expect(code).toBe(1);
    expect(err).toEqual([`claimbot export: ENOENT: no such file or directory, open '${missingFolder}.tmp'`]);
  });
});
