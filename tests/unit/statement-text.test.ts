import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/core/dataset.ts';
import { comparableText } from '../../src/core/schema.ts';

const DOTS = '.'.repeat(60_000);
/** Long enough that the quadratic regular expression this replaced would take minutes on it (60 kB: 8 s). */
const MORE_DOTS = '.'.repeat(200_000);

describe('comparableText on long runs of sentence ends (linear; timed in bench/hostile-text.ts)', () => {
  it('drops the final spaces and sentence ends, and only those', () => {
    expect(comparableText('Troops are there… !? ')).toBe('troops are there');
    expect(comparableText(`Troops${MORE_DOTS}there`)).toBe(`troops${MORE_DOTS}there`);
    expect(comparableText(`Troops ${MORE_DOTS} x`)).toBe(`troops ${MORE_DOTS} x`);
    expect(comparableText(`Troops${MORE_DOTS}`)).toBe('troops');
    expect(comparableText(MORE_DOTS)).toBe('');
  });

  it('compares curly quotes as straight ones and any run of white space as one space', () => {
    expect(comparableText('It’s “war”\t \n now')).toBe(`it's "war" now`);
    expect(comparableText('Pyongyangʼs „troops”')).toBe(`pyongyang's "troops"`);
  });

  it('keeps what a final full stop follows when the case changes the length (İ lowercases to two characters)', () => {
    expect(comparableText('İSTANBUL.')).toBe('istanbul');
  });
});

describe('a dataset with a 60 kB statement of dots', () => {
  it("is rejected for the statement's length, and that alone", () => {
    const claim = (id: string, statement: string) => ({
      id,
      story: 's',
      statement,
      quote: false,
      claimant: { name: 'Someone' },
      attribution: { reportedBy: { outlet: 'Outlet' } },
      createdAt: '2026-11-25T04:00:00Z',
      updatedAt: '2026-11-25T04:00:00Z',
      addedBy: 'seed',
    });
    const dataset = {
      stories: [{ id: 's', title: 'Story', source: { outlet: 'Outlet' } }],
      claims: [claim('dots', `${DOTS}a`), claim('more-dots', `${DOTS}a`), claim('fine', 'Troops are there.')],
    };
    expect(() => parseDataset(dataset, 'claims.json')).toThrow(
      'claims.json: invalid dataset (2 problems)\n' +
        '  - claims[0] (id "dots"), field statement: must be at most 4000 characters\n' +
        '  - claims[1] (id "more-dots"), field statement: must be at most 4000 characters',
    );
  });
});
