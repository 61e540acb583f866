import { randomBytes } from 'node:crypto';

/**
 * Short-lived state behind a button or a form (a rejected draft to fix, a removal to confirm), under a random key
 * that goes into the component's id. Kept in memory for 15 minutes, as long as Discord keeps the interaction open.
 */
export class Pending<T> {
  private readonly items = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly now = () => Date.now(),
  ) {}

  put(value: T): string {
    for (const [key, item] of this.items) if (item.expires <= this.now()) this.items.delete(key);
    const key = randomBytes(9).toString('base64url');
    this.items.set(key, { value, expires: this.now() + this.ttlMs });
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
}
