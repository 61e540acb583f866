import { loadDataset } from './dataset.ts';
import { UserError } from './errors.ts';
import { comparableText, type Claim, type Dataset, type Story } from './schema.ts';
import { ClaimSearch, type SearchHit, type SearchOptions } from './search/claim-search.ts';
import { checkClaim } from './claim-check.ts';
import { ClaimDatabase, type Actor, type AuditAction, type AuditEntry, type ClaimWrite, type StoredClaim } from './database.ts';
import { ChangeFeed } from './database-events.ts';
import { createLogger, type Logger } from './log.ts';

type Decide = (read: (id: string) => Promise<StoredClaim | undefined>) => Promise<{ stories?: Story[]; claims: ClaimWrite[] }>;

export type { Actor, AuditEntry } from './database.ts';

/** Told of every change after it is durable: the audit entry, with the claim as it is now. */
export type ChangeListener = (change: AuditEntry) => void;

export interface StoreOptions {
  /** `file:…` (SQLite) or `postgres://…` (PostgreSQL: the store then follows other processes' writes too). */
  databaseUrl: string;
  /** Imported, validated, when the database is empty. */
  seedFile: string;
  /** Where a lost connection to the database is told. Default: warnings and errors on stderr. */
  log?: Logger;
}

/**
 * The claims the bot serves. The database holds them and their audit trail; memory holds a copy and the search
 * index, which follow every change without a rebuild. Writes are validated, run one at a time, and resolve only
 * once committed (durable); then listeners hear of them.
 */
export class ClaimStore {
  private readonly live = new Map<string, Claim>();
  private readonly removed = new Map<string, Claim>();
  private readonly storiesById = new Map<string, Story>();
  private readonly listeners = new Set<ChangeListener>();
  /** Which live claim has a statement (in comparable form): statements are unique. */
  private readonly statementOwners = new Map<string, string>();
  private index: ClaimSearch;
  private liveList: Claim[] | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  /** Other processes' writes, on Postgres. */
  private feed: ChangeFeed | undefined;
  /** The last audit entry this process has applied. */
  lastSeq = 0;

  private constructor(
    readonly database: ClaimDatabase,
    stories: readonly Story[],
    claims: readonly StoredClaim[],
    lastSeq: number,
  ) {
    for (const story of stories) this.storiesById.set(story.id, story);
    for (const { claim, removed } of claims) {
      if (removed) this.removed.set(claim.id, claim);
      else this.setLive(claim);
    }
    this.index = new ClaimSearch([...this.live.values()], stories);
    this.lastSeq = lastSeq;
  }

