import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('writes the lines at its level and above, each with its level', () => {
    const lines: string[] = [];
    const log = createLogger('warn', (line) => lines.push(line));
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines.map((line) => JSON.parse(line) as { level: string; message: string })).toEqual([
      expect.objectContaining({ level: 'warn', message: 'w' }),
      expect.objectContaining({ level: 'error', message: 'e' }),
    ]);
    const all: string[] = [];
    createLogger('debug', (line) => all.push(line)).debug('d');
    expect(JSON.parse(all[0]!)).toMatchObject({ level: 'debug', message: 'd' });
  });

  it('writes to stderr by default, one line each, so stdout stays free', () => {
    const written: unknown[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(chunk) > 0);
    createLogger('info').info('ready');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\{"time":".*","level":"info","message":"ready"\}\n$/);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
