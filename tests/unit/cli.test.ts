import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/terminal/cli.ts';
import { exportClaims } from '../../src/exchange/export.ts';
import type { Claim, Story } from '../../src/core/schema.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { datasetFile, REPO, SHIPPED_CLAIMS, tempDataset } from '../support/files.ts';
import { freshDatabaseUrls } from '../support/store.ts';

const run = promisify(execFile);
const BIN = join(REPO, 'bin/claimbot.js');

const freshDatabaseUrl = freshDatabaseUrls();

/** Runs the CLI in this process, as `claimbot` would, capturing what it prints; on a fresh database unless DATABASE_URL is given. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { DATABASE_URL: freshDatabaseUrl(), ...env }, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('claimbot (the installed command)', () => {
  it('search --json prints only a JSON array of claim records with their score', async () => {
    const { stdout } = await run(BIN, ['search', 'north korea troops', '--json'], { cwd: REPO, env: { ...process.env, DATABASE_URL: freshDatabaseUrl() } });
    const hits = JSON.parse(stdout) as (Claim & { score: number })[];
    expect(hits.length).toBeGreaterThan(0);
    expect(
      hits
        .slice(0, 2)
        .map((hit) => hit.statement)
        .join(' '),
    ).toContain('10,000');
    const [first] = hits;
    expect(Object.keys(first!)).toEqual(expect.arrayContaining(['id', 'statement', 'claimant', 'attribution', 'verdict', 'flags', 'score']));
    expect(first!.attribution.reportedBy.outlet).toBe('Euronews');
    expect(first!.flags).toContain('anonymous-source');
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it('validate exits 1 naming file, record and field on a corrupted copy, and leaves the file alone', async () => {
    const { file, cleanup } = await tempDataset((dataset) => {
      (dataset.claims![4] as Record<string, unknown>).verdict = 'probably';
    });
    cleanups.push(cleanup);
    const before = await readFile(file, 'utf8');
    const error = (await run(BIN, ['validate', file]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toContain(`${file}: invalid dataset (1 problem)`);
    expect(error.stderr).toContain('claims[4] (id "zelensky-transfer-of-individuals"), field verdict: must be one of unverified, confirmed,');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('ignores settings it does not use: a .env with a bad LOG_LEVEL does not stop validate', async () => {
    const { dir, file, cleanup } = await tempDataset();
    cleanups.push(cleanup);
    await writeFile(join(dir, '.env'), 'LOG_LEVEL=loud\nDISCORD_GUILD_ID=not-an-id\n');
    const { stdout, stderr } = await run(BIN, ['validate', file], { cwd: dir });
    expect(stdout.trim()).toMatch(/: valid \(\d+ claims, 1 story\)$/);
    expect(stderr).toBe('');
  });
});

describe('claimbot commands', () => {
  it('search prints the statement, claimant, attribution, verdict and flags in words', async () => {
    const { code, stdout } = await cli(['search', 'kyiv independent western sources', '--limit', '1']);
    expect(code).toBe(0);
    expect(stdout).toContain('> North Korea had sent 10,000 troops to Russia to support its war efforts against Ukraine');
    expect(stdout).toContain('The Kyiv Independent, Ukrainian newspaper');
    expect(stdout).toContain('The Kyiv Independent, citing Western sources · reported by Euronews');
    expect(stdout).toContain('⚠️ Unverified');
    expect(stdout).toContain('🔁 secondhand: citing Western sources');
    expect(stdout).toContain('🕶️ anonymous source');
    expect(stdout.match(/^\d+\. /gm)).toHaveLength(1);
  });

  it('search says so when nothing matches', async () => {
    expect(await cli(['search', 'banana smoothie'])).toMatchObject({ code: 0, stdout: 'No claim matches "banana smoothie".' });
  });

  it('validate exits 0 on the shipped dataset, and reads CLAIMS_PATH', async () => {
    expect(await cli(['validate'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/data\/claims\.json: valid \(\d+ claims, 1 story\)$/) });
    const { file, cleanup } = await tempDataset((dataset) => {
      dataset.claims = dataset.claims!.slice(0, 2);
    });
    cleanups.push(cleanup);
    expect(await cli(['validate'], { CLAIMS_PATH: file })).toMatchObject({ code: 0, stdout: `${file}: valid (2 claims, 1 story)` });
    expect(JSON.parse((await cli(['search', 'kursk', '--json'], { CLAIMS_PATH: file })).stdout)).toEqual([]);
  });

  it.each([
    [['frobnicate'], 'Unknown command "frobnicate".'],
    [[], 'No command given.'],
    [['search', 'kursk', '--fast'], "Unknown option '--fast'"],
    [['search', 'kursk', '--limit', 'many'], '--limit must be a whole number from 1 to 50.'],
    [['search', 'kursk', '--limit', '0x3'], '--limit must be a whole number from 1 to 50.'],
    [['search', 'kursk', '--limit', '1e1'], '--limit must be a whole number from 1 to 50.'],
    [['search', 'kursk', '--limit', '0'], '--limit must be a whole number from 1 to 50.'],
    [['search'], 'search takes one query'],
    [['validate', 'a.json', 'b.json'], 'validate takes at most one file.'],
  ])('%j prints the usage and exits 2', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage:');
  });

  it.each([[['--help']], [['help']], [['search', '--help']], [['validate', '-h']], [['search', 'kursk', '--limit', '3', '--help']]])(
    '%j prints the usage and exits 0: asking for help is not an error',
    async (args) => {
      const { code, stdout, stderr } = await cli(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage:\n {2}claimbot search/);
      expect(stderr).toBe('');
    },
  );

  it('a setting the CLI does not use cannot stop it (LOG_LEVEL=loud)', async () => {
    expect(await cli(['validate'], { LOG_LEVEL: 'loud' })).toMatchObject({ code: 0, stdout: expect.stringMatching(/: valid /) });
  });

  it('prints claim text as written, without markdown escapes, and control characters harmlessly', async () => {
    const { file, cleanup } = await tempDataset((dataset) => {
      const first = dataset.claims![0] as Record<string, unknown>;
      first.statement = 'North Korean troops *in* snake_case [link](https://evil.example) \u001b[31mred';
    });
    cleanups.push(cleanup);
    const { stdout } = await cli(['search', 'north korean troops snake', '--limit', '1'], { CLAIMS_PATH: file });
    expect(stdout).toContain('> North Korean troops *in* snake_case [link](https://evil.example) ␛[31mred');
    expect(stdout).not.toContain('\u001b');
    const missing = await cli(['search', 'banana \u001b]0;pwned\u0007'], { CLAIMS_PATH: file });
    expect(missing.stdout).toBe('No claim matches "banana ␛]0;pwned␇".');
  });

  it('an empty or overlong query is a clear error, exit 2', async () => {
    expect(await cli(['search', ' '])).toMatchObject({ code: 2, stderr: expect.stringContaining('Type a few words') });
    expect(await cli(['search', 'x'.repeat(201)])).toMatchObject({ code: 2, stderr: expect.stringContaining('at most 200 characters') });
  });
});

describe('claimbot export and history', () => {
  it('export writes the database’s claims as a dataset that validates, and changes made since are in it', async () => {
    const { dir, cleanup } = await tempDataset();
    cleanups.push(cleanup);
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const store = await ClaimStore.open({ databaseUrl: env.DATABASE_URL, seedFile: SHIPPED_CLAIMS });
    await store.update(
      'zelensky-tehran-too',
      { id: '600000000000000006', name: 'desk-editor' },
      'verdict',
      (claim) => ({ ...claim, verdict: 'confirmed' }),
      'on the record',
    );
    await store.close();
    const out = join(dir, 'export.json');
    const exported = await cli(['export', '--out', out], env);
    expect(exported).toMatchObject({ code: 0, stderr: `Wrote 15 claims as json to ${out}.` });
    expect(await cli(['validate', out])).toMatchObject({ code: 0, stdout: `${out}: valid (15 claims, 1 story)` });
    const claims = (JSON.parse(await readFile(out, 'utf8')) as { claims: Claim[] }).claims;
    expect(claims.find((claim) => claim.id === 'zelensky-tehran-too')!.verdict).toBe('confirmed');
    expect(JSON.parse((await cli(['export'], env)).stdout)).toEqual(JSON.parse(await readFile(out, 'utf8')));
  });

  it('history prints who changed a claim, when, what and why; an unknown id is a clear error', async () => {
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const store = await ClaimStore.open({ databaseUrl: env.DATABASE_URL, seedFile: SHIPPED_CLAIMS });
    await store.update(
      'zelensky-tehran-too',
      { id: '600000000000000006', name: 'desk-editor', guildId: '200000000000000002' },
      'verdict',
      (claim) => ({ ...claim, verdict: 'false' }),
      'Tehran denied it',
    );
    await store.close();
    const { code, stdout } = await cli(['history', 'zelensky-tehran-too'], env);
    expect(code).toBe(0);
    const [imported, rated] = stdout.split('\n\n');
    expect(imported).toMatch(/^#\d+ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · import · seed file .*claims\.json \(seed\)$/);
    expect(rated!.split('\n')).toEqual([
      expect.stringMatching(/^#\d+ .* UTC · verdict · desk-editor \(600000000000000006\) in server 200000000000000002$/),
      '  reason: Tehran denied it',
      '  verdict: “unverified” → “false”',
    ]);
    expect(await cli(['history', 'no-such-claim'], env)).toMatchObject({ code: 2, stderr: 'There is no claim "no-such-claim".' });
  });
});

describe('claimbot import', () => {
  const shippedDataset = async () => JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as { stories: Story[]; claims: Claim[] };

  it('re-importing its own ClaimReview export adds and updates nothing', async () => {
    const { dir, cleanup } = await tempDataset();
    cleanups.push(cleanup);
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const file = join(dir, 'reviews.jsonld');
    expect((await cli(['export', '--format', 'claimreview', '--out', file], env)).code).toBe(0);
    const imported = await cli(['import', file], env);
    expect(imported.stdout.split('\n').slice(0, 2)).toEqual([
      `${file}: 15 records in ClaimReview JSON-LD.`,
      'Add 0 claims, update 0, skip 15 (15 unchanged, 0 duplicate, 0 older), 0 invalid records.',
    ]);
    expect(imported.code).toBe(0);
  });

  it('writes nothing when a record is invalid, naming it and its field; --skip-invalid imports the rest, audited', async () => {
    const dataset = await shippedDataset();
    dataset.claims = dataset.claims.slice(0, 2).map((claim, i) => ({ ...claim, id: `new-claim-${i}`, statement: `A new statement number ${i}` }));
    (dataset.claims[1] as Record<string, unknown>).verdict = 'maybe';
    const { file, cleanup } = await datasetFile(dataset);
    cleanups.push(cleanup);
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const refused = await cli(['import', file], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('claims[1] (id "new-claim-1"), field verdict: must be one of');
    expect(refused.stderr).toBe('Nothing was imported: fix the invalid records, or import the rest with --skip-invalid.');
    expect(await cli(['import', file, '--dry-run', '--skip-invalid'], env)).toMatchObject({ code: 0, stderr: 'Dry run: nothing was written.' });
    expect((await cli(['history', 'new-claim-0'], env)).code).toBe(2);
    const partial = await cli(['import', file, '--skip-invalid'], env);
    expect(partial).toMatchObject({ code: 0, stderr: 'Imported: 1 added, 0 updated, 1 invalid records skipped.' });
    expect((await cli(['history', 'new-claim-0'], env)).stdout).toMatch(/· import · import of claims\.json \(cli\)\n {2}reason: claimbot import claims\.json$/);
  });

  it('imports 10,000 ClaimReviews with a progress line', async () => {
    const dataset = await shippedDataset();
    const template = dataset.claims[0]!;
    const claims = Array.from({ length: 10_000 }, (_, i) => ({
      ...template,
      id: `review-${i}`,
      statement: `Generated review statement number ${i}`,
      flags: [],
      tags: [],
    }));
    const { dir, cleanup } = await tempDataset();
    cleanups.push(cleanup);
    const file = join(dir, 'many.jsonld');
    await writeFile(file, exportClaims({ stories: dataset.stories, claims }, 'claimreview', { newsroom: { name: 'Test desk' } }));
    const env = { DATABASE_URL: freshDatabaseUrl() };
    const { code, stderr } = await cli(['import', file], env);
    expect(code).toBe(0);
    const progress = stderr.split('\n').filter((line) => line.startsWith('Reading many.jsonld: '));
    expect(progress[0]).toBe('Reading many.jsonld: 0% (100 of 10,000 records)');
    expect(progress.at(-1)).toBe('Reading many.jsonld: 100% (10,000 of 10,000 records)');
    expect(stderr).toContain('Imported: 10000 added, 0 updated.');
    const store = await ClaimStore.open({ databaseUrl: env.DATABASE_URL, seedFile: SHIPPED_CLAIMS });
    cleanups.push(() => store.close());
    expect(store.claim('review-9999')?.statement).toBe('Generated review statement number 9999');
    expect(store.claims).toHaveLength(10_015);
  }, 60_000);
});
