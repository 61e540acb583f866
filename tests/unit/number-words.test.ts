import { describe, expect, it } from 'vitest';
import { wordsToNumbers } from 'words-to-numbers';
import { numberWordsToDigits } from '../../src/search/number-words.ts';

describe('number words to digits, a piece at a time', () => {
  it('converts as words-to-numbers does on a short text', () => {
    for (const text of [
      'ten thousand troops',
      'two hundred and five soldiers and a million shells',
      'one point five percent',
      'seventy per cent of twenty-five',
    ])
      expect(numberWordsToDigits(text)).toBe(String(wordsToNumbers(text)));
  });

  it('never cuts a number in two in a long text, and keeps every other word', () => {
    const sentence = 'officials said that twenty five thousand three hundred soldiers crossed the river near the town';
    const text = Array.from({ length: 40 }, () => sentence).join(' ');
    // Each sentence exactly as words-to-numbers reads it alone.
    expect(numberWordsToDigits(text)).toBe(Array.from({ length: 40 }, () => String(wordsToNumbers(sentence))).join(' '));
  });
});
