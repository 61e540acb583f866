import type pg from 'pg';
import { CHANGES_CHANNEL } from './claim-table.ts';
import type { Logger } from '../core/log.ts';

export interface ChangeFeedOptions {
  /** The postgres:// URL of the shared database. */
  url: string;
  /** Reads what this process has not applied yet and applies it. Run after every notification and every (re)connect. */
  catchUp: () => Promise<void>;
  log: Logger;
  /** The first wait before reconnecting; it doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

/**
 * The one connection of a process that LISTENs for other processes' writes on Postgres. A notification only says
 * "something was committed"; the process then reads the audit trail from the last sequence number it applied.
 * Postgres does not replay notifications to a connection that was away, so after every reconnect the process
 * catches up the same way: nothing committed meanwhile is missed.
 */
export class ChangeFeed {
  private client: pg.Client | undefined;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  /** One catch-up at a time; notifications arriving during one ask for one more, not one each. */
  private catchingUp: Promise<void> | undefined;
  private catchUpAgain = false;

  private constructor(private readonly options: ChangeFeedOptions) {}

  /** Resolves once the first connection listens (and has caught up); rejects when that first connection fails. */
  static async start(options: ChangeFeedOptions): Promise<ChangeFeed> {
    const feed = new ChangeFeed(options);
    await feed.connect();
    return feed;
  }

  /** The process id of the listening connection on the server (`pg_backend_pid()`), while connected. */
  get backendPid(): number | undefined {
    return (this.client as (pg.Client & { processID?: number }) | undefined)?.processID;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
    await this.catchingUp;
  }

  private async connect(): Promise<void> {
    const { default: postgres } = await import('pg');
    const client = new postgres.Client({ connectionString: this.options.url });
    // Without a listener an 'error' event would crash the process; a lost connection is expected and retried.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', () => this.requestCatchUp());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) return void (await client.end());
    this.client = client;
    this.failures = 0;
    // Listening first, then reading: a write committed in between is either read now or notified after.
    await this.requestCatchUp();
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    this.options.log.warn('change feed: connection lost, reconnecting', { error });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const { retryMs = 100, maxRetryMs = 5000 } = this.options;
    const wait = Math.min(maxRetryMs, retryMs * 2 ** this.failures++);
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => this.options.log.info('change feed: reconnected and caught up'),
        (error: unknown) => {
          this.options.log.warn('change feed: reconnect failed', { error, retryInMs: Math.min(maxRetryMs, retryMs * 2 ** this.failures) });
          if (!this.closed) this.scheduleReconnect();
        },
      );
    }, wait);
  }

  private requestCatchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const run = async () => {
      do {
        this.catchUpAgain = false;
        try {
          await this.options.catchUp();
        } catch (error) {
          // The next notification or reconnect tries again; the bot keeps answering from what it has.
          this.options.log.error('change feed: catching up failed', { error });
        }
      } while (this.catchUpAgain && !this.closed);
    };
    this.catchingUp = run().finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }
}
