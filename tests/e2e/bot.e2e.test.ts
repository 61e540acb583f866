import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeDiscord, type RecordedRequest } from '../support/fake-discord.ts';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { tempDataset } from '../support/files.ts';

interface Embed {
  title: string;
  description: string;
  fields: { name: string; value: string }[];
  footer: { text: string };
}
interface Callback {
  type: number;
  data: { content?: string; embeds?: Embed[]; flags?: number; choices?: { name: string; value: string }[]; allowed_mentions?: unknown };
}

const EPHEMERAL = 64;
const query = (value: string) => [{ name: 'query', type: 3, value }];
const field = (embed: Embed | undefined, name: string) => embed?.fields.find((f) => f.name === name)?.value;

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBotUnderTest({ DISCORD_GUILD_ID: '200000000000000002' });
});
afterAll(() => t.stop());

async function ask(options: { name: string; type: number; value: string | boolean }[]): Promise<Callback> {
  const interaction = await t.discord.slashCommand('claim', options);
  return (await t.discord.reply(interaction)).body as Callback;
}

describe('the bot on a loopback Discord', () => {
  it('registers /claim in the configured guild on startup', () => {
    const [command] = t.discord.commands('guild') as { name: string; options: Record<string, unknown>[] }[];
    expect(command?.name).toBe('claim');
    expect(command?.options[0]).toMatchObject({ name: 'query', required: true, autocomplete: true, min_length: 1, max_length: 200 });
    expect(t.discord.commands('global')).toEqual([]);
    expect(t.logs).toContainEqual(expect.objectContaining({ message: 'commands in sync', result: 'registered' }));
  });

  it('does not register again when Discord already has the same commands', async () => {
    const alreadyRegistered = await FakeDiscord.start({ commands: { guild: t.discord.commands('guild') } });
    const again = await startBotUnderTest({ DISCORD_GUILD_ID: '200000000000000002' }, alreadyRegistered);
    try {
      expect(again.discord.requests.filter((r) => r.method === 'PUT')).toEqual([]);
      expect(again.logs).toContainEqual(expect.objectContaining({ message: 'commands in sync', result: 'unchanged' }));
    } finally {
      await again.stop();
    }
  });

  it.each([
    ['nort korean troops', '10,000', '🕶️ anonymous source'],
    ['zelenksy coalition', 'coalition of criminals', '🎯 interested party'],
    ['isw donetsk', 'Donetsk', '🕶️ anonymous source\n🔁 secondhand: citing reports it “recently observed”'],
    ['marupol', 'Mariupol', '🎯 interested party\n1️⃣ single source\n🚫 Euronews could not verify it'],
    ['3000 batallion', '3,000-person', '🕶️ anonymous source\n🔁 secondhand: citing anonymous military intelligence sources'],
  ])('answers /claim %s with the top claim, its attribution and its flags', async (text, expected, sourcing) => {
    const { type, data } = await ask(query(text));
    expect(type).toBe(4);
    const [embed] = data.embeds!;
    expect(embed!.description).toContain(expected);
    expect(field(embed, 'Verdict')).toBe('⚠️ Unverified');
    expect(field(embed, 'Attribution')).toContain('reported by Euronews');
    expect(field(embed, 'Sourcing')).toBe(sourcing);
    expect(data.flags ?? 0).toBe(0);
  });

  it('shows the sourcing flags in words, and under the answer only other claims that match too', async () => {
    const [embed] = (await ask(query('kyiv independent'))).data.embeds!;
    expect(embed!.title).toBe('The Kyiv Independent, Ukrainian newspaper');
    expect(field(embed, 'Sourcing')).toBe('🕶️ anonymous source\n🔁 secondhand: citing Western sources');
    expect(field(embed, 'Attribution')).toBe('The Kyiv Independent, citing Western sources · reported by Euronews');
    // Only one claim names the Kyiv Independent: nothing merely close is listed as a match.
    expect(field(embed, 'Other matches')).toBeUndefined();
    const [troops] = (await ask(query('north korean troops russia'))).data.embeds!;
    expect(field(troops, 'Other matches')?.split('\n')).toHaveLength(2);
  });

  it('offers up to 25 autocomplete choices, claimant and statement within 100 characters, valued by claim id', async () => {
    const interaction = await t.discord.autocomplete('claim', [{ name: 'query', type: 3, value: 'north ko', focused: true }]);
    const { type, data } = (await t.discord.reply(interaction)).body as Callback;
    expect(type).toBe(8);
    expect(data.choices!.length).toBeGreaterThan(1);
    expect(data.choices!.length).toBeLessThanOrEqual(25);
    for (const choice of data.choices!) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value).toMatch(/^[a-z0-9-]+$/);
    }
    expect(data.choices!.some((choice) => choice.name.startsWith('Volodymyr Zelensky: '))).toBe(true);
  });

  it('shows exactly the claim picked from autocomplete', async () => {
    const [embed] = (await ask(query('isw-putin-commitment'))).data.embeds!;
    expect(embed!.footer.text).toMatch(/^claim isw-putin-commitment /);
    expect(field(embed, 'Other matches')).toBeUndefined();
  });

  it('autocompletes the story filter', async () => {
    const interaction = await t.discord.autocomplete('claim', [
      { name: 'query', type: 3, value: 'kursk' },
      { name: 'story', type: 3, value: 'korean', focused: true },
    ]);
    expect(((await t.discord.reply(interaction)).body as Callback).data.choices).toEqual([
      { name: 'North Korean troops in Russia', value: 'north-korean-troops-in-russia' },
    ]);
  });

  it('says when nothing matches, privately, and how to add a claim', async () => {
    const { data } = await ask(query('banana smoothie recipe'));
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/^No claim matches “banana smoothie recipe”\./);
    expect(data.content).toContain('Press Ask the desk');
    expect((data as { components?: { components: { label: string; custom_id: string }[] }[] }).components?.[0]?.components[0]).toMatchObject({
      label: 'Ask the desk',
      custom_id: expect.stringMatching(/^claim:ask:/),
    });
  });

  it('offers the closest claims when the best match is only a guess', async () => {
    const { data } = await ask(query('kim jong un birthday party'));
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/^No claim matches “kim jong un birthday party”\.\n\nClosest claims:\n• Volodymyr Zelensky: “In the coalition of criminals/);
  });

  it('applies the filters and the private option', async () => {
    const filtered = await ask([...query('north korea'), { name: 'verdict', type: 3, value: 'false' }]);
    expect(filtered.data.content).toContain('among claims rated ❌ False');
    const privately = await ask([...query('kursk'), { name: 'private', type: 5, value: true }]);
    expect(privately.data.flags).toBe(EPHEMERAL);
    expect(privately.data.embeds![0]!.description).toContain('Kursk');
  });

  it('answers a user mistake with an ephemeral message that says what was wrong', async () => {
    const { data } = await ask([...query('kursk'), { name: 'story', type: 3, value: 'no-such-story' }]);
    expect(data).toMatchObject({ flags: EPHEMERAL, content: 'There is no story “no-such-story”. Pick one from the list as you type.' });
  });

  it('keeps serving after a reply fails at Discord, and logs the failure with context', async () => {
    // discord.js retries a 5xx three times: fail all four attempts of the first reply.
    for (let attempt = 0; attempt < 4; attempt++) t.discord.failNext('POST', /\/interactions\/\d+\/[^/]+\/callback$/, 500);
    const failed = await t.discord.slashCommand('claim', query('kursk'));
    const callbacks = (r: RecordedRequest) => r.path.startsWith(`/interactions/${failed.id}/`);
    await t.discord.nextRequest((r) => callbacks(r) && t.discord.requests.filter(callbacks).length === 5);
    const errorReply = t.discord.requests.filter(callbacks)[4]!.body as Callback;
    expect(errorReply.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('Something went wrong on our side') });
    expect(t.logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'interaction failed', interaction: failed.id, command: 'claim' }));

    const next = await ask(query('kursk'));
    expect(next.data.embeds![0]!.description).toContain('Kursk');
  });

  it('logs each interaction with its command, latency and outcome', async () => {
    const answered = await t.discord.slashCommand('claim', query('kursk'));
    const mistake = await t.discord.slashCommand('claim', [...query('kursk'), { name: 'story', type: 3, value: 'no-such-story' }]);
    // The bot logs an interaction right after its reply reaches Discord: wait for both lines.
    const logOf = (id: string) => t.logs.find((line) => line.message === 'interaction' && line.interaction === id);
    await vi.waitFor(() => expect(logOf(answered.id) && logOf(mistake.id)).toBeTruthy());
    expect(logOf(answered.id)).toMatchObject({ level: 'info', command: 'claim', kind: 'command', outcome: 'ok', ms: expect.any(Number) });
    expect(logOf(mistake.id)).toMatchObject({ level: 'info', command: 'claim', kind: 'command', outcome: 'user-error' });
    expect(JSON.stringify(t.logs)).not.toContain('test.token.not-real');
  });
});

