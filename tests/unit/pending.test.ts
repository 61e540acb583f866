import { describe, expect, it } from 'vitest';
import { Pending } from '../../src/command/pending.ts';

const MINUTE = 60_000;

/** A Pending on a clock the test moves. */
function pendingAt(start: number, capacity?: number) {
  const clock = { now: start };
  return { clock, pending: new Pending<string>(15 * MINUTE, () => clock.now, capacity) };
}

describe('the state behind buttons', () => {
  it('keeps an entry for 15 minutes, not a moment longer', () => {
    const { clock, pending } = pendingAt(0);
    const first = pending.put('first');
    clock.now = 5 * MINUTE;
    const second = pending.put('second');
    clock.now = 15 * MINUTE - 1;
    expect([pending.get(first), pending.get(second)]).toEqual(['first', 'second']);
    clock.now = 15 * MINUTE;
    expect([pending.get(first), pending.get(second)]).toEqual([undefined, 'second']);
    clock.now = 20 * MINUTE;
    expect(pending.get(second)).toBeUndefined();
  });

  it('drops expired entries as new ones come, the oldest first, and keeps the live ones', () => {
    const { clock, pending } = pendingAt(0);
    const keys = Array.from({ length: 10 }, (_, n) => {
      clock.now = n * MINUTE;
      return pending.put(`entry ${n}`);
    });
    // At 22 minutes, the entries of minutes 0–7 have expired: the next put drops them, the rest stay.
    clock.now = 22 * MINUTE;
    const late = pending.put('late');
    expect(pending.size).toBe(3);
    expect(keys.map((key) => pending.get(key))).toEqual([...Array<undefined>(8).fill(undefined), 'entry 8', 'entry 9']);
    expect(pending.get(late)).toBe('late');
  });

  it('holds at most its capacity: a put beyond it drops the oldest entry, live or not', () => {
    const { pending } = pendingAt(0, 3);
    const keys = ['a', 'b', 'c', 'd', 'e'].map((value) => pending.put(value));
    expect(pending.size).toBe(3);
    expect(keys.map((key) => pending.get(key))).toEqual([undefined, undefined, 'c', 'd', 'e']);
  });

  it('gives a confirmation once: take forgets it, and frees its room', () => {
    const { pending } = pendingAt(0, 2);
    const confirm = pending.put('remove claim x');
    const other = pending.put('other');
    expect(pending.take(confirm)).toBe('remove claim x');
    expect(pending.take(confirm)).toBeUndefined();
    const third = pending.put('third');
    expect([pending.get(other), pending.get(third)]).toEqual(['other', 'third']);
  });

  it('does not look at every live entry on a put: one reading of the clock, however many there are', () => {
    let readings = 0;
    const pending = new Pending<number>(15 * MINUTE, () => (readings++, 0));
    for (let n = 0; n < 5000; n++) pending.put(n);
    readings = 0;
    pending.put(5000);
    expect(readings).toBe(1);
  });

  it('gives every put a key of its own, even at the same moment', () => {
    const { pending } = pendingAt(0);
    const keys = new Set(Array.from({ length: 1000 }, (_, n) => pending.put(String(n))));
    expect(keys.size).toBe(1000);
    expect(pending.size).toBe(1000);
  });
});
