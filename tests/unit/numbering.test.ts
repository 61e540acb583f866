import { describe, expect, it } from 'vitest';
import { NO_FILTER, Numbering, VERDICT_NUMBERS } from '../../src/core/numbering.ts';

describe('Numbering', () => {
  it('numbers strings in the order they are met, each once', () => {
    const stories = new Numbering(['kursk', 'donetsk', 'kursk']);
    expect(stories.values).toEqual(['kursk', 'donetsk']);
    expect(stories.of('donetsk')).toBe(1);
    expect(stories.of('mariupol')).toBe(2);
    expect(stories.values).toEqual(['kursk', 'donetsk', 'mariupol']);
    expect(new Numbering().values).toEqual([]);
    expect(VERDICT_NUMBERS.of('unverified')).toBe(0);
  });

  it('filters on nothing without a value, and on a number no string has for one never met', () => {
    const stories = new Numbering(['kursk']);
    expect(stories.filter(undefined)).toBe(NO_FILTER);
    expect(stories.filter('')).toBe(NO_FILTER);
    expect(stories.filter('kursk')).toBe(0);
    expect(stories.filter('donetsk')).toBe(NO_FILTER - 1);
    expect(stories.values).toEqual(['kursk']);
  });
});
