/**
 * The randomness behind the synthetic claims: one seeded generator (mulberry32) that every draw comes from, and two
 * hashes that give a name pool's rank or a role's holder a generator of its own, so that a name depends only on the
 * seed and its rank, never on how many draws came before it. Nothing here uses Math.random or the clock.
 */

export function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new RangeError(`index ${index} outside a list of ${list.length}`);
  return value;
}

/** mulberry32: small, fast and good enough for test data. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** lo..hi inclusive */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return at(list, this.int(list.length));
  }
  /**
   * An index in 0..n-1 drawn from a Zipf–Mandelbrot law, p(i) ∝ 1/(i+q)^s (continuous approximation,
   * O(1)): low indexes are common, high ones rare. `q` flattens the head.
   */
  zipf(n: number, s = 1, q = 1): number {
    const u = this.next();
    let x: number;
    if (Math.abs(s - 1) < 1e-9) x = q * ((n + q) / q) ** u;
    else {
      const a = q ** (1 - s);
      const b = (n + q) ** (1 - s);
      x = (a + u * (b - a)) ** (1 / (1 - s));
    }
    const i = Math.floor(x - q);
    return i < 0 ? 0 : i >= n ? n - 1 : i;
  }
  /** Picks from a list ordered from most to least common. */
  pickZ<T>(list: readonly T[], s = 1, q = 2): T {
    return at(list, this.zipf(list.length, s, q));
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return at(entries, entries.length - 1)[0];
  }
}

export function hash(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
