import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetError, loadDataset, parseDataset } from '../../src/core/dataset.ts';
import { REPO, SHIPPED_CLAIMS, tempDataset } from '../support/files.ts';

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
    // Pinned: dropping or renaming a claim of the article must fail here.
    expect(claims.map((c) => c.id)).toEqual([
      'reports-10000-troops-in-russia',
      'zelensky-weapons-and-people',
      'euronews-pyongyang-entered-the-war',
      'zelensky-coalition-of-criminals',
      'zelensky-transfer-of-individuals',
      'zelensky-tehran-too',
      'zelensky-tehran-regime-support',
      'kyiv-independent-10000-troops',
      'airborne-brigade-3000-battalion',
      'battalion-kursk-deployment',
      'partisans-mariupol-training',
      'isw-donetsk-contingent',
      'isw-strategic-partnership',
      'isw-putin-commitment',
      'isw-putin-prefers-north-korean-personnel',
    ]);
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
      'claims[3] (id "zelensky-coalition-of-criminals"), field flags[1]: must be one of anonymous-source, secondhand, single-source, outlet-unverified, interested-party',
      'claims[7] (id "kyiv-independent-10000-troops"), field claimant.name: is required',
      'claims[8] (id "airborne-brigade-3000-battalion"), field verdict: must be one of unverified, confirmed, false, misleading, disputed, inconclusive, retracted',
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

  it('treats statements that differ by a final full stop, an accent or an invisible character as duplicates', async () => {
    const error = await problemsFor((dataset) => {
      claim(dataset, 5).statement = `${String(claim(dataset, 4).statement)}.`;
      claim(dataset, 6).statement = String(claim(dataset, 3).statement).replace('e', 'é');
      claim(dataset, 8).statement = String(claim(dataset, 7).statement).replace('Korea', 'Ko\u200brea');
      claim(dataset, 9).statement = String(claim(dataset, 2).statement).replace('entered', 'en\u00adtered');
    });
    expect(error.problems).toEqual([
      'claims[5] (id "zelensky-tehran-too"), field statement: duplicate of claims[4]',
      'claims[6] (id "zelensky-tehran-regime-support"), field statement: duplicate of claims[3]',
      'claims[8] (id "airborne-brigade-3000-battalion"), field statement: duplicate of claims[7]',
      'claims[9] (id "battalion-kursk-deployment"), field statement: duplicate of claims[2]',
    ]);
  });

  it('rejects a tag listed twice', async () => {
    const error = await problemsFor((dataset) => {
      claim(dataset, 0).tags = ['troops', 'troop-numbers', 'troops'];
    });
    expect(error.problems).toEqual(['claims[0] (id "reports-10000-troops-in-russia"), field tags: "troops" is listed twice']);
  });

  it('reports schema errors and duplicates together, in one run', async () => {
    const error = await problemsFor((dataset) => {
      claim(dataset, 1).verdict = 'maybe';
      claim(dataset, 2).id = claim(dataset, 0).id;
    });
    expect(error.problems).toEqual([
      expect.stringMatching(/^claims\[1\] \(id "zelensky-weapons-and-people"\), field verdict: must be one of/),
      'claims[2] (id "reports-10000-troops-in-russia"), field id: duplicate of claims[0]',
    ]);
  });

  it('names the record whose JSON has a key twice, which JSON.parse would silently resolve to the last', async () => {
    const { file, cleanup } = await tempDataset();
    cleanups.push(cleanup);
    const text = await readFile(file, 'utf8');
    // claims[0] says its id twice; the second one copies the id of claims[7].
    await writeFile(file, text.replace('"id":"reports-10000-troops-in-russia"', '"id":"reports-10000-troops-in-russia","id":"kyiv-independent-10000-troops"'));
    const error = (await loadDataset(file).catch((e: unknown) => e)) as DatasetError;
    expect(error.problems).toEqual([
      'claims[0] (id "kyiv-independent-10000-troops"), field id: appears twice in this object; JSON keeps only the last',
      'claims[7] (id "kyiv-independent-10000-troops"), field id: duplicate of claims[0]',
    ]);
  });

  it('accepts a file that starts with a UTF-8 byte order mark', async () => {
    const { file, cleanup } = await tempDataset();
    cleanups.push(cleanup);
    await writeFile(file, `\uFEFF${await readFile(file, 'utf8')}`);
    expect((await loadDataset(file)).claims).toHaveLength(15);
  });

  it('compares times as instants, accepts offsets and keeps them in UTC', async () => {
    const { file, cleanup } = await tempDataset((dataset) => {
      Object.assign(claim(dataset, 0), { createdAt: '2026-11-25T04:00:00.000Z', updatedAt: '2026-11-25T04:00:00Z' });
      Object.assign(claim(dataset, 1), { createdAt: '2026-11-25T06:00:00+02:00', updatedAt: '2026-11-25T05:30:00+01:00' });
    });
    cleanups.push(cleanup);
    const { claims } = await loadDataset(file);
    expect(claims[0]).toMatchObject({ createdAt: '2026-11-25T04:00:00.000Z', updatedAt: '2026-11-25T04:00:00.000Z' });
    expect(claims[1]).toMatchObject({ createdAt: '2026-11-25T04:00:00.000Z', updatedAt: '2026-11-25T04:30:00.000Z' });
  });

  it('rejects an update before creation, and an invalid time with one error of its own', async () => {
    const error = await problemsFor((dataset) => {
      Object.assign(claim(dataset, 0), { createdAt: '2026-11-25T06:00:00+01:00', updatedAt: '2026-11-25T04:59:59Z' });
      Object.assign(claim(dataset, 1), { createdAt: 'yesterday', updatedAt: '2026-11-25T04:00:00Z' });
    });
    expect(error.problems).toEqual([
      'claims[0] (id "reports-10000-troops-in-russia"), field updatedAt: must not be before createdAt',
      'claims[1] (id "zelensky-weapons-and-people"), field createdAt: must be a date and time like 2026-11-25T04:00:00Z',
    ]);
  });

  it('validates input that is not a dataset at all with a sentence, not a crash', () => {
    for (const raw of [null, [], 'claims', { stories: {}, claims: [null, 7] }]) expect(() => parseDataset(raw, 'input.json')).toThrow(DatasetError);
    expect(() => parseDataset({ stories: [], claims: [null] }, 'input.json')).toThrow('claims[0], the record: must be an object');
    expect(() => parseDataset({ claims: [] }, 'input.json')).toThrow('field stories: is required');
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
    expect((error as Error).message).toMatch(new RegExp(`^${file}: invalid dataset .*\\n  - not valid JSON at line 1, column 28: `));
    expect(await readFile(file, 'utf8')).toBe('{"stories": [], "claims": [');
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('counts its problems in the message: one problem, two problems', async () => {
    const one = await problemsFor((dataset) => {
      claim(dataset, 1).verdict = 'maybe';
    });
    expect(one.message).toMatch(/: invalid dataset \(1 problem\)\n {2}- claims\[1\]/);
    expect(one.name).toBe('DatasetError');
    const two = await problemsFor((dataset) => {
      claim(dataset, 1).verdict = 'maybe';
      claim(dataset, 2).verdict = 'maybe';
    });
    expect(two.message).toMatch(/: invalid dataset \(2 problems\)\n {2}- claims\[1\].*\n {2}- claims\[2\]/);
  });

  it('rejects a story id used twice', async () => {
    const error = await problemsFor((dataset) => {
      dataset.stories!.push({ ...(dataset.stories![0] as object), title: 'Another title' });
    });
    expect(error.problems).toEqual(['stories[1] (id "north-korean-troops-in-russia"), field id: duplicate of stories[0]']);
  });

  it('blames a claim without an id or a story for that alone, not as a duplicate or an unknown story', async () => {
    const error = await problemsFor((dataset) => {
      delete claim(dataset, 1).id;
      delete claim(dataset, 2).id;
      delete claim(dataset, 3).story;
    });
    expect(error.problems).toEqual([
      'claims[1], field id: is required',
      'claims[2], field id: is required',
      'claims[3] (id "zelensky-coalition-of-criminals"), field story: is required',
    ]);
  });

  it('checks statements as long as the limit for duplicates, counting them without the spaces around', async () => {
    const longest = `${'troops '.repeat(571)}abc`;
    expect(longest).toHaveLength(4000);
    const error = await problemsFor((dataset) => {
      claim(dataset, 1).statement = longest;
      claim(dataset, 2).statement = ` ${longest} `;
      claim(dataset, 3).verdict = 'maybe';
    });
    expect(error.problems).toEqual([
      expect.stringMatching(/^claims\[3\] .*field verdict: must be one of/),
      'claims[2] (id "euronews-pyongyang-entered-the-war"), field statement: duplicate of claims[1]',
    ]);
  });

  it('blames a claim whose times are out of order together with a field too long, and an invalid update time once', async () => {
    const error = await problemsFor((dataset) => {
      Object.assign(claim(dataset, 0), { createdAt: '2026-11-25T06:00:00Z', updatedAt: '2026-11-25T04:00:00Z', context: 'x'.repeat(501) });
      // Not a time, and before the creation time if compared as text: it gets its own error and no other.
      Object.assign(claim(dataset, 1), { createdAt: '2026-11-25T04:00:00Z', updatedAt: '1 May 2026' });
    });
    expect(error.problems).toEqual([
      'claims[0] (id "reports-10000-troops-in-russia"), field context: must be at most 500 characters',
      'claims[0] (id "reports-10000-troops-in-russia"), field updatedAt: must not be before createdAt',
      'claims[1] (id "zelensky-weapons-and-people"), field updatedAt: must be a date and time like 2026-11-25T04:00:00Z',
    ]);
  });

  it('names the top level and a whole collection when they are not what a dataset holds', () => {
    expect(() => parseDataset([], 'input.json')).toThrow(/\(1 problem\)\n {2}- top level: [^\n]*expected object/);
    expect(() => parseDataset({ stories: 'none', claims: [] }, 'input.json')).toThrow(/\(1 problem\)\n {2}- field stories: [^\n]*$/);
  });

  it('reports a missing file by name', async () => {
    await expect(loadDataset('/nonexistent/claims.json')).rejects.toThrow(/^\/nonexistent\/claims\.json: .*\n {2}- cannot read the file: ENOENT/);
  });
});

