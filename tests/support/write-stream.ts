// A process that adds claims one after another and prints each id once the store has acknowledged it (committed).
// Usage: node --import tsx tests/support/write-stream.ts <database url>. The kill test SIGKILLs it mid-stream.
import { ClaimStore } from '../../src/store/claim-store.ts';
import { SHIPPED_CLAIMS } from './files.ts';

const store = await ClaimStore.open({ databaseUrl: process.argv[2]!, seedFile: SHIPPED_CLAIMS });
const template = store.claims[0]!;
for (let n = 0; ; n++) {
  const now = new Date().toISOString();
  const id = `streamed-${process.pid}-${n}`;
  await store.add(
    { ...template, id, statement: `Streamed statement ${process.pid} ${n}`, flags: [], createdAt: now, updatedAt: now },
    { id: 'stream', name: 'write stream' },
  );
  process.stdout.write(`${id}\n`);
}
