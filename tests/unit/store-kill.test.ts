import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { REPO, SHIPPED_CLAIMS } from '../support/files.ts';
import { scratchDatabase } from '../support/store.ts';

/** Starts a writer, lets it acknowledge `acks` adds, SIGKILLs it, and returns the ids it had acknowledged. */
async function killMidStream(url: string, acks: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests/support/write-stream.ts'), url], { cwd: REPO });
  const acknowledged: string[] = [];
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    acknowledged.push(...lines);
    if (acknowledged.length >= acks) child.kill('SIGKILL');
  });
  const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
  expect(signal).toBe('SIGKILL');
  return acknowledged;
}

describe('a process killed with SIGKILL in the middle of a stream of writes', () => {
  it('restarts with every acknowledged write present and an intact database, three times over', async () => {
    const database = await scratchDatabase();
    try {
      const acknowledged: string[] = [];
      for (const acks of [40, 75, 120]) acknowledged.push(...(await killMidStream(database.url, acks)));
      const store = await ClaimStore.open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS });
      try {
        expect(await store.pragma('integrity_check')).toBe('ok');
        expect(acknowledged.length).toBeGreaterThanOrEqual(40 + 75 + 120);
        expect(acknowledged.filter((id) => !store.claim(id))).toEqual([]);
        // Each claim has its audit row: the claim and its row commit together or not at all.
        const streamed = store.claims.filter((claim) => claim.id.startsWith('streamed-'));
        expect(await store.countAudit()).toBe(store.claims.length);
        expect(streamed.length).toBeGreaterThanOrEqual(acknowledged.length);
      } finally {
        await store.close();
      }
    } finally {
      await database.cleanup();
    }
  }, 60_000);
});