  /** Opens the database; an empty one is first filled from the seed file (validated; a bad one throws a DatasetError). */
  static async open({ databaseUrl, seedFile, log = createLogger('warn') }: StoreOptions): Promise<ClaimStore> {
    const database = await ClaimDatabase.open(databaseUrl, log);
    try {
      if (await database.isEmpty()) {
        const seed = await loadDataset(seedFile);
        await database.write({ id: 'seed', name: `seed file ${seedFile}` }, async (read) => {
          // Shard processes start together: one of them seeds, the others find its claims once they get the lock.
          if (seed.claims[0] && (await read(seed.claims[0].id))) return { claims: [] };
          return { stories: seed.stories, claims: seed.claims.map((claim) => ({ action: 'import', claim, removed: false })) };
        });
      }
      const { stories, claims, lastSeq } = await database.readAll();
      const store = new ClaimStore(database, stories, claims, lastSeq);
      if (database.engine === 'postgres') {
        store.feed = await ChangeFeed.start({ url: databaseUrl, catchUp: () => store.catchUp(), log });
      }
      return store;
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.feed?.close();
    await this.writes.catch(() => undefined);
    await this.database.close();
  }

  /** The server's process id of the connection that listens for other processes' writes (Postgres), while connected. */
  get listenerPid(): number | undefined {
    return this.feed?.backendPid;
  }

  /** Applies every change in the database that this process has not applied yet (written by another process). */
  async catchUp(): Promise<void> {
    await this.applyAll(await this.database.changesSince(this.lastSeq));
  }

  /** The claims in search, in no particular order. */
  get claims(): readonly Claim[] {
    return (this.liveList ??= [...this.live.values()]);
  }

  get stories(): readonly Story[] {
    return [...this.storiesById.values()];
  }

  /** A claim in search by id. */
  claim(id: string): Claim | undefined {
    return this.live.get(id);
  }

  /** A removed claim by id: out of search, kept for `restore`. */
  removedClaim(id: string): Claim | undefined {
    return this.removed.get(id);
  }

  get removedClaims(): readonly Claim[] {
    return [...this.removed.values()];
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

  /** Adds a new claim; its id must be free. */
  async add(claim: Claim, actor: Actor): Promise<Claim> {
    const [entry] = await this.commit(actor, async (read) => {
      if (await read(claim.id)) throw new UserError(`A claim with the id “${claim.id}” already exists.`);
      return { claims: [{ action: 'add', claim: this.checked(claim), removed: false }] };
    });
    return entry!.after;
  }

  /**
   * Changes a claim in search: `change` gets the claim as the database has it now (so two moderators'
   * edits never overwrite each other) and returns the new version, which is validated before it is saved.
   */
  async update(id: string, actor: Actor, action: Extract<AuditAction, 'edit' | 'verdict' | 'flag'>, change: (claim: Claim) => Claim, reason?: string): Promise<Claim> {
    const [entry] = await this.commit(actor, async (read) => {
      const current = await read(id);
      if (!current || current.removed) throw new UserError(current ? `The claim “${id}” was removed; restore it first.` : `There is no claim “${id}”.`);
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
      if (!current || current.removed) throw new UserError(current ? `The claim “${id}” is already removed.` : `There is no claim “${id}”.`);
      return { claims: [{ action: 'remove', claim: current.claim, removed: true, reason }] };
    });
    return entry!.after;
  }

  async restore(id: string, actor: Actor, reason?: string): Promise<Claim> {
    const [entry] = await this.commit(actor, async (read) => {
      const current = await read(id);
      if (!current || !current.removed) throw new UserError(current ? `The claim “${id}” is not removed.` : `There is no claim “${id}”.`);
      return { claims: [{ action: 'restore', claim: this.checked(current.claim), removed: false, reason }] };
    });
    return entry!.after;
  }

  /** Adds or replaces many claims (and the stories they need) in one transaction: all or nothing. */
  async import(data: { stories: readonly Story[]; claims: readonly Claim[] }, actor: Actor, reason?: string): Promise<AuditEntry[]> {
    for (const story of data.stories) this.storiesById.set(story.id, story);
    return this.commit(actor, async () => ({
      stories: [...data.stories],
      claims: data.claims.map((claim): ClaimWrite => ({ action: 'import', claim: checkClaim(claim), removed: false, reason })),
    }));
  }

  /** Who changed what, when, oldest first. */
  history(id: string): Promise<AuditEntry[]> {
    return this.database.history(id);
  }

  /** Applies a change written by another process (or missed while away), then tells the listeners. */
  apply(entry: AuditEntry): void {
    if (entry.seq <= this.lastSeq) return;
    this.lastSeq = entry.seq;
    const { after: claim } = entry;
    const previous = this.live.get(claim.id);
    if (previous) this.statementOwners.delete(comparableText(previous.statement));
    this.live.delete(claim.id);
    this.removed.delete(claim.id);
    this.index.remove(claim.id);
    if (entry.removed) this.removed.set(claim.id, claim);
    else {
      this.setLive(claim);
      this.index.add(claim);
    }
    this.liveList = undefined;
    for (const listener of this.listeners) listener(entry);
  }

  /** Applies entries in sequence order; a story another process added is read first, so its claims find it. */
  private async applyAll(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.some((entry) => !this.storiesById.has(entry.after.story))) {
      for (const story of await this.database.readStories()) this.storiesById.set(story.id, story);
    }
    for (const entry of entries) this.apply(entry);
  }

  /**
   * One write at a time in this process: each sees the one before it, and none waits on a lock. Inside the
   * transaction, what other processes wrote first is applied before `decide` checks the claim against the others.
   */
  private commit(actor: Actor, decide: Decide): Promise<AuditEntry[]> {
    const run = async () => {
      const entries = await this.database.write(actor, async (read, missed) => {
        await this.applyAll(missed);
        return decide(read);
      }, this.lastSeq);
      for (const entry of entries) this.apply(entry);
      return entries;
    };
    const result = this.writes.then(run, run);
    this.writes = result.catch(() => undefined);
    return result;
  }

  private setLive(claim: Claim): void {
    this.live.set(claim.id, claim);
    this.statementOwners.set(comparableText(claim.statement), claim.id);
  }

  /** The schema, and what one claim must agree on with the others: a known story and a statement of its own. */
  private checked(claim: Claim): Claim {
    const valid = checkClaim(claim);
    if (!this.storiesById.has(valid.story)) throw new UserError(`There is no story “${valid.story}”.`);
    const owner = this.statementOwners.get(comparableText(valid.statement));
    if (owner && owner !== valid.id) throw new UserError(`The claim “${owner}” already has this statement.`);
    return valid;
  }
}

/** An update is never dated before the claim's creation, even when a clock (or an imported date) runs ahead. */
function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
