import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/files.ts';
import { freshDatabaseUrls } from '../support/store.ts';

const run = promisify(execFile);
const BIN = join(REPO, 'bin/claimbot.js');
const freshDatabaseUrl = freshDatabaseUrls();

/** The installed `claimbot` command, its exit status and what it printed. */
async function claimbot(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: freshDatabaseUrl() };
  return run(BIN, args, { cwd: REPO, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimbot-hostile-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('claimbot on a file nested 20,000 levels deep', () => {
  const LEVELS = 20_000;
  const files = {
    'dataset.json': `{"stories": [], "claims": [${'['.repeat(LEVELS)}${']'.repeat(LEVELS)}]}`,
    'feed.jsonld': `${'{"@graph": '.repeat(LEVELS)}{}${'}'.repeat(LEVELS)}`,
  };

  it.each(Object.entries(files))('validate %s: one line naming the file and where, exit 1, no stack trace', async (name, text) => {
    const file = join(dir, name);
    await writeFile(file, text);
    const { code, stdout, stderr } = await claimbot('validate', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const column = name === 'dataset.json' ? 126 : 1101;
    expect(stderr).toBe(
      `${file}: invalid dataset (1 problem)\n  - nested more than 100 levels deep at line 1, column ${column} (a claims file needs about 10): not read\n`,
    );
  });

  it.each(Object.entries(files))('import %s: one line naming the file and where, exit 2', async (name, text) => {
    const file = join(dir, name);
    await writeFile(file, text);
    const { code, stdout, stderr } = await claimbot('import', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const column = name === 'dataset.json' ? 126 : 1101;
    expect(stderr).toBe(`${name}: nested more than 100 levels deep at line 1, column ${column} (a claims file needs about 10): not read\n`);
  });
});

describe('claimbot validate on 60 kB statements of dots', () => {
  it('names each statement that is too long, exit 1', async () => {
    const file = join(dir, 'dots.json');
    const claim = (id: string, last: string) => ({
      id,
      story: 's',
      statement: `${'.'.repeat(60_000)}${last}`,
      quote: false,
      claimant: { name: 'Someone' },
      attribution: { reportedBy: { outlet: 'Outlet' } },
      createdAt: '2026-11-25T04:00:00Z',
      updatedAt: '2026-11-25T04:00:00Z',
      addedBy: 'seed',
    });
    const claims = [claim('dots-a', 'a'), claim('dots-b', 'b'), claim('dots-c', 'c')];
    await writeFile(file, JSON.stringify({ stories: [{ id: 's', title: 'Story', source: { outlet: 'Outlet' } }], claims }));
    const { code, stderr } = await claimbot('validate', file);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${file}: invalid dataset (3 problems)\n` +
        claims.map((_, i) => `  - claims[${i}] (id "${claims[i]!.id}"), field statement: must be at most 4000 characters\n`).join(''),
    );
  });
});
