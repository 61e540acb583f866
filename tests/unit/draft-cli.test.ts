import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/terminal/cli.ts';
import type { Draft } from '../../src/draft/drafter.ts';
import { ClaimSchema } from '../../src/core/schema.ts';
import { ARTICLES_DIR, SEED_ARTICLE } from '../support/draft-scoring.ts';
import { REPO } from '../support/files.ts';
import { freshDatabaseUrls } from '../support/store.ts';

const run = promisify(execFile);
const BIN = join(REPO, 'bin/claimbot.js');
const freshDatabaseUrl = freshDatabaseUrls();
const scratch = await mkdtemp(join(tmpdir(), 'claimbot-draft-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { DATABASE_URL: freshDatabaseUrl() }, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The installed command with `input` on its standard input. */
function claimbot(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { cwd: REPO, env: { ...process.env, DATABASE_URL: freshDatabaseUrl() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('claimbot draft', () => {
  it('--json prints the drafts of the first story’s article, valid claims naming the claims they repeat', async () => {
    const { stdout } = await run(
      BIN,
      ['draft', SEED_ARTICLE, '--story', 'north-korean-troops-in-russia', '--url', 'https://www.euronews.com/article', '--json'],
      { cwd: REPO, env: { ...process.env, DATABASE_URL: freshDatabaseUrl() } },
    );
    const drafts = JSON.parse(stdout) as (Draft & { story: string })[];
    expect(drafts).toHaveLength(15);
    expect(drafts[7]).toEqual({
      story: 'north-korean-troops-in-russia',
      statement: 'North Korea had sent 10,000 troops to Russia to support its war efforts against Ukraine',
      quote: false,
      claimant: { name: 'The Kyiv Independent', description: 'Ukrainian newspaper' },
      attribution: { citing: 'Western sources', reportedBy: { outlet: 'Euronews', url: 'https://www.euronews.com/article' } },
      flags: ['anonymous-source', 'secondhand'],
      repeats: 'kyiv-independent-10000-troops',
    });
    for (const { repeats: _repeats, ...draft } of drafts) {
      expect(
        ClaimSchema.safeParse({ ...draft, id: 'a-draft', createdAt: '2026-12-04T00:00:00Z', updatedAt: '2026-12-04T00:00:00Z', addedBy: 'test' }).success,
      ).toBe(true);
    }
  });

  it('reads standard input with -, and shows each draft as /claim shows a claim', async () => {
    const { code, stdout, stderr } = await claimbot(
      ['draft', '-', '--outlet', 'Wire'],
      'Lagarde warned that energy prices could push inflation up again in the winter.\n',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Draft 1 of 1',
        'Lagarde',
        '> energy prices could push inflation up again in the winter',
        'Verdict: ⚠️ Unverified',
        'Sourcing: No sourcing concerns flagged',
        'Attribution: reported by Wire',
        'would be saved as claim lagarde-energy-prices-could-push-inflation-up',
        '',
      ].join('\n'),
    );
  });

  it('takes the outlet from --story, and says which draft repeats a claim already held', async () => {
    const { code, stdout } = await cli(['draft', SEED_ARTICLE, '--story', 'north-korean-troops-in-russia']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Draft 1 of 15 \(repeats claim reports-10000-troops-in-russia\)\nSome reports\n> 10,000 North Korean troops/);
    expect(stdout).toContain('Attribution: The Kyiv Independent, citing Western sources · reported by Euronews');
    expect(stdout).toContain('Story: North Korean troops in Russia');
  });

  it('drafts a web page by its markup', async () => {
    const { code, stdout } = await cli(['draft', join(ARTICLES_DIR, 'outlet-river.html'), '--outlet', 'Valley Courier', '--json']);
    expect(code).toBe(0);
    const drafts = JSON.parse(stdout) as Draft[];
    expect(drafts.map(({ claimant }) => claimant.name)).toEqual([
      'Spanish Meteorological Agency (AEMET)',
      'Rubén del Campo',
      'Farmers',
      'The irrigators’ association of Murcia',
      'Valley Courier',
      'The regional government',
    ]);
  });

  it.each([
    ['empty.txt', '', 'empty.txt is empty: there is no text to draft claims from.'],
    ['weather.txt', 'The sky was grey over Kyiv. Rain fell all day.', 'No claims found in this text: no statement in it is attributed to anyone.'],
    ['scan.pdf', '%PDF-1.7', 'scan.pdf is not an article the drafter reads: give it as text (.txt), markdown (.md) or a web page (.html).'],
    ['big.txt', 'word '.repeat(220_000), 'big.txt is 1.0 MB; the drafter reads articles of up to 1.0 MB.'],
  ])('%s: one line saying what is wrong, exit 2', async (name, content, message) => {
    const file = join(scratch, name);
    await writeFile(file, content);
    expect(await cli(['draft', file, '--outlet', 'Wire'])).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('undecodable bytes: one line naming the byte, exit 2', async () => {
    const file = join(scratch, 'latin1.txt');
    await writeFile(file, Buffer.from('Officials said the caf\xe9 closed.', 'latin1'));
    expect(await cli(['draft', file, '--outlet', 'Wire'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'latin1.txt is not UTF-8 text (byte 24 cannot be read): save it as UTF-8 text and try again.',
    });
  });

  it.each([
    [['draft'], 'draft takes one article: claimbot draft article.txt --outlet Euronews (or - to read standard input).'],
    [['draft', join(REPO, 'missing.txt'), '--outlet', 'Wire'], `There is no file ${join(REPO, 'missing.txt')}.`],
    [['draft', SEED_ARTICLE], 'Say which outlet published the article: --outlet NAME (or --story ID, to take its outlet).'],
    [['draft', SEED_ARTICLE, '--story', 'nope'], 'There is no story "nope"; leave --story out or name one of: north-korean-troops-in-russia.'],
    [['draft', SEED_ARTICLE, '--outlet', 'Wire', '--url', 'euronews'], '--url must be a URL like https://example.org/article; "euronews" is not one.'],
  ])('%j: one line, exit 2', async (args, message) => {
    expect(await cli(args)).toEqual({ code: 2, stdout: '', stderr: message });
  });
});
