import { describe, expect, it } from 'vitest';
import { RateLimit } from '../../src/command/rate-limit.ts';

describe('RateLimit: at most so many uses per person in any window', () => {
  it('lets a person use it `limit` times, then says how long until the oldest use leaves the window', () => {
    let now = 1_000_000;
    const limit = new RateLimit(3, 60_000, () => now);
    expect([limit.take('ann'), ((now += 10_000), limit.take('ann')), ((now += 10_000), limit.take('ann'))]).toEqual([0, 0, 0]);
    now += 5_000;
    expect(limit.take('ann')).toBe(35_000);
    // A refused use is not counted: once the first use leaves the window, one more is allowed, and only one.
    now = 1_000_000 + 60_000;
    expect(limit.take('ann')).toBe(0);
    expect(limit.take('ann')).toBe(10_000);
  });

  it('counts each person apart, and forgets those who stopped', () => {
    let now = 0;
    const limit = new RateLimit(1, 1_000, () => now);
    expect([limit.take('ann'), limit.take('bob'), limit.take('ann')]).toEqual([0, 0, 1_000]);
    now = 5_000;
    expect([limit.take('ann'), limit.take('bob')]).toEqual([0, 0]);
  });
});
