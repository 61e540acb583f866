/**
 * At most `limit` uses per person in any `windowMs`: a sliding window of each person's recent uses, kept in
 * memory (a restart forgets it, which only lets someone start again). People who stopped are forgotten as others
 * come, so the map holds only those seen in the last window.
 */
export class RateLimit {
  private readonly uses = new Map<string, number[]>();
  private nextSweep: number;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.nextSweep = now() + windowMs;
  }

  /** Counts a use by `who` and returns 0; or, when they are at the limit, counts nothing and returns the ms to wait. */
  take(who: string): number {
    const now = this.now();
    if (now >= this.nextSweep) this.sweep(now);
    const recent = (this.uses.get(who) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.uses.set(who, recent);
      return recent[0]! + this.windowMs - now;
    }
    recent.push(now);
    this.uses.set(who, recent);
    return 0;
  }

  /** Forgets everyone whose last use is older than the window: once a window, so each use costs O(1) on average. */
  private sweep(now: number): void {
    for (const [who, times] of this.uses) if (times.at(-1)! <= now - this.windowMs) this.uses.delete(who);
    this.nextSweep = now + this.windowMs;
  }
}
