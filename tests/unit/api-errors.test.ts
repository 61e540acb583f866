import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { describeDiscordError, describeDiscordFailure } from '../../src/discord/api-errors.ts';
import { describeFailure } from '../../src/views/failure.ts';
import { REFUSED_REGISTRATION } from '../support/refusals.ts';

describe('describeDiscordError', () => {
  it('names the refused field in Discord’s notation, led by the command it is in', () => {
    expect(describeDiscordError(REFUSED_REGISTRATION, ['/claim', '/claims'])).toBe(
      '/claims options[0].options[7].description: Must be between 1 and 100 in length',
    );
  });

  it('names the item by its index when the items have no names', () => {
    expect(describeDiscordError(REFUSED_REGISTRATION)).toBe('[1].options[0].options[7].description: Must be between 1 and 100 in length');
  });

  it('lists every refused field on one line', () => {
    const body = {
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
        embeds: { '0': { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } } },
      },
    };
    expect(describeDiscordError(body)).toBe('content: Must be 2000 or fewer in length; embeds[0].title: Must be 256 or fewer in length');
  });

  it('falls back to Discord’s message when it names no field', () => {
    expect(describeDiscordError({ code: 50001, message: 'Missing Access' })).toBe('Missing Access');
  });
});

describe('describeDiscordFailure', () => {
  it('says Discord refused it, with the status, the code and the field', () => {
    const error = new DiscordAPIError(REFUSED_REGISTRATION, 50035, 400, 'PUT', 'https://discord.com/api/v10/applications/1/commands', {});
    expect(describeDiscordFailure(error, ['/claim', '/claims'])).toBe(
      'Discord refused it (400, code 50035): /claims options[0].options[7].description: Must be between 1 and 100 in length',
    );
  });

  it('tells a failure of Discord itself from a refusal', () => {
    const error = new HTTPError(503, 'Service Unavailable', 'PUT', 'https://discord.com/api/v10/applications/1/commands', {
      body: undefined,
      files: undefined,
    });
    expect(describeDiscordFailure(error)).toBe('Discord failed to answer (503 Service Unavailable)');
  });

  it('says why Discord could not be reached, from the network error inside fetch’s', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(describeDiscordFailure(new TypeError('fetch failed', { cause: refused }))).toBe(
      'Discord could not be reached or answered oddly: fetch failed (ECONNREFUSED)',
    );
  });
});

describe('describeFailure', () => {
  it('keeps the first line of a message only, never a stack', () => {
    expect(describeFailure(new Error('database is locked\n    at Database.open (db.ts:1:1)'))).toBe('database is locked');
    expect(describeFailure('plain text')).toBe('plain text');
  });

  it("adds the system's code, from the error or its cause, unless the message already says it", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    expect(describeFailure(new TypeError('fetch failed', { cause: refused }))).toBe('fetch failed (ECONNREFUSED)');
    expect(describeFailure(refused)).toBe('connect ECONNREFUSED 127.0.0.1:443');
    expect(describeFailure(Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBe('no such file (ENOENT)');
    expect(describeFailure(Object.assign(new Error('failed'), { code: 5 }))).toBe('failed');
  });

  it('names the kind of an error that has no message', () => {
    expect(describeFailure(new RangeError(''))).toBe('RangeError');
    expect(describeFailure(new Error('  \nat x'))).toBe('Error');
  });
});
