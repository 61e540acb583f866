import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder, found from the code rather than the working directory, so `npx claimbot` works anywhere.
 * Found by looking up for package.json: this module runs from `src/core/` under tsx and from `dist/` when bundled.
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ROOT = projectRoot();

/** The bundled dataset. */
export const DEFAULT_CLAIMS_PATH = join(ROOT, 'data/claims.json');

/** `file:data/claimbot.db` beside the code, so the CLI finds the bot's database from any folder. */
export const DEFAULT_DATABASE_URL = `file:${join(ROOT, 'data/claimbot.db')}`;

/** SQLite (libsql, `file:` URLs, the default) or PostgreSQL (`postgres://`, for several processes sharing one set of claims). */
export type Engine = 'sqlite' | 'postgres';

/** The engine a DATABASE_URL selects, or undefined for one claimbot cannot use. */
export function engineOf(url: string): Engine | undefined {
  if (/^file:./.test(url)) return 'sqlite';
  if (/^postgres(ql)?:\/\/./.test(url)) return 'postgres';
  return undefined;
}
