import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { RecordedRequest } from '../support/fake-discord.ts';
import { DiscordContract, describeViolation, invalidFormBody } from '../support/discord-contract.ts';
import { FIRST_RESPONSE_MS, InteractionRules } from '../support/interaction-rules.ts';

const contract = DiscordContract.shared();
const register = (definitions: unknown) => contract.check('PUT', '/applications/100/guilds/200/commands', definitions);
const callback = (body: unknown) => contract.check('POST', '/interactions/300/token/callback', body);

describe('DiscordContract: request bodies against Discord’s OpenAPI spec', () => {
  it('accepts the bot’s own command definitions, default_member_permissions as a string (erratum)', () => {
    expect(register(commands.map((command) => command.data))).toBeUndefined();
  });

  it('refuses a description of 101 characters, naming the operation, the path and the value', () => {
    const violation = register([{ name: 'claims', description: 'Curate', options: [{ type: 1, name: 'add', description: 'd'.repeat(101) }] }]);
    expect(violation).toMatchObject({ operation: 'bulk_set_guild_application_commands', path: '[0].options[0].description', value: 'd'.repeat(101) });
    expect(describeViolation(violation!)).toBe(
      `bulk_set_guild_application_commands: [0].options[0].description = "${'d'.repeat(59)}… (101 characters): must NOT have more than 100 characters`,
    );
  });

  it('accepts a reply and refuses one with content over 2,000 characters, in the branch of its type', () => {
    expect(callback({ type: 4, data: { content: 'North Korea', flags: 64, allowed_mentions: { parse: [] } } })).toBeUndefined();
    expect(callback({ type: 4, data: { content: 'x'.repeat(2001) } })).toMatchObject({
      operation: 'create_interaction_response',
      path: 'data.content',
      message: 'must NOT have more than 2000 characters',
    });
  });

  it('names a missing required field', () => {
    expect(callback({ type: 9, data: { title: 'Add a claim', components: [] } })).toMatchObject({
      path: 'data.custom_id',
      value: undefined,
      message: "must have required property 'custom_id'",
    });
  });

  it('tells @original from a message id and a pin from a message', () => {
    expect(contract.operation('PATCH', '/webhooks/100/token/messages/@original')?.id).toBe('update_original_webhook_message');
    expect(contract.operation('PATCH', '/webhooks/100/token/messages/400')?.id).toBe('update_webhook_message');
    expect(contract.operation('PUT', '/channels/300/messages/pins/400')?.id).toBe('create_pin');
    expect(contract.check('PUT', '/channels/300/messages/pins/400', { reason: 'x' })).toMatchObject({
      operation: 'create_pin',
      message: 'this operation takes no body',
    });
  });

  it('answers a violation with Discord’s Invalid Form Body, the error nested at its path', () => {
    expect(invalidFormBody('[0].options[0].description', 'too long')).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { '0': { options: { '0': { description: { _errors: [{ code: 'CONTRACT_VIOLATION', message: 'too long' }] } } } } },
    });
  });
});

describe('InteractionRules: what Discord enforces beyond the spec', () => {
  const interaction = (type: number, data: Record<string, unknown> = {}) => ({ id: '300', token: 'token', type, data });
  const request = (method: string, path: string, body: unknown): RecordedRequest => ({ method, path, query: new URLSearchParams(), body });
  const reply = request('POST', '/interactions/300/token/callback', { type: 4, data: { content: 'ok' } });

  it('takes a first response within 3 s and refuses one after, as Unknown interaction', () => {
    const onTime = new InteractionRules(() => 1000);
    onTime.dispatched(interaction(2));
    expect(onTime.check(reply, 1000 + FIRST_RESPONSE_MS)).toBeUndefined();
    const late = new InteractionRules(() => 1000);
    late.dispatched(interaction(2));
    expect(late.check(reply, 1001 + FIRST_RESPONSE_MS)).toMatchObject({
      status: 404,
      body: { code: 10062 },
      violation: 'create_interaction_response: the first response came 3001 ms after the interaction; Discord allows 3000 ms (defer first)',
    });
  });

  it('refuses a second response and a follow-up before the first', () => {
    const rules = new InteractionRules(() => 0);
    rules.dispatched(interaction(2));
    expect(rules.check(request('POST', '/webhooks/100/token', { content: 'too early' }), 0)).toMatchObject({ body: { code: 10015 } });
    expect(rules.check(reply, 0)).toBeUndefined();
    expect(rules.check(reply, 0)).toMatchObject({ body: { code: 40060 } });
    expect(rules.check(request('POST', '/webhooks/100/token', { content: 'follow-up' }), 0)).toBeUndefined();
  });

  it('refuses autocomplete values that are not of the focused option’s type', () => {
    const rules = new InteractionRules(() => 0);
    rules.dispatched(interaction(4, { options: [{ type: 1, name: 'answer', options: [{ type: 4, name: 'request', value: '', focused: true }] }] }));
    const refused = rules.check(request('POST', '/interactions/300/token/callback', { type: 8, data: { choices: [{ name: '#3', value: '3' }] } }), 0);
    expect(refused?.violation).toBe('create_interaction_response: data.choices[0].value: "3" is not an integer, the option\'s type');
    expect(refused?.body).toMatchObject({ code: 50035, errors: { data: { choices: { '0': { value: {} } } } } });
  });

  it('refuses more than 6,000 characters across the embeds of one message, and an empty message', () => {
    const rules = new InteractionRules(() => 0);
    const embeds = [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }];
    expect(rules.check(request('POST', '/channels/300/messages', { embeds }), 0)?.violation).toBe(
      'create_message: embeds: 6001 characters across the embeds (Discord allows 6000 per message)',
    );
    expect(rules.check(request('POST', '/channels/300/messages', { allowed_mentions: { parse: [] } }), 0)).toMatchObject({ body: { code: 50006 } });
  });

  it('refuses a registration that breaks a documented limit the spec does not express', () => {
    const refused = new InteractionRules().check(request('PUT', '/applications/100/commands', [{ name: 'Claim', description: 'Look up' }]));
    expect(refused?.violation).toBe('bulk_set_application_commands: [0].name: "Claim" must be 1–32 lowercase letters, digits, - _ or \'');
  });
});
