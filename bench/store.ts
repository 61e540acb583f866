// The claim store at newsroom scale: first import, restart, and moderator writes, on SQLite.
// Usage: node --import tsx bench/store.ts [claims=10000] [writes=500]
import { join } from 'node:path';
import { loadDataset } from '../src/core/dataset.ts';
import { ClaimStore } from '../src/store/claim-store.ts';
import { datasetFile, SHIPPED_CLAIMS } from '../tests/support/files.ts';
import { latency } from './stats.ts';
import { withDistractors } from './synthetic/index.ts';

const [claimsArg = '10000', writesArg = '500'] = process.argv.slice(2);
const dataset = withDistractors(await loadDataset(SHIPPED_CLAIMS), Number(claimsArg) - 15);
const { dir, file, cleanup } = await datasetFile(dataset);
const options = { databaseUrl: `file:${join(dir, 'claimbot.db')}`, seedFile: file };
const moderator = { id: 'bench', name: 'bench' };

let start = performance.now();
await (await ClaimStore.open(options)).close();
const importMs = performance.now() - start;

start = performance.now();
const store = await ClaimStore.open(options);
const restartMs = performance.now() - start;

// One re-rate at a time, as moderators make them: read, validate, write claim + audit row, commit (fsync), re-index.
const ids = store.claims.map((claim) => claim.id);
const writes: number[] = [];
for (let i = 0; i < Number(writesArg); i++) {
  const began = performance.now();
  await store.update(ids[i % ids.length]!, moderator, 'verdict', (claim) => ({ ...claim, verdict: i % 2 ? 'disputed' : 'false' }), 'bench');
  writes.push(performance.now() - began);
}

// 200 adds at once, as a burst from many moderators (or an import by hand): all must land.
const template = store.claims[0]!;
start = performance.now();
await Promise.all(
  Array.from({ length: 200 }, (_, i) => {
    const now = new Date().toISOString();
    return store.add({ ...template, id: `burst-${i}`, statement: `Burst statement ${i}`, flags: [], createdAt: now, updatedAt: now }, moderator);
  }),
);
const burstMs = performance.now() - start;
const audit = await store.countAudit();
await store.close();
await cleanup();

const round = (ms: number) => Math.round(ms * 100) / 100;
const write = latency(writes);
console.log(
  JSON.stringify({
    claims: dataset.claims.length,
    importMs: round(importMs),
    restartMs: round(restartMs),
    write: { p50: round(write.p50), p95: round(write.p95), p99: round(write.p99) },
    burst200Ms: round(burstMs),
    auditRows: audit,
  }),
);
