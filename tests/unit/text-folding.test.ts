import { describe, expect, it } from 'vitest';
import { firstGraphemes, foldCase, graphemePrefix } from '../../src/core/text.ts';

describe('folding text for comparison', () => {
  it('removes accents and invisible characters from text with no ASCII at all', () => {
    expect(foldCase('Ωμέγα')).toBe('ωμεγα');
    expect(foldCase('Zelenskyy\u200b’s CAFÉ')).toBe('zelenskyy’s cafe');
  });

  it('cuts at whole graphemes: by count for autocomplete, by UTF-16 length for Discord', () => {
    expect(firstGraphemes('👍🏽é!', 2)).toBe('👍🏽é');
    expect(graphemePrefix('ab👍🏽', 5)).toBe('ab');
    expect(graphemePrefix('ab👍🏽', 6)).toBe('ab👍🏽');
  });
});
