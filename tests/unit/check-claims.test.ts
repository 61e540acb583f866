import { afterAll, describe, expect, it } from 'vitest';
import { checkClaimsCommand } from '../../commands/check-claims.ts';
import { replyToText } from '../../src/terminal/terminal-text.ts';
import { consoleContext, scratchStore } from '../support/store.ts';

const { store, cleanup } = await scratchStore();
afterAll(cleanup);

// Chat as people write it: paraphrases of claims of the first story, and messages about something else
// that share some of its common words (war, troops, Russia, report).
describe('which known claim a chat message is about', () => {
  it.each([
    ['so north korea sent like 10,000 troops to russia to support the war against ukraine?? source: kyiv independent', 'kyiv-independent-10000-troops'],
    ['Zelensky says in the coalition of criminals alongside Putin, North Korea is already fighting', 'zelensky-coalition-of-criminals'],
    ['heard pyongyang has in effect entered the war against ukraine, euronews says', 'euronews-pyongyang-entered-the-war'],
    ['ISW says a small contingent of North Korean personnel is operating near occupied Donetsk. anyone confirm?', 'isw-donetsk-contingent'],
    ['wait, the 11th Airborne Brigade is forming a 3000 person battalion of North Korean citizens??', 'airborne-brigade-3000-battalion'],
  ])('%s → %s first', async (message, expected) => {
    const reply = await checkClaimsCommand.run({ message }, consoleContext(store));
    expect(reply.content).toMatch(/^This message matches/);
    expect(reply.embeds![0]!.footer).toMatch(new RegExp(`^claim ${expected} `));
  });

  it.each([
    'lunch at the canteen? I need a break from the war news',
    'the report on the budget is due friday, can someone send me the figures',
    'Russia beat Ukraine 2-1 in the friendly last night, what a game',
    'troops of volunteers cleaned the park this morning',
  ])('%s → no known claim, with the closest listed', async (message) => {
    const reply = await checkClaimsCommand.run({ message }, consoleContext(store));
    expect(replyToText(reply)).toMatch(/^No known claim in this message[\s\S]*Closest claims:/);
    expect(reply.buttons?.map((button) => button.label)).toEqual(['Ask the desk']);
  });
});
