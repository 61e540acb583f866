/**
 * CSV cells that a spreadsheet would run as a formula (OWASP "CSV Injection"): those starting with = + - @, a tab or
 * a carriage return, and the fullwidth ＝ ＋ － ＠ that some spreadsheets read the same way. A `'` in front makes
 * the spreadsheet show the cell as text, as csv-stringify's `escape_formulas` does. That option is not used: a cell
 * that already starts with `'=` would come out the same as `=`, and our CSV is read back (`claimbot import`), so
 * here a cell made of quotes then such a character gets one more quote, and reading removes exactly one.
 */
const FORMULA_START = '[=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20]';
const NEEDS_QUOTE = new RegExp(`^'*${FORMULA_START}`);
const QUOTED = new RegExp(`^'+${FORMULA_START}`);

/** The cell as a spreadsheet should get it: shown, never run. */
export function spreadsheetSafe(cell: string): string {
  return NEEDS_QUOTE.test(cell) ? `'${cell}` : cell;
}

/** A cell of our CSV back as it was before `spreadsheetSafe`. */
export function fromSpreadsheetSafe(cell: string): string {
  return QUOTED.test(cell) ? cell.slice(1) : cell;
}
