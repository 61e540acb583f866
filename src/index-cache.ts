import { randomUUID } from 'node:crypto';
import { open, rename, rm, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ShelfFields } from './claim-shelf.ts';
import type { SearchSnapshot } from './search/claim-search.ts';

/**
 * The store's claims and search index as of one audit sequence number, saved in a file so that a restart reads
 * them back instead of parsing every claim and indexing it again (100,000 claims: about 9 s of CPU). A cache:
 * the database stays the truth; a missing, stale or unreadable file only means a slower start.
 */
export interface IndexCache {
  /** What the file holds, and how: a file of another layout (another version of claimbot) is not read. */
  layout: typeof CACHE_LAYOUT;
  /** The database it was made from (its instance id) and the last audit entry it includes. */
  database: string;
  seq: number;
  /** The story titles the index was made with (titles are indexed). */
  storyTitles: Record<string, string>;
  shelf: ShelfFields;
  search: SearchSnapshot;
}

export const CACHE_LAYOUT = 'claimbot index cache 2' as const;

/** File layout: the header's length (4 bytes), the header (everything but the claims' JSON, v8-serialized), the JSON. */
const LENGTH_BYTES = 4;
/** Claims' JSON written per system call. */
const WRITE_BATCH = 1000;

export async function writeIndexCache(file: string, cache: IndexCache, json: readonly Uint8Array[]): Promise<void> {
  const header = serialize(cache);
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32LE(header.length);
  // Written aside (a name of its own: two stores may save at once), then renamed over the old file: a reader sees
  // the old cache or the new one, never half of one.
  const temporary = `${file}.${randomUUID()}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(temporary, 'w');
  try {
    await handle.writev([length, header]);
    for (let i = 0; i < json.length; i += WRITE_BATCH) await handle.writev(json.slice(i, i + WRITE_BATCH));
  } finally {
    await handle.close();
  }
  await rename(temporary, file).catch(async (error: unknown) => {
    await rm(temporary, { force: true });
    throw error;
  });
}

/**
 * The cache in `file` and its claims' JSON end to end; undefined when there is none, or one of another layout.
 * Throws when it cannot be read.
 */
export async function readIndexCache(file: string): Promise<{ cache: IndexCache; json: Buffer } | undefined> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    const length = Buffer.alloc(LENGTH_BYTES);
    await readFully(handle, length, 0);
    const header = Buffer.alloc(length.readUInt32LE());
    await readFully(handle, header, LENGTH_BYTES);
    const cache = deserialize(header) as IndexCache;
    if (cache.layout !== CACHE_LAYOUT) return undefined;
    // The JSON in its own buffer: the claims keep views into it, and the header's bytes can go.
    const json = Buffer.allocUnsafe(size - LENGTH_BYTES - header.length);
    await readFully(handle, json, LENGTH_BYTES + header.length);
    if (json.length !== (cache.shelf.ends.at(-1) ?? 0)) throw new Error(`the claims end at byte ${json.length}, not ${cache.shelf.ends.at(-1)}`);
    return { cache, json };
  } finally {
    await handle.close();
  }
}

async function readFully(handle: Awaited<ReturnType<typeof open>>, buffer: Buffer, position: number): Promise<void> {
  let read = 0;
  while (read < buffer.length) {
    const { bytesRead } = await handle.read(buffer, read, buffer.length - read, position + read);
    if (bytesRead === 0) throw new Error(`the file ends ${buffer.length - read} bytes early`);
    read += bytesRead;
  }
}
