import { SelectQueryNode, type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult, type TransactionSettings } from 'kysely';
import type { Logger } from '../log.ts';
import { DatabaseUnreachableError, isUnreachable } from './unreachable.ts';

export interface GuardOptions {
  /**
   * SQLite: one writer at a time in this process, and a wait of up to `lockWaitMs` when another process holds the
   * write lock. Off for PostgreSQL, whose server lets writers wait on each other.
   */
  serializeWrites: boolean;
  lockWaitMs: number;
  log?: Logger;
}

/** The first wait before trying another process's write lock again; it doubles up to `MAX_RETRY_MS`. */
const FIRST_RETRY_MS = 5;
const MAX_RETRY_MS = 100;

/**
 * Every statement of the store goes through here, so every write path is covered, not only the claims':
 *
 * - SQLite lets one connection write at a time, and libsql runs each statement synchronously on one of a pool of
 *   connections. Two writes of this process on two connections would meet SQLITE_BUSY, and a busy wait inside
 *   SQLite would hold the event loop, so the lock's holder (this process) could never finish: writes take turns
 *   here instead (every transaction, and every statement outside one that is not a SELECT). Reads do not wait:
 *   in WAL mode they read beside the writer.
 * - Another process's write lock (`claimbot import` while the bot runs) is waited for here, asynchronously, up to
 *   `lockWaitMs`: the bot keeps answering meanwhile.
 * - A database that cannot be reached becomes a DatabaseUnreachableError, which the edges put into words.
 */
export class GuardedDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly options: GuardOptions,
  ) {}

  createAdapter() {
    return this.inner.createAdapter();
  }

  createDriver(): Driver {
    return new GuardedDriver(this.inner.createDriver(), this.options);
  }

  createIntrospector(db: Kysely<unknown>) {
    return this.inner.createIntrospector(db);
  }

  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
}

class GuardedDriver implements Driver {
  private readonly turns = new Turns();

  constructor(
    private readonly inner: Driver,
    private readonly options: GuardOptions,
  ) {}

  init(): Promise<void> {
    return guard(() => this.inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GuardedConnection(await guard(() => this.inner.acquireConnection()), this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const guarded = connection as GuardedConnection;
    const release = this.options.serializeWrites ? await this.turns.take() : () => undefined;
    try {
      await guard(() => this.waitingForLock(() => this.inner.beginTransaction(guarded.inner, settings)));
    } catch (error) {
      release();
      throw error;
    }
    guarded.endTurn = release;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const guarded = connection as GuardedConnection;
    try {
      await guard(() => this.inner.commitTransaction(guarded.inner));
    } finally {
      guarded.finishTransaction();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const guarded = connection as GuardedConnection;
    try {
      await guard(() => this.inner.rollbackTransaction(guarded.inner));
    } finally {
      guarded.finishTransaction();
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as GuardedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  /** A write outside a transaction: in turn with the others, and waiting for another process's lock. */
  async write<T>(run: () => Promise<T>): Promise<T> {
    if (!this.options.serializeWrites) return guard(run);
    const release = await this.turns.take();
    try {
      return await guard(() => this.waitingForLock(run));
    } finally {
      release();
    }
  }

  /** Runs `attempt` again while another process holds the write lock (SQLITE_BUSY), until `lockWaitMs` have passed. */
  private async waitingForLock<T>(attempt: () => Promise<T>): Promise<T> {
    if (!this.options.serializeWrites) return attempt();
    const deadline = Date.now() + this.options.lockWaitMs;
    for (let wait = FIRST_RETRY_MS; ; wait = Math.min(MAX_RETRY_MS, wait * 2)) {
      try {
        return await attempt();
      } catch (error) {
        // A statement that met the lock did nothing, so trying it again is safe.
        if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() + wait > deadline) throw error;
        if (wait === FIRST_RETRY_MS) this.options.log?.debug('database: another process holds the write lock; waiting for it', { waitMs: this.options.lockWaitMs });
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

class GuardedConnection implements DatabaseConnection {
  /** Set while this connection holds a transaction: the turn it took, given back when the transaction ends. */
  endTurn: (() => void) | undefined;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly driver: GuardedDriver,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.endTurn || SelectQueryNode.is(query.query)) return guard(() => this.inner.executeQuery<R>(query));
    return this.driver.write(() => this.inner.executeQuery<R>(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }

  finishTransaction(): void {
    this.endTurn?.();
    this.endTurn = undefined;
  }
}

/** Runs `run`, turning "the database cannot be reached" into a DatabaseUnreachableError. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw isUnreachable(error) && !(error instanceof DatabaseUnreachableError) ? new DatabaseUnreachableError({ cause: error }) : error;
  }
}

/** One holder at a time, in the order they asked. */
class Turns {
  private last: Promise<void> = Promise.resolve();

  /** Resolves when it is the caller's turn, with the function that ends it. */
  take(): Promise<() => void> {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const turn = this.last.then(() => end);
    this.last = this.last.then(() => ended);
    return turn;
  }
}
