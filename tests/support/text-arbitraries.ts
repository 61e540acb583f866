import fc from 'fast-check';

/** Pieces that break naive text handling: surrogate pairs, joined emoji, flags, combining accents, invisible and control characters, markdown. */
const TRICKY = [
  '👩🏽‍🚀',
  '🇺🇦',
  '🙂',
  'e\u0301',
  '\u200b',
  '\u00ad',
  '\u202e',
  '\u001b[31m',
  '\r',
  '\n',
  '\t',
  ' ',
  '\\',
  '*',
  '_',
  '`',
  '|',
  '~',
  '[x](https://evil.example)',
  '# ',
  '-# ',
  '> ',
  '- ',
  '1. ',
  ':',
  '"',
  '“',
  '”',
];

const unit = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.constantFrom(...TRICKY), weight: 2 },
  { arbitrary: fc.constantFrom('a', 'e', 'kyiv', 'troops', ' '), weight: 3 },
);

/**
 * Text as users paste it: any Unicode, lone surrogates included, mixed with the tricky pieces; short and long
 * alike (fast-check's default size would keep every text short, far below Discord's limits).
 */
export const userText = (maxLength = 300): fc.Arbitrary<string> => fc.oneof(fc.string({ unit, maxLength }), fc.string({ unit, maxLength, size: 'max' }));

/** A lone surrogate: half of a character, which Discord rejects and terminals show as garbage. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Fixed, so a failure reproduces on every machine; fast-check prints the failing case. */
export const SEED = 20261202;
