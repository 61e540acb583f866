import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../support/bot.ts';
import { moderator, NEW_CLAIM_FORM as FORM, NEWSROOM } from '../support/people.ts';

interface Component {
  custom_id?: string;
  value?: string;
  component?: Component;
  components?: Component[];
}
interface Callback {
  type: number;
  data: { content?: string; embeds?: { description: string }[]; custom_id?: string; components?: Component[] };
}

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM });
});
afterAll(() => t.stop());

const answer = async (interaction: Promise<{ id: string; token: string }>) => (await t.discord.reply(await interaction)).body as Callback;

describe('/claims add with a link that is not a web page', () => {
  it.each(['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd'])('saves nothing, names the URL field and keeps the text: %s', async (url) => {
    const opened = await answer(t.discord.slashCommand('claims', [{ name: 'add', type: 1, options: [] }], moderator));
    const before = t.store.claims.length;
    const rejected = await answer(t.discord.modalSubmit(opened.data.custom_id!, { ...FORM, 'reported-by': `Euronews ${url}` }, moderator));
    expect(rejected.data.content).toBe('Nothing was saved:\n• **Reported by (the URL)**: must be an http(s) URL like https://example.org/article');
    expect(t.store.claims.length).toBe(before);
    const fix = rejected.data.components![0]!.components![0]!;
    const reopened = await answer(t.discord.button(fix.custom_id!, moderator));
    const fields = Object.fromEntries(reopened.data.components!.map((label) => [label.component!.custom_id, label.component!.value]));
    expect(fields['reported-by']).toBe(`Euronews ${url}`);
    expect(fields.statement).toBe(FORM.statement);
  });
});