describe('a hostile claim', () => {
  it('pings nobody: every reply carries empty allowed_mentions', async () => {
    const { file, cleanup } = await tempDataset((dataset) => {
      const [first] = dataset.claims as Record<string, unknown>[];
      first!.statement = '@everyone @here <@&123456789012345678> <@123456789012345678> North Korean troops';
    });
    const hostile = await startBotUnderTest({ CLAIMS_PATH: file });
    try {
      const interaction = await hostile.discord.slashCommand('claim', query('north korean troops everyone'));
      const { data } = (await hostile.discord.reply(interaction)).body as Callback;
      expect(data.embeds![0]!.description).toContain('@everyone @here <@&123456789012345678>');
      expect(data.allowed_mentions).toEqual({ parse: [] });
      const missing = await hostile.discord.slashCommand('claim', query('@everyone banana'));
      expect(((await hostile.discord.reply(missing)).body as Callback).data.allowed_mentions).toEqual({ parse: [] });
    } finally {
      await hostile.stop();
      await cleanup();
    }
  });
});

describe('hostile markdown', () => {
  it('reaches Discord escaped: no live link, heading or formatting from claim text or an echoed query', async () => {
    const { file, cleanup } = await tempDataset((dataset) => {
      const [first] = dataset.claims as Record<string, unknown>[];
      first!.statement = '# North Korean troops [click](https://evil.example) *now*';
      first!.claimant = { name: '[Ministry](https://evil.example)' };
    });
    const hostile = await startBotUnderTest({ CLAIMS_PATH: file });
    try {
      const found = await hostile.discord.slashCommand('claim', query('north korean troops click now'));
      const [embed] = ((await hostile.discord.reply(found)).body as Callback).data.embeds!;
      expect(embed!.description).toBe('> \\# North Korean troops \\[click\\](https\\://evil.example) \\*now\\*');
      expect(embed!.title).toBe('\\[Ministry\\](https\\://evil.example)');
      const missing = await hostile.discord.slashCommand('claim', query('[banana](ftp://smoothie.test) # recipe'));
      const { data } = (await hostile.discord.reply(missing)).body as Callback;
      expect(data.content).toMatch(/^No claim matches “\\\[banana\\\]\(ftp\\:\/\/smoothie\.test\) # recipe”/);
    } finally {
      await hostile.stop();
      await cleanup();
    }
  });
});
