import { isDeepStrictEqual } from 'node:util';
import { ClaimShelf } from './claim-shelf.ts';
import { loadDataset } from '../core/dataset.ts';
import { RefusedError } from '../core/errors.ts';
import { type CachedClaims, StoreCache } from './store-cache.ts';
import type { Claim, Dataset, Story, Verdict } from '../core/schema.ts';
import { ClaimSearch, type SearchHit, type SearchOptions } from '../search/claim-search.ts';
import { checkClaim } from '../core/validate-claim.ts';
import type { AuditAction, AuditEntry, ClaimWrite, StoredClaim } from './claim-table.ts';
import { ClaimDatabase } from './database.ts';
import type { RequestTable } from './request-table.ts';
import type { SummaryTable } from './summary-table.ts';
import type { Actor } from './tables.ts';
import { ChangeFeed } from './change-feed.ts';
import { createLogger, type Logger } from '../core/log.ts';
import { ChangePoll } from './change-poll.ts';
import { auditFingerprint } from './audit-fingerprint.ts';

type Decide = (read: (id: string) => Promise<StoredClaim | undefined>) => Promise<{ stories?: Story[]; claims: ClaimWrite[] }>;

export type { AuditEntry } from './claim-table.ts';
export type { Actor } from './tables.ts';

/** Told of every change after it is durable: the audit entry, with the claim as it is now. */
export type ChangeListener = (change: AuditEntry) => void;

export interface StoreOptions {
  /** `file:…` (SQLite) or `postgres://…` (PostgreSQL: the store then follows other processes' writes too). */
  databaseUrl: string;
  /** Imported, validated, when the database is empty. */
  seedFile: string;
  /** Where a lost connection to the database is told. Default: warnings and errors on stderr. */
  log?: Logger;
  /**
   * Where the claims and their search index are cached between starts (`index-cache.ts`). Default: beside a SQLite
   * database file; `.cache` in the working folder for PostgreSQL. `false`: no cache, every start builds the index.
   */
  cacheDir?: string | false;
}

/** Claims a new statement is compared with, found by search: comparing it with all 100,000 would take a second. */
const LOOKALIKES = 10;

/**
 * The claims the bot serves. The database holds them and their audit trail; memory holds a copy (as JSON, parsed
 * when read) and the search index, which follow every change without a rebuild. Writes are validated, run one at
 * a time, and resolve only once committed (durable); then listeners hear of them.
 */
export class ClaimStore {
  private readonly storiesById = new Map<string, Story>();
  private readonly listeners = new Set<ChangeListener>();
  private writes: Promise<unknown> = Promise.resolve();
  /** Other processes' writes, on Postgres. */
  private feed: ChangeFeed | undefined;
  /** Other processes' writes, on SQLite. */
  private poll: ChangePoll | undefined;
  /** The cache file, and the last audit entry it holds. */
  private cache: StoreCache | undefined;
  /** The fingerprint of the last audit entry applied (`auditFingerprint`): what a saved cache proves it holds. */
  private lastAudit: string | undefined;
  /** Where the claims and their index came from at startup: the cache file (then the changes since), or the database. */
  loadedFrom: 'cache' | 'database' = 'database';

  private constructor(
    private readonly database: ClaimDatabase,
    stories: readonly Story[],
    private readonly shelf: ClaimShelf,
    private readonly index: ClaimSearch,
    /** The last audit entry this process has applied. */
    public lastSeq: number,
  ) {
    for (const story of stories) this.storiesById.set(story.id, story);
  }

