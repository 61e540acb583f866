import { describe, expect, it } from 'vitest';
import { redactTokens } from '../../src/core/log-redaction.ts';
import { createLogger } from '../../src/core/log.ts';

const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnF3ZXJ0eS1fLnRva2Vu';

describe('redactTokens', () => {
  it.each([
    [
      `https://discord.com/api/v10/interactions/1234567890/${TOKEN}/callback?with_response=true`,
      'https://discord.com/api/v10/interactions/1234567890/[redacted]/callback?with_response=true',
    ],
    [
      `https://discord.com/api/v10/webhooks/100000000000000001/${TOKEN}/messages/%40original`,
      'https://discord.com/api/v10/webhooks/100000000000000001/[redacted]/messages/%40original',
    ],
    [`POST /webhooks/100000000000000001/${TOKEN} failed`, 'POST /webhooks/100000000000000001/[redacted] failed'],
    [`/webhooks/100000000000000001/${TOKEN}?wait=true`, '/webhooks/100000000000000001/[redacted]?wait=true'],
  ])('keeps the ids and redacts the token of %s', (text, redacted) => {
    expect(redactTokens(text)).toBe(redacted);
  });

  it('leaves paths that carry no token as they are', () => {
    const text = 'PATCH /channels/300000000000000003/messages/400000000000000004 and /applications/1/commands';
    expect(redactTokens(text)).toBe(text);
  });
});

describe('the logger', () => {
  it('writes no interaction token, wherever in the line it is: an error’s URL, message or stack, or a field', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    const url = `https://discord.com/api/v10/interactions/1234567890/${TOKEN}/callback`;
    const error = Object.assign(new Error(`request to ${url} failed`), { url, status: 400 });
    log.error('interaction failed', { error, path: `/webhooks/100000000000000001/${TOKEN}/messages/%40original` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    const line = JSON.parse(lines[0]!) as { error: { url: string; message: string; stack: string }; path: string };
    expect(line.error.url).toBe('https://discord.com/api/v10/interactions/1234567890/[redacted]/callback');
    expect(line.error.message).toBe('request to https://discord.com/api/v10/interactions/1234567890/[redacted]/callback failed');
    expect(line.error.stack).toContain('/interactions/1234567890/[redacted]/callback failed');
    expect(line.path).toBe('/webhooks/100000000000000001/[redacted]/messages/%40original');
  });
});
