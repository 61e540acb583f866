import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { REPO } from './files.ts';

/**
 * Another process that takes the SQLite file's write lock (`BEGIN IMMEDIATE`) and holds it until released: what
 * `claimbot import`, a backup tool or an operator's `sqlite3` shell in a transaction does to a running bot.
 */
const HOLDER = `
import { createClient } from '@libsql/client';
const client = createClient({ url: process.argv[1] });
const transaction = await client.transaction('write');
console.log('locked');
process.stdin.once('data', async () => {
  await transaction.commit();
  client.close();
  console.log('released');
});
`;

export interface HeldLock {
  /** Ends the other process's transaction (nothing was written in it) and waits for that process to exit. */
  release(): Promise<void>;
}

/** Resolves once another process holds the write lock of the SQLite database at `url` (`file:…`). */
export async function holdWriteLock(url: string): Promise<HeldLock> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', HOLDER, url], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const exited = once(child, 'exit');
  const [first] = (await Promise.race([once(lines, 'line'), exited.then(() => ['exited'])])) as string[];
  if (first !== 'locked') throw new Error(`the lock holder did not take the lock (${first})`);
  return {
    release: async () => {
      if (child.exitCode === null) child.stdin.end('release\n');
      await exited;
    },
  };
}
