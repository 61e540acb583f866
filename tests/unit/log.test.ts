import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/log.ts';

describe('createLogger', () => {
  it('writes C1 controls, bidi overrides and line separators as \\u escapes: the same JSON, inert on a terminal', () => {
    const lines: string[] = [];
    const query = 'troops \u009b2J \u202eevil \u2028next \x1b[31mred';
    createLogger('info', (line) => lines.push(line)).info('query', { query });
    expect(lines[0]).toContain('"query":"troops \\u009b2J \\u202eevil \\u2028next \\u001b[31mred"');
    expect(lines[0]).not.toMatch(/[\x00-\x1f\u0080-\u009f\u202e\u2028]/);
    expect((JSON.parse(lines[0]!) as { query: string }).query).toBe(query);
  });
});