  /**
   * Opens the database; an empty one is first filled from the seed file (validated; a bad one throws a DatasetError).
   * The claims and their index come from the cache when it is there, with the changes made since applied; else from
   * the database, and the cache is saved for the next start.
   */
  static async open({ databaseUrl, seedFile, log = createLogger('warn'), cacheDir }: StoreOptions): Promise<ClaimStore> {
    const database = await ClaimDatabase.open(databaseUrl, log);
    try {
      if (await database.claims.isEmpty()) {
        const seed = await loadDataset(seedFile);
        await database.claims.write({ id: 'seed', name: `seed file ${seedFile}` }, async (read) => {
          // Shard processes start together: one of them seeds, the others find its claims once they get the lock.
          if (seed.claims[0] && (await read(seed.claims[0].id))) return { claims: [] };
          return { stories: seed.stories, claims: seed.claims.map((claim) => ({ action: 'import', claim, removed: false })) };
        });
      }
      const stories = await database.claims.readStories();
      const instance = await database.instanceId();
      const file = StoreCache.fileFor(database, instance, cacheDir);
      const cached = file === undefined ? undefined : await StoreCache.read(database, stories, file, instance, log);
      const store = cached ? ClaimStore.fromCache(database, stories, cached) : await ClaimStore.fromDatabase(database, stories);
      if (file) store.cache = new StoreCache(file, instance, cached ? cached.seq : -1, log);
      await store.catchUp();
      if (database.engine === 'postgres') {
        store.feed = await ChangeFeed.start({ url: databaseUrl, catchUp: () => store.catchUp(), log });
      } else {
        store.poll = ChangePoll.start({ lastSeq: () => database.claims.lastSeq(), applied: () => store.lastSeq, catchUp: () => store.catchUp(), log });
      }
      // Built from the database: saved now (the file written in the background), so that the next start reads it.
      if (store.loadedFrom === 'database') void store.saveCache();
      return store;
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  /** The store as the cache file had it (`StoreCache.read`); `catchUp` then applies the changes made since. */
  private static fromCache(database: ClaimDatabase, stories: readonly Story[], cached: CachedClaims): ClaimStore {
    const store = new ClaimStore(database, stories, cached.shelf, cached.index, cached.seq);
    store.lastAudit = cached.audit;
    store.loadedFrom = 'cache';
    return store;
  }

  /** Every claim read and indexed anew: the first start, or when the cache cannot be used. */
  private static async fromDatabase(database: ClaimDatabase, stories: readonly Story[]): Promise<ClaimStore> {
    const { claims, lastSeq } = await database.claims.readAll();
    const shelf = new ClaimShelf();
    for (const { claim, removed } of claims) shelf.put(claim, removed);
    const live = claims.filter((stored) => !stored.removed).map((stored) => stored.claim);
    const store = new ClaimStore(database, stories, shelf, new ClaimSearch(live, stories, shelf.reader()), lastSeq);
    store.lastAudit = await database.claims.auditFingerprint(lastSeq);
    return store;
  }

  /** Saves the claims and the index for the next start (`StoreCache.save`); nothing without a cache file. */
  private saveCache(): Promise<void> {
    if (!this.cache) return Promise.resolve();
    return this.cache.save({ seq: this.lastSeq, audit: this.lastAudit, shelf: this.shelf, index: this.index, stories: this.stories });
  }

  async close(): Promise<void> {
    await this.feed?.close();
    await this.poll?.close();
    await this.writes.catch(() => undefined);
    await this.saveCache();
    await this.database.close();
  }

  /** Readers' requests to the desk. */
  get requests(): RequestTable {
    return this.database.requests;
  }

  /** The pinned summaries' records. */
  get summaries(): SummaryTable {
    return this.database.summaries;
  }

  /** Where the claims live (`DATABASE_URL`). */
  get databaseUrl(): string {
    return this.database.url;
  }

  /** How many audit entries there are: one per change ever committed. */
  countAudit(): Promise<number> {
    return this.database.claims.countAudit();
  }

  /** A SQLite setting or check, for the durability tests and operators. */
  pragma(...args: Parameters<ClaimDatabase['pragma']>): Promise<unknown> {
    return this.database.pragma(...args);
  }

  /** The server's process id of the connection that listens for other processes' writes (Postgres), while connected. */
  get listenerPid(): number | undefined {
    return this.feed?.backendPid;
  }

  /** Applies every change in the database that this process has not applied yet (written by another process). */
  async catchUp(): Promise<void> {
    await this.applyAll(await this.database.claims.changesSince(this.lastSeq));
  }

  /** The claims in search, in no particular order, each read whole: for exports and tests (`claimCount` to count them). */
  get claims(): readonly Claim[] {
    return [...this.shelf.claims()];
  }

  get claimCount(): number {
    return this.shelf.size;
  }

  /** The claims in search of one story. */
  claimsOf(story: string): Claim[] {
    return [...this.shelf.claims({ story })];
  }

  /** The claims in search most recently updated, newest first: what an empty search offers. */
  newest(limit: number, filters: { verdict?: Verdict; story?: string } = {}): Claim[] {
    return this.shelf.newest(limit, filters);
  }

  /** The claims whose statement is this one or repeats much of it: the few a new claim could duplicate. */
  lookalikes(statement: string): Claim[] {
    const same = this.shelf.statementOwner(statement);
    const similar = this.index.search(statement, { mode: 'message', limit: LOOKALIKES }).map((hit) => hit.claim);
    return same ? [this.claim(same)!, ...similar] : similar;
  }

  get stories(): readonly Story[] {
    return [...this.storiesById.values()];
  }

  /** A claim in search by id. */
  claim(id: string): Claim | undefined {
    return this.shelf.live(id);
  }

  /** A removed claim by id: out of search, kept for `restore`. */
  removedClaim(id: string): Claim | undefined {
    return this.shelf.removed(id);
  }

  get removedClaims(): readonly Claim[] {
    return [...this.shelf.claims({ removed: true })];
  }

  /** The removed claims, each with when and by whom it was removed: what an import must not silently bring back. */
  async removals(): Promise<{ claim: Claim; removal: { at: string; by: string } }[]> {
    const removals = await this.database.claims.removals();
    return this.removedClaims.map((claim) => ({ claim, removal: removals.get(claim.id) ?? { at: 'an unknown time', by: 'someone unknown' } }));
  }

  story(id: string): Story | undefined {
    return this.storiesById.get(id);
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    return this.index.search(query, options);
  }

  /** The live claims and their stories (or one story and its claims), as a dataset file holds them, sorted by id. */
  dataset(story?: string): Dataset {
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const stories = this.stories.filter((candidate) => story === undefined || candidate.id === story);
    const claims = this.claims.filter((claim) => story === undefined || claim.story === story);
    return { stories: stories.sort(byId), claims: claims.sort(byId) };
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds a new claim; its id must be free. `reason` goes into the audit ("drafted from Euronews https://…"). */
  async add(claim: Claim, actor: Actor, reason?: string): Promise<Claim> {
    const [entry] = await this.commit(actor, async (read) => {
      if (await read(claim.id)) throw new RefusedError({ kind: 'claim-id-taken', id: claim.id });
      return { claims: [{ action: 'add', claim: this.checked(claim), removed: false, reason }] };
    });
    return entry!.after;
  }

  /**
   * Changes a claim in search: `change` gets the claim as the database has it now (so two moderators'
   * edits never overwrite each other) and returns the new version, which is validated before it is saved.
   */
  async update(
    id: string,
    actor: Actor,
    action: Extract<AuditAction, 'edit' | 'verdict' | 'flag'>,
    change: (claim: Claim) => Claim,
    reason?: string,
  ): Promise<Claim> {
    const [entry] = await this.commit(actor, async (read) => {
      const current = await read(id);
      if (!current || current.removed) throw new RefusedError(current ? { kind: 'claim-removed', id } : { kind: 'no-claim', id });
      const next = change(current.claim);
      if (next.id !== id) throw new Error(`an update may not change the id (${id} → ${next.id})`);
      return { claims: [{ action, claim: this.checked({ ...next, updatedAt: laterOf(new Date().toISOString(), next.createdAt) }), removed: false, reason }] };
    });
    return entry!.after;
  }

  /** Takes a claim out of search. It stays in the database, and `restore` brings it back. */
  async remove(id: string, actor: Actor, reason: string): Promise<Claim> {
    const [entry] = await this.commit(actor, async (read) => {
      const current = await read(id);
      if (!current || current.removed) throw new RefusedError(current ? { kind: 'claim-already-removed', id } : { kind: 'no-claim', id });
      return { claims: [{ action: 'remove', claim: current.claim, removed: true, reason }] };
    });
    return entry!.after;
  }

  async restore(id: string, actor: Actor, reason?: string): Promise<Claim> {
    const [entry] = await this.commit(actor, async (read) => {
      const current = await read(id);
      if (!current?.removed) throw new RefusedError(current ? { kind: 'claim-not-removed', id } : { kind: 'no-claim', id });
      return { claims: [{ action: 'restore', claim: this.checked(current.claim), removed: false, reason }] };
    });
    return entry!.after;
  }

  /**
   * Adds or replaces many claims (and the stories they need) in one transaction: all or nothing. With `planned` (the
   * state an import plan found each claim in: undefined for none), the plan is checked again inside the transaction:
   * a claim whose state differs now (removed, restored, changed or added by someone meanwhile) is not written, so a
   * removal between the plan and the write is never undone. A claim planned as removed is written as a `restore`.
   */
  async import(
    data: { stories: readonly Story[]; claims: readonly Claim[]; planned?: ReadonlyMap<string, StoredClaim | undefined> },
    actor: Actor,
    reason?: string,
  ): Promise<AuditEntry[]> {
    for (const story of data.stories) this.storiesById.set(story.id, story);
    const { planned } = data;
    return this.commit(actor, async () => ({
      stories: [...data.stories],
      claims: data.claims
        .filter((claim) => !planned || sameState(this.stored(claim.id), planned.get(claim.id)))
        .map((claim): ClaimWrite => ({ action: planned?.get(claim.id)?.removed ? 'restore' : 'import', claim: checkClaim(claim), removed: false, reason })),
    }));
  }

  /** A claim as this process has it: inside a write, what the database holds (other processes' changes applied first). */
  private stored(id: string): StoredClaim | undefined {
    const live = this.shelf.live(id);
    if (live) return { claim: live, removed: false };
    const removed = this.shelf.removed(id);
    return removed && { claim: removed, removed: true };
  }

  /** Who changed what, when, oldest first. */
  history(id: string): Promise<AuditEntry[]> {
    return this.database.claims.history(id);
  }

  /** Applies a change written by this or another process (or missed while away), then tells the listeners. */
  apply(entry: AuditEntry): void {
    if (entry.seq <= this.lastSeq) return;
    this.lastSeq = entry.seq;
    this.lastAudit = auditFingerprint({ seq: entry.seq, at: entry.at, actorId: entry.actor.id, action: entry.action, claimId: entry.claimId });
    const { after: claim } = entry;
    // Out of the index first: it reads the claim as it indexed it from the shelf, which still has it.
    this.index.remove(claim.id);
    this.shelf.put(claim, entry.removed);
    if (!entry.removed) this.index.add(claim);
    for (const listener of this.listeners) listener(entry);
  }

  /** Applies entries in sequence order; a story another process added is read first, so its claims find it. */
  private async applyAll(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.some((entry) => !this.storiesById.has(entry.after.story))) {
      for (const story of await this.database.claims.readStories()) this.storiesById.set(story.id, story);
    }
    for (const entry of entries) this.apply(entry);
  }

  /**
   * One write at a time in this process: each sees the one before it, and none waits on a lock. Inside the
   * transaction, what other processes wrote first is applied before `decide` checks the claim against the others.
   */
  private commit(actor: Actor, decide: Decide): Promise<AuditEntry[]> {
    const run = async () => {
      const entries = await this.database.claims.write(
        actor,
        async (read, missed) => {
          await this.applyAll(missed);
          return decide(read);
        },
        this.lastSeq,
      );
      for (const entry of entries) this.apply(entry);
      return entries;
    };
    const result = this.writes.then(run, run);
    this.writes = result.catch(() => undefined);
    return result;
  }

  /** The schema, and what one claim must agree on with the others: a known story and a statement of its own. */
  private checked(claim: Claim): Claim {
    const valid = checkClaim(claim);
    if (!this.storiesById.has(valid.story)) throw new RefusedError({ kind: 'no-story', story: valid.story });
    const owner = this.shelf.statementOwner(valid.statement);
    if (owner && owner !== valid.id) throw new RefusedError({ kind: 'statement-taken', owner });
    return valid;
  }
}

function sameState(now: StoredClaim | undefined, planned: StoredClaim | undefined): boolean {
  return now === undefined || planned === undefined ? now === planned : now.removed === planned.removed && isDeepStrictEqual(now.claim, planned.claim);
}

/** An update is never dated before the claim's creation, even when a clock (or an imported date) runs ahead. */
function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
