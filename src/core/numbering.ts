import { VERDICTS } from './schema.ts';

/**
 * Strings numbered in the order they are met (0, 1, 2, …): what every claim has one of (its story, its verdict) kept
 * as a number in an array of numbers, not as one more string per claim.
 */
export class Numbering {
  private readonly numbers = new Map<string, number>();
  /** The strings, each at its number. */
  readonly values: string[] = [];

  constructor(values: Iterable<string> = []) {
    for (const value of values) this.of(value);
  }

  /** The string's number, given it now if it had none. */
  of(value: string): number {
    let number = this.numbers.get(value);
    if (number === undefined) {
      this.numbers.set(value, (number = this.values.length));
      this.values.push(value);
    }
    return number;
  }

  /** What a filter on `value` compares numbers with: NO_FILTER without one (or an empty one), a number no string has for a string never met. */
  filter(value: string | undefined): number {
    return !value ? NO_FILTER : (this.numbers.get(value) ?? NO_FILTER - 1);
  }
}

export const NO_FILTER = -1;

/** Verdicts as numbers: their order in VERDICTS. */
export const VERDICT_NUMBERS = new Numbering(VERDICTS);
