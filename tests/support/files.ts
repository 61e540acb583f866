import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SHIPPED_CLAIMS = join(REPO, 'data/claims.json');

/** A scratch folder with a copy of the shipped dataset, removed by the returned cleanup. */
export async function tempDataset(edit?: (dataset: Record<string, unknown[]>) => void) {
  const dir = await mkdtemp(join(tmpdir(), 'claimbot-'));
  const file = join(dir, 'claims.json');
  if (edit) {
    const dataset = JSON.parse(await readFile(SHIPPED_CLAIMS, 'utf8')) as Record<string, unknown[]>;
    edit(dataset);
    await writeFile(file, JSON.stringify(dataset, null, 2));
  } else {
    await copyFile(SHIPPED_CLAIMS, file);
  }
  return { dir, file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
