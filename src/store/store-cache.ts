import { join, resolve } from 'node:path';
import type { Logger } from '../core/log.ts';
import type { Story } from '../core/schema.ts';
import { ClaimSearch } from '../search/claim-search.ts';
import { ClaimShelf } from './claim-shelf.ts';
import type { ClaimDatabase } from './database.ts';
import { CACHE_LAYOUT, readIndexCache, writeIndexCache } from './index-cache.ts';

/** The claims and their index as a cache file had them, after the audit entry `seq` (whose fingerprint is `audit`). */
export interface CachedClaims {
  shelf: ClaimShelf;
  index: ClaimSearch;
  seq: number;
  audit: string;
}

/** What the store has to save: its claims, their index, and the last audit entry applied to them. */
export interface StoreState {
  seq: number;
  audit: string | undefined;
  shelf: ClaimShelf;
  index: ClaimSearch;
  stories: readonly Story[];
}

/**
 * The store's cache file (`index-cache.ts` is its format): where it is, the last audit entry it holds, and the
 * save in progress. The store reads it at startup and saves it when it has built the index and when it closes.
 */
export class StoreCache {
  private saving: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    /** The database instance the file belongs to. */
    private readonly database: string,
    /** The last audit entry the file holds; -1 before the first save. */
    private seq: number,
    private readonly log: Logger,
  ) {}

  /** The cache file for this database: in `cacheDir` if given, else beside a SQLite file, else in `.cache`. */
  static fileFor(database: ClaimDatabase, instance: string, cacheDir: string | false | undefined): string | undefined {
    if (cacheDir === false) return undefined;
    if (cacheDir) return join(cacheDir, `claimbot-index-${instance}`);
    if (database.engine === 'sqlite') return `${database.url.slice('file:'.length)}-index`;
    return resolve('.cache', `claimbot-index-${instance}`);
  }

  /**
   * The claims and index as the cache file has them, if the file is as it was written, is this database's, holds the
   * audit entry the database has at its sequence number (not a backup's past), and was made the way this version
   * reads text. Undefined otherwise: the store then builds them from the database.
   */
  static async read(database: ClaimDatabase, stories: readonly Story[], file: string, instance: string, log: Logger): Promise<CachedClaims | undefined> {
    try {
      const saved = await readIndexCache(file);
      if (!saved) return undefined;
      const { cache, json } = saved;
      const titlesChanged = stories.some((story) => story.id in cache.storyTitles && cache.storyTitles[story.id] !== story.title);
      if (cache.database !== instance || titlesChanged) return undefined;
      if (cache.audit !== (await database.claims.auditFingerprint(cache.seq))) {
        log.warn('the search index cache is not this database as it is now (restored from a backup?): building the index from the database', {
          file,
          seq: cache.seq,
        });
        return undefined;
      }
      const shelf = ClaimShelf.restore(cache.shelf, json);
      const index = ClaimSearch.restore(cache.search, stories, shelf.reader());
      if (!index) return undefined;
      return { shelf, index, seq: cache.seq, audit: cache.audit };
    } catch (error) {
      log.warn('the search index cache cannot be read: building the index from the database', { file, error });
      return undefined;
    }
  }

  /**
   * Saves the claims and the index as they are now for the next start: after a start that built them, and when
   * the store closes. Not while it serves: taking the snapshot holds the process for about 0.5 s at 100,000 claims,
   * and a start applies the changes made since the cache anyway (a crash only means more of them). The file is
   * written in the background; a failure is logged, not thrown: the cache only saves time.
   */
  save({ seq, audit, shelf, index, stories }: StoreState): Promise<void> {
    if (this.seq === seq || audit === undefined) return this.saving;
    const { fields, json } = shelf.snapshot();
    const storyTitles = Object.fromEntries(stories.map((story) => [story.id, story.title]));
    const saved = { layout: CACHE_LAYOUT, database: this.database, seq, audit, storyTitles, shelf: fields, search: index.snapshot() };
    this.seq = seq;
    this.saving = this.saving
      .then(() => writeIndexCache(this.file, saved, json))
      .catch((error: unknown) => this.log.warn('could not save the search index cache; the next start builds the index', { file: this.file, error }));
    return this.saving;
  }
}
