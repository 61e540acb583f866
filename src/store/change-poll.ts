import type { Logger } from '../core/log.ts';

/** How often a SQLite store looks for other processes' changes: well within the second they must reach it in. */
export const POLL_MS = 250;

export interface ChangePollOptions {
  /** The last audit sequence number in the database: one read of the audit table's key. */
  lastSeq: () => Promise<number>;
  /** The last one this process has applied. */
  applied: () => number;
  /** Reads what this process has not applied yet and applies it. */
  catchUp: () => Promise<void>;
  log: Logger;
  intervalMs?: number;
}

/**
 * SQLite has no NOTIFY: a change another process commits to the file (`claimbot import`, another bot) is found by
 * reading the last audit sequence number every POLL_MS, and caught up from the audit trail when it moved. A failed
 * look (the database unreachable) is logged once and tried again at the next tick; the store keeps answering.
 */
export class ChangePoll {
  private readonly timer: NodeJS.Timeout;
  private looking: Promise<void> | undefined;
  private failing = false;

  private constructor(private readonly options: ChangePollOptions) {
    this.timer = setInterval(() => void this.look(), options.intervalMs ?? POLL_MS);
    // A CLI command that opened the store still exits when it is done.
    this.timer.unref();
  }

  static start(options: ChangePollOptions): ChangePoll {
    return new ChangePoll(options);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.looking;
  }

  /** One look, never two at once: a slow catch-up (a large import) is not started again by the next tick. */
  private look(): Promise<void> {
    this.looking ??= (async () => {
      try {
        if ((await this.options.lastSeq()) > this.options.applied()) await this.options.catchUp();
        if (this.failing) this.options.log.info("database: looking for other processes' changes again");
        this.failing = false;
      } catch (error) {
        if (!this.failing) this.options.log.warn("database: cannot look for other processes' changes; trying again", { error });
        this.failing = true;
      }
    })().finally(() => (this.looking = undefined));
    return this.looking;
  }
}
