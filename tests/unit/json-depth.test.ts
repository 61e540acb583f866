import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestingProblem } from '../../src/core/json-depth.ts';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('nestingProblem', () => {
  it('accepts JSON nested up to the limit', () => {
    expect(nestingProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(nestingProblem('{"claims": [{"attribution": {"reportedBy": {"outlet": "Euronews"}}}]}')).toBeUndefined();
  });

  it('names the line and column where the text goes one level too deep', () => {
    expect(nestingProblem(nested(MAX_JSON_DEPTH + 1))).toBe(
      `nested more than ${MAX_JSON_DEPTH} levels deep at line 1, column ${MAX_JSON_DEPTH + 1} (a claims file needs about 10): not read`,
    );
    expect(nestingProblem('{\n  "a": [[[\n', 2)).toBe('nested more than 2 levels deep at line 2, column 9 (a claims file needs about 10): not read');
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestingProblem(`["${'['.repeat(500)}", "\\"${'{'.repeat(500)}"]`)).toBeUndefined();
    expect(nestingProblem(`["\\\\", ${nested(3)}]`, 3)).toBe('nested more than 3 levels deep at line 1, column 10 (a claims file needs about 10): not read');
  });
});
