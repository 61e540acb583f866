import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO } from './files.ts';

/**
 * A share the README promises ("… 50 % or more …"), as a fraction; `pattern` holds the words around it, which say
 * which bar it is, and captures the percentage. Undefined when the README no longer says it that way.
 */
export async function documentedShare(pattern: RegExp): Promise<number | undefined> {
  const readme = (await readFile(join(REPO, 'README.md'), 'utf8')).replace(/\s+/g, ' ');
  const percent = pattern.exec(readme)?.[1];
  return percent === undefined ? undefined : Number(percent) / 100;
}
