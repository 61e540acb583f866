/**
 * How deep arrays and objects may nest in a JSON file we are given. Our dataset nests 5 levels, a ClaimReview
 * DataFeed about 10. Reading deeper is what crashes: JSON.parse copes, but everything that walks the parsed value
 * (the duplicate-key scan, the JSON-LD reader, validation) recurses, and 20,000 levels overflow the stack.
 */
export const MAX_JSON_DEPTH = 100;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Why a JSON text is nested too deeply to read ("nested more than 100 levels deep at line 1, column 101"), or
 * undefined. One pass over the text, skipping strings, before anything parses it: a text that is not valid JSON
 * is left for the parser to name.
 */
export function nestingProblem(text: string, max = MAX_JSON_DEPTH): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (OPENERS.has(code) && ++depth > max) {
      const { line, column } = positionOf(text, i);
      return `nested more than ${max} levels deep at line ${line}, column ${column} (a claims file needs about 10): not read`;
    } else if (CLOSERS.has(code)) depth--;
  }
  return undefined;
}

/** Line and column (from 1) of an offset, as an editor shows them. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
