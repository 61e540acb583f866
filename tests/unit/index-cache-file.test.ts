import { appendFile, mkdir, mkdtemp, open, readdir, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_LAYOUT, type IndexCache, readIndexCache, writeIndexCache } from '../../src/store/index-cache.ts';

// The cache file's own format (index-cache.ts): what a write puts where, and what a read refuses. The store's use of
// it is in index-cache.test.ts and store-cache.test.ts.
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratchFile() {
  const dir = await mkdtemp(join(tmpdir(), 'claimbot-cache-file-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { dir, file: join(dir, 'claimbot-index') };
}

/** A cache whose fields hold typed arrays of every kind at several depths, next to plain values that look like them. */
function cacheOf(fields: Record<string, unknown>): IndexCache {
  return { layout: CACHE_LAYOUT, database: 'instance-1', seq: 7, audit: 'fingerprint', storyTitles: { story: 'A story' }, ...fields } as unknown as IndexCache;
}

/** The header's length, from the file's first four bytes. */
async function headerLength(file: string): Promise<number> {
  const handle = await open(file, 'r');
  const { buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
  await handle.close();
  return buffer.readUInt32LE();
}

const claimsJson = (count: number) => Array.from({ length: count }, (_, n) => Buffer.from(`{"id":"claim-${n}"}`));

describe('the index cache file', () => {
  it('reads back what was written: typed arrays of each kind at any depth, plain arrays, nulls, objects shaped like its own references', async () => {
    const { file } = await scratchFile();
    const postings = Int32Array.from({ length: 50_000 }, (_, n) => n * 3);
    const shelf = {
      ends: Uint32Array.of(1, 2, 3),
      flags: { removed: Uint8Array.of(0, 1), statements: Uint16Array.of(9) },
      weights: Float32Array.of(0.5, 1.25),
      norms: Float64Array.of(Math.PI),
    };
    // Not references: plain objects with some of a reference's fields, or all of them but one of the wrong kind.
    const lookalikes = {
      one: { type: 'Int32Array', length: 3 },
      two: { section: 'first', type: 'Int32Array', length: 3 },
      three: { section: 0, length: 3 },
      four: { section: 0, type: 'Int32Array', length: 'three' },
    };
    const cache = cacheOf({ shelf, search: { postings, ids: ['a', 'b'], nothing: null, lookalikes } });
    const json = claimsJson(2_500);
    await writeIndexCache(file, cache, json);

    const read = (await readIndexCache(file))!;
    expect(read.cache).toEqual(cache);
    expect((read.cache as unknown as { search: { postings: unknown } }).search.postings).toBeInstanceOf(Int32Array);
    expect(read.json.toString()).toBe(Buffer.concat(json).toString());
    // The arrays are sections of their own, not in the header: 200 KB of postings, a header of a few hundred bytes.
    expect(await headerLength(file)).toBeLessThan(2_000);
  });

  it('refuses an array kind it has no section for, naming it, and leaves nothing behind', async () => {
    const { dir, file } = await scratchFile();
    await expect(writeIndexCache(file, cacheOf({ search: { big: BigInt64Array.of(1n) } }), [])).rejects.toThrow('the cache cannot hold a BigInt64Array');
    expect(await readdir(dir)).toEqual([]);
  });

  it('is none when there is no file, and not read when another layout wrote it', async () => {
    const { file } = await scratchFile();
    expect(await readIndexCache(file)).toBeUndefined();
    await writeIndexCache(file, cacheOf({ layout: 'claimbot index cache 3' }), claimsJson(2));
    expect(await readIndexCache(file)).toBeUndefined();
  });

  it('refuses a file cut short or grown, saying how', async () => {
    const { file } = await scratchFile();
    await writeIndexCache(file, cacheOf({ search: { postings: Int32Array.of(1, 2, 3) } }), claimsJson(3));
    await appendFile(file, 'x');
    await expect(readIndexCache(file)).rejects.toThrow('the file does not end where its header says');
    const { size } = await stat(file);
    await truncate(file, size - 1 - 10);
    await expect(readIndexCache(file)).rejects.toThrow('the file ends 10 bytes early');
  });

  it('replaces the old file whole, and leaves no temporary file when it cannot', async () => {
    const { dir, file } = await scratchFile();
    await writeIndexCache(file, cacheOf({ seq: 1 }), claimsJson(1));
    await writeIndexCache(file, cacheOf({ seq: 2 }), claimsJson(1));
    expect((await readIndexCache(file))?.cache.seq).toBe(2);
    expect(await readdir(dir)).toEqual(['claimbot-index']);
    // A folder where the file should go: the rename fails.
    const blocked = join(dir, 'a-folder');
    await mkdir(join(blocked, 'inside'), { recursive: true });
    await expect(writeIndexCache(blocked, cacheOf({ seq: 3 }), claimsJson(1))).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect((await readdir(dir)).sort()).toEqual(['a-folder', 'claimbot-index']);
  });
});
