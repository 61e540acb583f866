import {
  SelectQueryNode,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { Logger } from '../core/log.ts';
import { DatabaseUnreachableError, isUnreachable } from './unreachable.ts';

/**
 * SQLite's one writer: a driver over a single connection, which every write of the process uses in turn, and a
 * way to replace that connection. libsql leaves a statement that met another process's lock (SQLITE_BUSY)
 * unfinished on its connection until it is garbage-collected, and until then nothing committed on that
 * connection can be (“cannot commit transaction - SQL statements in progress”): the connection is replaced instead.
 */
export interface Writer {
  readonly driver: Driver;
  replace(): Promise<void>;
}

export interface GuardOptions {
  /** SQLite: every write of this process goes through this one connection, in turn. PostgreSQL: none (its server lets writers wait). */
  writer?: Writer;
  /** How long a write waits for another process's lock on the SQLite file before the database counts as unreachable. */
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
 *   SQLite would hold the event loop, so this process, holding the lock, could never finish: writes take turns
 *   on one connection instead (every transaction, and every statement outside one that is not a SELECT). Reads
 *   use the pool and do not wait: in WAL mode they read beside the writer.
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

  async init(): Promise<void> {
    await guard(() => this.inner.init());
    await guard(async () => this.options.writer?.driver.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GuardedConnection(await guard(() => this.inner.acquireConnection()), this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const guarded = connection as GuardedConnection;
    const { writer } = this.options;
    if (!writer) return guard(() => this.inner.beginTransaction(guarded.inner, settings));
    const deadline = this.lockDeadline();
    const endTurn = await this.turns.take();
    try {
      guarded.transaction = await guard(() =>
        this.waitingForLock(writer, deadline, async () => {
          const written = await writer.driver.acquireConnection();
          await writer.driver.beginTransaction(written, settings);
          return written;
        }),
      );
      guarded.endTurn = endTurn;
    } catch (error) {
      endTurn();
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const guarded = connection as GuardedConnection;
    try {
      await guard(() =>
        guarded.transaction ? this.options.writer!.driver.commitTransaction(guarded.transaction) : this.inner.commitTransaction(guarded.inner),
      );
    } finally {
      guarded.finishTransaction();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const guarded = connection as GuardedConnection;
    try {
      await guard(() =>
        guarded.transaction ? this.options.writer!.driver.rollbackTransaction(guarded.transaction) : this.inner.rollbackTransaction(guarded.inner),
      );
    } finally {
      guarded.finishTransaction();
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as GuardedConnection).inner);
  }

  async destroy(): Promise<void> {
    await this.inner.destroy();
    await this.options.writer?.driver.destroy();
  }

  /** A statement that is not a SELECT, outside a transaction: on the writer, in turn, waiting for another process's lock. */
  async write<R>(query: CompiledQuery, read: DatabaseConnection): Promise<QueryResult<R>> {
    const { writer } = this.options;
    if (!writer) return guard(() => read.executeQuery<R>(query));
    const deadline = this.lockDeadline();
    const endTurn = await this.turns.take();
    try {
      return await guard(() => this.waitingForLock(writer, deadline, async () => (await writer.driver.acquireConnection()).executeQuery<R>(query)));
    } finally {
      endTurn();
    }
  }

  /** Until when a write asked for now may wait, its turn in this process included: a reply is still due in time. */
  private lockDeadline(): number {
    return Date.now() + this.options.lockWaitMs;
  }

  /**
   * Runs `attempt` again while another process holds the write lock (SQLITE_BUSY), until the deadline, on a new
   * connection each time. A statement that met the lock did nothing, so trying it again is safe.
   */
  private async waitingForLock<T>(writer: Writer, deadline: number, attempt: () => Promise<T>): Promise<T> {
    for (let wait = FIRST_RETRY_MS; ; wait = Math.min(MAX_RETRY_MS, wait * 2)) {
      try {
        return await attempt();
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
        await writer.replace();
        if (Date.now() + wait > deadline) throw error;
        if (wait === FIRST_RETRY_MS)
          this.options.log?.debug('database: another process holds the write lock; waiting for it', { waitMs: this.options.lockWaitMs });
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

class GuardedConnection implements DatabaseConnection {
  /** While this connection holds a transaction on SQLite: the writer's connection it runs on, and the turn it took. */
  transaction: DatabaseConnection | undefined;
  endTurn: (() => void) | undefined;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly driver: GuardedDriver,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const transaction = this.transaction;
    if (transaction) return guard(() => transaction.executeQuery<R>(query));
    if (SelectQueryNode.is(query.query)) return guard(() => this.inner.executeQuery<R>(query));
    return this.driver.write<R>(query, this.inner);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }

  finishTransaction(): void {
    this.transaction = undefined;
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
