import { randomBytes } from 'node:crypto';

/** Entries one Pending holds at most: past it, the oldest goes first. A flood of buttons cannot take the memory. */
export const PENDING_CAPACITY = 20_000;

/**
 * Short-lived state behind a button or a form (a rejected draft to fix, a removal to confirm), under a random key
 * that goes into the component's id. Kept in memory for 15 minutes, as long as Discord keeps the interaction open.
 */
export class Pending<T> {
  /** In the order they were put: with one lifetime for all, the order they expire in. */
  private readonly items = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly now = () => Date.now(),
    private readonly capacity = PENDING_CAPACITY,
  ) {}

  /**
   * Keeps `value` and returns its key. Only the oldest entries are looked at, and each is dropped once (when it
   * has expired, or to make room), so a put costs the same however many entries are live.
   */
  put(value: T): string {
    const now = this.now();
    for (const [key, item] of this.items) {
      if (item.expires > now && this.items.size < this.capacity) break;
      this.items.delete(key);
    }
    const key = randomBytes(9).toString('base64url');
    this.items.set(key, { value, expires: now + this.ttlMs });
    return key;
  }

  get(key: string): T | undefined {
    const item = this.items.get(key);
    return item && item.expires > this.now() ? item.value : undefined;
  }

  /** Gets and forgets: a confirmation works once. */
  take(key: string): T | undefined {
    const value = this.get(key);
    this.items.delete(key);
    return value;
  }

  /** How many entries are kept, expired ones not yet dropped included. */
  get size(): number {
    return this.items.size;
  }
}