describe('reading the file', () => {
  async function problemsOfText(text: string): Promise<string[]> {
    const { file, cleanup } = await tempDataset();
    cleanups.push(cleanup);
    await writeFile(file, text);
    const error = await loadDataset(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    return [...(error as DatasetError).problems];
  }

  it('names where a comment or a trailing comma makes the text not JSON', async () => {
    expect(await problemsOfText('{"stories": [], // none yet\n "claims": []}')).toEqual([expect.stringMatching(/^not valid JSON at line 1, column 17: /)]);
    expect(await problemsOfText('{"stories": [],\n "claims": [],\n}')).toEqual([expect.stringMatching(/^not valid JSON at line 3, column 1: /)]);
  });

  it('refuses a file nested too deep before parsing it, naming the line', async () => {
    const problems = await problemsOfText(`{"stories": [], "claims": ${'['.repeat(200)}${']'.repeat(200)}}`);
    expect(problems).toEqual([expect.stringMatching(/line 1, column \d+/)]);
    expect(problems[0]).not.toMatch(/^not valid JSON/);
  });

  it('finds a key said twice in a nested object, and twice in one object with another object between', async () => {
    const { file, cleanup } = await tempDataset();
    cleanups.push(cleanup);
    const text = await readFile(file, 'utf8');
    const first = text.indexOf('"claimant":{"name":');
    expect(first).toBeGreaterThan(0);
    // claims[0]'s claimant says its name twice, and claims[0] says its id again after its claimant.
    const edited = text
      .replace('"claimant":{"name":', '"claimant":{"name":"Someone else","name":')
      .replace(/("claimant":\{[^}]*\})/, '$1,"id":"reports-10000-troops-in-russia"');
    const problems = await problemsOfText(edited);
    expect(problems).toEqual([
      'claims[0] (id "reports-10000-troops-in-russia"), field claimant.name: appears twice in this object; JSON keeps only the last',
      'claims[0] (id "reports-10000-troops-in-russia"), field id: appears twice in this object; JSON keeps only the last',
    ]);
  });
});
