import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord.ts';
import { startBotUnderTest } from '../support/bot.ts';
import { startBuiltBot } from '../support/built-bot.ts';
import { REPO, SHIPPED_CLAIMS } from '../support/files.ts';
import { moderator, NEWSROOM } from '../support/people.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { scratchDatabase } from '../support/store.ts';

// Issue 19, item 5: the bot killed while telling askers an answer knows afterwards exactly who was told.

const askers = ['750000000000000001', '750000000000000002', '750000000000000003'];

beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: REPO });
}, 120_000);

describe('the bot killed in the middle of telling askers an answer', () => {
  it('has recorded each asker told before the kill, and its next start tells only the others', async () => {
    const database = await scratchDatabase();
    const discord = await FakeDiscord.start();
    try {
      const seeding = await ClaimStore.open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS });
      let id = 0;
      for (const userId of askers) {
        const actor = { id: userId, name: `reader ${userId}`, guildId: NEWSROOM };
        id = (
          await seeding.requests.record('ferry vidin', 'is the ferry to vidin running', { userId, guildId: NEWSROOM, channelId: discord.channelId }, actor, 3)
        ).id;
      }
      await seeding.close();

      const bot = await startBuiltBot(discord, { DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: database.url });
      await bot.logged('connected');
      const channel = new RegExp(`^/channels/${discord.channelId}/messages$`);
      // The third notice stays in flight: the bot is killed while it waits for Discord.
      let posts = 0;
      const third = discord
        .nextRequest((r) => r.method === 'POST' && channel.test(r.path) && ++posts === 2, 30_000)
        .then(() => discord.holdNext('POST', channel));
      await discord.slashCommand(
        'claims',
        [
          {
            name: 'answer',
            type: 1,
            options: [
              { name: 'request', type: 4, value: id },
              { name: 'claim', type: 3, value: 'zelensky-tehran-too' },
            ],
          },
        ],
        moderator,
      );
      await (await third).arrived;
      await bot.kill();

      const afterCrash = await ClaimStore.open({ databaseUrl: database.url, seedFile: SHIPPED_CLAIMS });
      const [untold] = await afterCrash.requests.untold(3);
      expect(untold!.askers.map((asker) => asker.userId)).toEqual([askers[2]]);
      expect((await afterCrash.requests.log(id)).map((entry) => entry.action)).toEqual(['asked', 'asked', 'asked', 'answered', 'notified', 'notified']);
      await afterCrash.close();

      const next = await FakeDiscord.start();
      const restarted = await startBotUnderTest({ DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: database.url }, next);
      try {
        const post = await next.nextRequest((r) => r.method === 'POST' && r.path === `/channels/${next.channelId}/messages`, 15_000);
        expect((post.body as { content: string }).content).toMatch(new RegExp(`^<@${askers[2]}> you asked the desk about “is the ferry to vidin running”`));
        await expect.poll(async () => (await restarted.store.requests.untold(3)).length).toBe(0);
        expect(next.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'))).toHaveLength(1);
      } finally {
        await restarted.stop();
      }
    } finally {
      await discord.close();
      await database.cleanup();
    }
  }, 120_000);
});
