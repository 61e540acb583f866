import { createHash, randomUUID, type Hash } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ShelfFields } from './claim-shelf.ts';
import type { SearchSnapshot } from '../search/claim-search.ts';

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
  /**
   * That audit entry's fingerprint (`auditFingerprint`): a database restored from a backup, and written past this
   * sequence number since, has another entry at this number, so the cache is not taken for its state.
   */
  audit: string;
  /** The story titles the index was made with (titles are indexed). */
  storyTitles: Record<string, string>;
  shelf: ShelfFields;
  search: SearchSnapshot;
}

export const CACHE_LAYOUT = 'claimbot index cache 4' as const;

/**
 * File layout: the header's length (4 bytes); the header, v8-serialized, with each typed array of the cache
 * replaced by its place among the sections; the sections, each 8-byte aligned: the typed arrays' bytes, then the
 * claims' JSON; then the SHA-256 of all the bytes before it, so a file changed after it was written (by hand, or
 * by a fault) is not served. The arrays (the postings: 26 MB at 100,000 claims) are read straight into arrays of
 * their own, with no copy and no deserializing.
 */
const LENGTH_BYTES = 4;
const CHECKSUM_BYTES = 32;
/** Owner-only: the cache holds every claim, removed ones included. */
const FILE_MODE = 0o600;
const ALIGN = 8;
/** Claims' JSON written per system call. */
const WRITE_BATCH = 1000;

const ARRAY_TYPES = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Float32Array, Float64Array };
type ArrayType = keyof typeof ARRAY_TYPES;
type TypedArray = InstanceType<(typeof ARRAY_TYPES)[ArrayType]>;
/** Where a typed array of the cache is in the file. */
interface SectionRef {
  section: number;
  type: ArrayType;
  length: number;
}
/** The claims' JSON: the last section, and its length. */
interface Header {
  cache: unknown;
  sections: { type: ArrayType; length: number }[];
  jsonLength: number;
}

export async function writeIndexCache(file: string, cache: IndexCache, json: readonly Uint8Array[]): Promise<void> {
  const arrays: TypedArray[] = [];
  const header: Header = { cache: lift(cache, arrays), sections: arrays.map(sectionOf), jsonLength: json.reduce((sum, part) => sum + part.length, 0) };
  const headerBytes = serialize(header);
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32LE(headerBytes.length);
  // Written aside (a name of its own: two stores may save at once), then renamed over the old file: a reader sees
  // the old cache or the new one, never half of one.
  const temporary = `${file}.${randomUUID()}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(temporary, 'w', FILE_MODE);
  const checksum = createHash('sha256');
  const write = (buffers: readonly Uint8Array[]) => {
    for (const buffer of buffers) checksum.update(buffer);
    return handle.writev(buffers);
  };
  try {
    let position = LENGTH_BYTES + headerBytes.length;
    await write([length, headerBytes]);
    for (const array of arrays) {
      await write([Buffer.alloc(padTo(position) - position), Buffer.from(array.buffer, array.byteOffset, array.byteLength)]);
      position = padTo(position) + array.byteLength;
    }
    await write([Buffer.alloc(padTo(position) - position)]);
    for (let i = 0; i < json.length; i += WRITE_BATCH) await write(json.slice(i, i + WRITE_BATCH));
    await handle.write(checksum.digest());
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
 * Throws when it cannot be read, or its bytes are not those it was written with.
 */
export async function readIndexCache(file: string): Promise<{ cache: IndexCache; json: Buffer } | undefined> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!handle) return undefined;
  try {
    const checksum = createHash('sha256');
    const length = Buffer.alloc(LENGTH_BYTES);
    await readFully(handle, length, 0, checksum);
    const headerBytes = Buffer.alloc(length.readUInt32LE());
    await readFully(handle, headerBytes, LENGTH_BYTES, checksum);
    const header = deserialize(headerBytes) as Header;
    if ((header.cache as Partial<IndexCache>).layout !== CACHE_LAYOUT) return undefined;
    let position = LENGTH_BYTES + headerBytes.length;
    const arrays: TypedArray[] = [];
    for (const { type, length: count } of header.sections) {
      const array = new ARRAY_TYPES[type](count);
      checksum.update(Buffer.alloc(padTo(position) - position));
      position = padTo(position);
      await readFully(handle, Buffer.from(array.buffer), position, checksum);
      position += array.byteLength;
      arrays.push(array);
    }
    const json = Buffer.allocUnsafe(header.jsonLength);
    checksum.update(Buffer.alloc(padTo(position) - position));
    await readFully(handle, json, padTo(position), checksum);
    const written = Buffer.alloc(CHECKSUM_BYTES);
    await readFully(handle, written, padTo(position) + json.length);
    if ((await handle.stat()).size !== padTo(position) + json.length + CHECKSUM_BYTES) throw new Error('the file does not end where its header says');
    if (!checksum.digest().equals(written)) throw new Error('the file is not as it was written: its checksum does not match its content');
    return { cache: lower(header.cache, arrays) as IndexCache, json };
  } finally {
    await handle.close();
  }
}

/** `value` with each typed array in it (in plain objects, at any depth) replaced by a SectionRef, the array added to `arrays`. */
function lift(value: unknown, arrays: TypedArray[]): unknown {
  if (isTypedArray(value)) return { section: arrays.push(value) - 1, type: sectionOf(value).type, length: value.length } satisfies SectionRef;
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, lift(field, arrays)]));
}

/** The reverse of `lift`. */
function lower(value: unknown, arrays: readonly TypedArray[]): unknown {
  if (!isPlainObject(value)) return value;
  if (typeof value.section === 'number' && typeof value.type === 'string' && typeof value.length === 'number') return arrays[value.section];
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, lower(field, arrays)]));
}

function sectionOf(array: TypedArray): { type: ArrayType; length: number } {
  const type = Object.keys(ARRAY_TYPES).find((name) => array.constructor === ARRAY_TYPES[name as ArrayType]) as ArrayType | undefined;
  if (!type) throw new Error(`the cache cannot hold a ${array.constructor.name}`);
  return { type, length: array.length };
}

function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

const padTo = (position: number): number => Math.ceil(position / ALIGN) * ALIGN;

/** Reads `buffer.length` bytes at `position`, adding them to `checksum` when given. */
async function readFully(handle: FileHandle, buffer: Buffer, position: number, checksum?: Hash): Promise<void> {
  let read = 0;
  while (read < buffer.length) {
    const { bytesRead } = await handle.read(buffer, read, buffer.length - read, position + read);
    if (bytesRead === 0) throw new Error(`the file ends ${buffer.length - read} bytes early`);
    read += bytesRead;
  }
  checksum?.update(buffer);
}
