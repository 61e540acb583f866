import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetSafe, spreadsheetSafe } from '../../src/exchange/spreadsheet-cells.ts';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('spreadsheetSafe', () => {
  it('puts a quote before a cell a spreadsheet would run, as OWASP and csv-stringify do', () => {
    expect(spreadsheetSafe('=HYPERLINK("https://evil.example","click")')).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(['+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝1'].map(spreadsheetSafe)).toEqual(["'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "'＝1"]);
    expect(['North Korea', "'quoted'", 'a=b', ''].map(spreadsheetSafe)).toEqual(['North Korea', "'quoted'", 'a=b', '']);
  });

  it('gives a cell that already starts with quotes before a formula one more, so reading it back is exact', () => {
    expect(spreadsheetSafe("'=1")).toBe("''=1");
    expect(fromSpreadsheetSafe("''=1")).toBe("'=1");
    expect(fromSpreadsheetSafe("'=1")).toBe('=1');
    expect(fromSpreadsheetSafe("'quoted'")).toBe("'quoted'");
  });

  it('never leaves a formula start first, and reads back every text as it was', () => {
    const text = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '＠', 'a', ' ') });
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (cell) => {
        expect(spreadsheetSafe(cell)).not.toMatch(FORMULA_START);
        expect(fromSpreadsheetSafe(spreadsheetSafe(cell))).toBe(cell);
      }),
    );
  });
});
