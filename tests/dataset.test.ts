import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetError, loadDataset } from '../src/dataset.ts';
import { REPO, SHIPPED_CLAIMS, tempDataset } from './support/files.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function problemsFor(edit: (dataset: Record<string, unknown[]>) => void): Promise<DatasetError> {
  const { file, cleanup } = await tempDataset(edit);
  cleanups.push(cleanup);
  const error = await loadDataset(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DatasetError);
  expect((error as DatasetError).message).toContain(file);
  return error as DatasetError;
}

type RawClaim = Record<string, unknown> & { claimant: Record<string, unknown>; flags: string[] };
const claim = (dataset: Record<string, unknown[]>, index: number) => dataset.claims![index] as RawClaim;

describe('the shipped dataset', () => {
  it('is valid and holds every claim of the first story', async () => {
    const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
    expect(stories.map((story) => story.id)).toEqual(['north-korean-troops-in-russia']);
    expect(claims.length).toBeGreaterThanOrEqual(12);
    expect(new Set(claims.map((c) => c.verdict))).toEqual(new Set(['unverified']));
  });

  it('quotes the article exactly: every statement appears word for word in the source text', async () => {
    const article = await readFile(join(REPO, 'data/sources/north-korean-troops-in-russia.euronews.txt'), 'utf8');
    const { claims } = await loadDataset(SHIPPED_CLAIMS);
    for (const c of claims) expect(article, c.id).toContain(c.statement);
  });

  it('attributes the reported claims as the article does', async () => {
    const { claims } = await loadDataset(SHIPPED_CLAIMS);
    const byId = new Map(claims.map((c) => [c.id, c]));
    expect(byId.get('kyiv-independent-10000-troops')).toMatchObject({
      claimant: { name: 'The Kyiv Independent', description: 'Ukrainian newspaper' },
      attribution: { citing: 'Western sources', reportedBy: { outlet: 'Euronews' } },
      flags: ['anonymous-source', 'secondhand'],
      quote: false,
    });
    expect(byId.get('zelensky-coalition-of-criminals')).toMatchObject({
      claimant: { name: 'Volodymyr Zelensky', description: 'Ukrainian President' },
      context: 'addressing Parliament in Kyiv on Wednesday',
      quote: true,
    });
    expect(byId.get('partisans-mariupol-training')?.flags).toContain('outlet-unverified');
    // Nothing invented: the article gives no URL or date for the report.
    expect(claims.every((c) => c.attribution.reportedBy.url === undefined && c.attribution.reportedBy.date === undefined)).toBe(true);
  });
});

describe('validation', () => {
  it('names the file, the record (index and id) and the field of each schema error', async () => {
    const error = await problemsFor((dataset) => {
      claim(dataset, 3).flags.push('rumour');
      delete claim(dataset, 7).claimant.name;
      claim(dataset, 8).verdict = 'true';
    });
    expect(error.problems).toEqual([
      expect.stringMatching(/^claims\[3\] \(id "zelensky-coalition-of-criminals"\), field flags\[1\]: Invalid option: expected one of .*"secondhand"/),
      'claims[7] (id "kyiv-independent-10000-troops"), field claimant.name: Invalid input: expected string, received undefined',
      expect.stringMatching(/^claims\[8\] \(id "airborne-brigade-3000-battalion"\), field verdict: Invalid option/),
    ]);
  });

  it('rejects duplicate ids, duplicate statements and unknown stories', async () => {
    const error = await problemsFor((dataset) => {
      claim(dataset, 2).id = claim(dataset, 0).id;
      claim(dataset, 5).statement = ` ${String(claim(dataset, 4).statement).toUpperCase()} `;
      claim(dataset, 6).story = 'no-such-story';
    });
    expect(error.problems).toEqual([
      'claims[2] (id "reports-10000-troops-in-russia"), field id: duplicate of claims[0]',
      'claims[5] (id "zelensky-tehran-too"), field statement: duplicate of claims[4]',
      'claims[6] (id "zelensky-tehran-regime-support"), field story: no story has the id "no-such-story"',
    ]);
  });

  it('requires a secondhand claim to say whom it cites, and rejects unknown fields', async () => {
    const error = await problemsFor((dataset) => {
      claim(dataset, 0).flags = ['secondhand'];
      claim(dataset, 1).sources = ['typo for note'];
    });
    expect(error.problems).toEqual([
      'claims[0] (id "reports-10000-troops-in-russia"), field attribution.citing: a secondhand claim must say whom it cites',
      'claims[1] (id "zelensky-weapons-and-people"), the record: Unrecognized key: "sources"',
    ]);
  });

  it('reports a file that is not JSON, and never rewrites it', async () => {
    const { file, cleanup } = await tempDataset();
    cleanups.push(cleanup);
    await writeFile(file, '{"stories": [], "claims": [');
    const before = await stat(file);
    const error = await loadDataset(file).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(new RegExp(`^${file}: invalid dataset .*\\n  - not valid JSON`));
    expect(await readFile(file, 'utf8')).toBe('{"stories": [], "claims": [');
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('reports a missing file by name', async () => {
    await expect(loadDataset('/nonexistent/claims.json')).rejects.toThrow(/^\/nonexistent\/claims\.json: .*\n  - cannot read the file: ENOENT/);
  });
});
