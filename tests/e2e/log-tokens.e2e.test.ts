import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { moderator, NEWSROOM } from '../support/people.ts';

interface LoggedError {
  url?: string;
  message?: string;
  stack?: string;
}

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM });
});
afterAll(() => t.stop());

const INVALID_FORM_BODY = { message: 'Invalid Form Body', code: 50035 };
const failedLine = (id: string) => t.logs.find((line) => line.message === 'interaction failed' && line.interaction === id);

describe('a failed request to Discord in the logs', () => {
  it('logs the callback URL of a failed reply with the interaction id and without its token', async () => {
    t.discord.failNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 400, INVALID_FORM_BODY);
    const interaction = await t.discord.slashCommand('claim', [{ name: 'query', type: 3, value: 'kursk' }]);
    const callbacks = (r: RecordedRequest) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`;
    // The failed reply, then the error reply that says something went wrong.
    await t.discord.nextRequest((r) => callbacks(r) && t.discord.requests.filter(callbacks).length === 2);
    await expect.poll(() => failedLine(interaction.id)).toBeDefined();
    const error = failedLine(interaction.id)!.error as LoggedError;
    expect(error.url).toBe(`${t.discord.apiBaseUrl}/v10/interactions/${interaction.id}/[redacted]/callback?with_response=false`);
    expect(error.message).toBe('Invalid Form Body');
    expect(JSON.stringify(t.logs)).not.toContain(interaction.token);
  });

  it('logs the webhook URL of a failed edit of a deferred reply without its token', async () => {
    // /summary post defers, posts the summary, then edits the "thinking…" reply through the application's webhook.
    t.discord.failNext('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 400, INVALID_FORM_BODY);
    const options = [{ name: 'post', type: 1, options: [{ name: 'story', type: 3, value: 'north-korean-troops-in-russia' }] }];
    const interaction = await t.discord.slashCommand('summary', options, moderator);
    const edits = (r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${t.discord.applicationId}/${interaction.token}/messages/@original`;
    await t.discord.nextRequest((r) => edits(r) && t.discord.requests.filter(edits).length === 2);
    await expect.poll(() => failedLine(interaction.id)).toBeDefined();
    const error = failedLine(interaction.id)!.error as LoggedError;
    expect(error.url).toBe(`${t.discord.apiBaseUrl}/v10/webhooks/${t.discord.applicationId}/[redacted]/messages/%40original`);
    expect(JSON.stringify(t.logs)).not.toContain(interaction.token);
  });
});
