import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/terminal/cli.ts';
import { readImport } from '../../src/exchange/import.ts';
import { planImport } from '../../src/exchange/plan.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { enginesUnderTest } from '../support/postgres.ts';

const TAKEN_DOWN = 'kyiv-independent-10000-troops';
const desk = { id: '600000000000000006', name: 'desk-editor' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimbot-takedown-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(enginesUnderTest())('an import after a takedown ($engine)', ({ scratch }) => {
  /** The CLI in this process, as `claimbot` runs it, on the database under test. */
  async function cli(url: string, ...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { DATABASE_URL: url, CLAIMS_PATH: SHIPPED_CLAIMS }, { out: (text) => out.push(text), err: (text) => err.push(text) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }
  const open = (url: string) => ClaimStore.open({ databaseUrl: url, seedFile: SHIPPED_CLAIMS });

  /** A database seeded with the shipped claims, an export taken then, and the claim taken down after it. */
  async function takenDown(name: string) {
    const database = await scratch();
    const oldExport = join(dir, `${name}.json`);
    expect((await cli(database.url, 'export', '--out', oldExport)).code).toBe(0);
    const store = await open(database.url);
    await store.remove(TAKEN_DOWN, desk, 'legal takedown');
    const [, removal] = await store.history(TAKEN_DOWN);
    await store.close();
    return { ...database, oldExport, removedOn: `${removal!.at.slice(0, 16).replace('T', ' ')} UTC` };
  }

  it('leaves the claim removed, says when and by whom it was removed, and so it stays after a restart', async () => {
    const { url, cleanup, oldExport, removedOn } = await takenDown('old');
    try {
      const skipLine = `: claim "${TAKEN_DOWN}" removed on ${removedOn} by desk-editor: skipped (--restore-removed brings it back)`;
      const dryRun = await cli(url, 'import', oldExport, '--dry-run');
      expect(dryRun.stdout).toContain('Add 0 claims, update 0, skip 15 (14 unchanged, 0 duplicate, 0 older, 1 removed), 0 invalid records.');
      expect(dryRun.stdout).toMatch(new RegExp(`\\n  skip claims\\[\\d+\\]${skipLine.replace(/[()[\]\\.+?]/g, '\\$&')}$`));
      const imported = await cli(url, 'import', oldExport);
      expect(imported).toMatchObject({ code: 0, stderr: 'Imported: 0 added, 0 updated.' });
      expect(imported.stdout).toContain(skipLine);

      const restarted = await open(url);
      try {
        expect(restarted.claim(TAKEN_DOWN)).toBeUndefined();
        expect(restarted.removedClaim(TAKEN_DOWN)?.id).toBe(TAKEN_DOWN);
        expect(restarted.search('kyiv independent 10,000 troops').map((hit) => hit.claim.id)).not.toContain(TAKEN_DOWN);
        expect((await restarted.history(TAKEN_DOWN)).map((entry) => entry.action)).toEqual(['import', 'remove']);
      } finally {
        await restarted.close();
      }
    } finally {
      await cleanup();
    }
  });

  it('brings it back only with --restore-removed, as a restore in its history', async () => {
    const { url, cleanup, oldExport } = await takenDown('restore');
    try {
      const restored = await cli(url, 'import', oldExport, '--restore-removed');
      expect(restored.stdout).toContain('Add 0 claims, update 0, restore 1, skip 14 (14 unchanged, 0 duplicate, 0 older), 0 invalid records.');
      expect(restored.stderr).toBe('Imported: 0 added, 0 updated, 1 restored.');
      const store = await open(url);
      try {
        expect(store.claim(TAKEN_DOWN)?.id).toBe(TAKEN_DOWN);
        expect((await store.history(TAKEN_DOWN)).map((entry) => [entry.action, entry.actor.name])).toEqual([
          ['import', `seed file ${SHIPPED_CLAIMS}`],
          ['remove', 'desk-editor'],
          ['restore', 'import of restore.json'],
        ]);
      } finally {
        await store.close();
      }
    } finally {
      await cleanup();
    }
  });

  it('skips the same claimant and statement under another id too (an export without ids, a copy)', async () => {
    const { url, cleanup, oldExport, removedOn } = await takenDown('renamed');
    try {
      const copy = join(dir, 'copy.json');
      const dataset = JSON.parse(await readFile(oldExport, 'utf8')) as { claims: { id: string }[] };
      await writeFile(
        copy,
        JSON.stringify({ ...dataset, claims: dataset.claims.map((claim) => (claim.id === TAKEN_DOWN ? { ...claim, id: 'a-copy-of-it' } : claim)) }),
      );
      const imported = await cli(url, 'import', copy);
      expect(imported.stdout).toMatch(new RegExp(`  skip claims\\[\\d+\\]: claim "${TAKEN_DOWN}" removed on ${removedOn} by desk-editor: skipped`));
      expect(imported.stderr).toBe('Imported: 0 added, 0 updated.');
    } finally {
      await cleanup();
    }
  });

  it('re-checks the plan inside the write: a removal by another process after the plan is not undone', async () => {
    const database = await scratch();
    const planner = await open(database.url);
    const other = await open(database.url);
    try {
      const before = planner.claim(TAKEN_DOWN)!;
      const edited = { ...before, verdict: 'false' as const, updatedAt: '2026-12-01T00:00:00.000Z' };
      const incoming = readImport(JSON.stringify({ stories: planner.stories, claims: [edited] }), 'edit.json');
      const plan = planImport({ ...planner.dataset(), removed: await planner.removals() }, incoming);
      expect(plan.update.map(({ after }) => after.id)).toEqual([TAKEN_DOWN]);

      await other.remove(TAKEN_DOWN, desk, 'legal takedown');
      const written = await planner.import(
        { stories: [], claims: [plan.update[0]!.after], planned: new Map([[TAKEN_DOWN, { claim: before, removed: false }]]) },
        { id: 'cli', name: 'import of edit.json' },
      );
      expect(written).toEqual([]);
      expect(planner.removedClaim(TAKEN_DOWN)?.verdict).toBe('unverified');
    } finally {
      await planner.close();
      await other.close();
    }
    const restarted = await open(database.url);
    try {
      expect(restarted.claim(TAKEN_DOWN)).toBeUndefined();
      expect((await restarted.history(TAKEN_DOWN)).map((entry) => entry.action)).toEqual(['import', 'remove']);
    } finally {
      await restarted.close();
      await database.cleanup();
    }
  });
});
