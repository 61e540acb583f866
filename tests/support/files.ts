import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SHIPPED_CLAIMS = join(REPO, 'data/claims.json');

/** A scratch folder holding `dataset` as claims.json, removed by the returned cleanup. */
export async function datasetFile(dataset: unknown) {
  const dir = await mkdtemp(join(tmpdir(), 'claimbot-'));
  const file = join(dir, 'claims.json');
  await writeFile(file, JSON.stringify(dataset));
  return { dir, file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A scratch copy of the shipped dataset, changed by `edit` first when given. */
export async function tempDataset(edit?: (dataset: Record<string, unknown[]>) => void) {
  const dataset = JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as Record<string, unknown[]>;
  edit?.(dataset);
  return datasetFile(dataset);
}

/**
 * The node arguments `npm start` runs the built bot with (its flags, then the bundle that bin/run-built.js runs after
 * the build check), read from package.json so tests and the benchmark run exactly that.
 */
export async function startArguments(): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const flags = /^node ((?:--\S+ )*)bin\/run-built\.js main$/.exec(scripts.start)?.[1];
  if (flags === undefined) throw new Error(`package.json's start script is not "node [--flags] bin/run-built.js main": ${scripts.start}`);
  return [...flags.split(' ').filter(Boolean), 'dist/main.js'];
}
