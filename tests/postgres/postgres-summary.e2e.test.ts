import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guildShard } from '../../src/config/shard-plan.ts';
import { FakeDiscord, type ApplicationCommandOptionLike, type RecordedRequest } from '../support/fake-discord.ts';
import { startBuiltBot, type BuiltBot } from '../support/built-bot.ts';
import { REPO } from '../support/files.ts';
import { moderator, NEWSROOM } from '../support/people.ts';
import { POSTGRES_SKIPPED, scratchPostgres, TEST_DATABASE_URL } from '../support/postgres.ts';

if (!TEST_DATABASE_URL) console.log(POSTGRES_SKIPPED);

const SHARD_COUNT = 2;
const CHANNEL = '300000000000000003';
const STORY = 'north-korean-troops-in-russia';
const CLAIM = 'zelensky-tehran-too';
/**
 * How long to go on watching both Discords once both processes have the change: the summaries gather changes for
 * 1 s (src/summary/sync.ts) before editing, so a second edit, from either process, would be sent within it. Plus a
 * margin for the request itself. A correctness wait (did a second edit come?), not a measure of speed.
 */
const SETTLE_MS = 2000;

interface Callback {
  type: number;
  data: { content?: string; embeds?: { fields: { name: string; value: string }[] }[] };
}
interface SummaryEdit {
  embeds: { description: string }[];
}

/** One bot process and the loopback Discord that only it talks to. */
interface ShardProcess {
  discord: FakeDiscord;
  bot: BuiltBot;
}

const text = (name: string, value: string): ApplicationCommandOptionLike => ({ name, type: 3, value });
const reply = async (discord: FakeDiscord, interaction: Promise<{ id: string; token: string }>) => (await discord.reply(await interaction)).body as Callback;
const verdictShown = async (discord: FakeDiscord) =>
  (await reply(discord, discord.slashCommand('claim', [text('query', CLAIM)]))).data.embeds?.[0]?.fields.find((field) => field.name === 'Verdict')?.value;
const isSummaryEdit = (messageId: string) => (request: RecordedRequest) =>
  request.method === 'PATCH' && request.path === `/channels/${CHANNEL}/messages/${messageId}`;
const toChannels = (request: RecordedRequest) => request.path.startsWith('/channels/');

/** Asks `/claim` in `discord` until its verdict reads `label` (for at most 5 s, when the test fails on it). */
async function untilShown(discord: FakeDiscord, label: string): Promise<void> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; ) if ((await verdictShown(discord))?.includes(label)) return;
  expect(await verdictShown(discord)).toContain(label);
}

describe.skipIf(!TEST_DATABASE_URL)('a pinned summary, with the bot sharded over two processes on one PostgreSQL database', () => {
  let owner: ShardProcess;
  let other: ShardProcess;
  let summaryId: string;
  let dropDatabase: () => Promise<void>;

  /** Starts the built bot as the shards `ids` of SHARD_COUNT, against a loopback Discord of its own; resolves once it follows changes. */
  async function startShard(ids: string, databaseUrl: string): Promise<ShardProcess> {
    const discord = await FakeDiscord.start();
    const bot = await startBuiltBot(discord, { DISCORD_GUILD_ID: NEWSROOM, DATABASE_URL: databaseUrl, SHARD_IDS: ids, SHARD_COUNT: String(SHARD_COUNT) });
    // Logged once the summaries follow the store's changes (src/discord/bot.ts).
    await bot.logged('connected');
    return { discord, bot };
  }

  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: REPO });
    const database = await scratchPostgres(TEST_DATABASE_URL!);
    dropDatabase = database.cleanup;
    owner = await startShard('0', database.url);
    other = await startShard('1', database.url);

    // A moderator of the newsroom posts the summary; the newsroom's server is on shard 0, where its events arrive.
    const posted = await owner.discord.slashCommand('summary', [{ name: 'post', type: 1, options: [text('story', STORY)] }], moderator);
    const answered = await owner.discord.nextRequest((request) => request.method === 'PATCH' && request.path.endsWith(`/${posted.token}/messages/@original`));
    expect((answered.body as { content: string }).content).toContain('Posted the summary');
    summaryId = owner.discord.pinnedIn(CHANNEL)[0]!;
  }, 60_000);

  afterAll(async () => {
    for (const shard of [other, owner]) {
      await shard?.bot.stop();
      await shard?.discord.close();
    }
    await dropDatabase?.();
  });

  it('runs as shard 0 and shard 1 of 2, the newsroom’s server is on shard 0, and the summary is posted and pinned there only', () => {
    expect(guildShard(NEWSROOM, SHARD_COUNT)).toBe(0);
    expect(owner.bot.logs().find((line) => line.message === 'claims loaded')).toMatchObject({ database: 'postgres', shards: [0], shardCount: SHARD_COUNT });
    expect(other.bot.logs().find((line) => line.message === 'claims loaded')).toMatchObject({ database: 'postgres', shards: [1], shardCount: SHARD_COUNT });
    expect(owner.discord.messagesIn(CHANNEL).map((message) => message.id)).toEqual([summaryId]);
    expect(other.discord.requests.filter(toChannels)).toEqual([]);
  });

  /**
   * Re-rates the claim through `through`'s Discord, waits for the owner's edit of the summary and until both processes
   * show the new verdict, then watches both Discords for SETTLE_MS more. Returns every request each got meanwhile.
   */
  async function reRate(through: ShardProcess, verdict: string, label: string) {
    const marks = [owner.discord.requests.length, other.discord.requests.length] as const;
    const edited = owner.discord.nextRequest(isSummaryEdit(summaryId), 10_000);
    const rated = await reply(
      through.discord,
      through.discord.slashCommand('claims', [{ name: 'verdict', type: 1, options: [text('id', CLAIM), text('verdict', verdict)] }], moderator),
    );
    expect(rated.data.content).toContain(`Re-rated \`${CLAIM}\``);
    await edited;
    // From when a process has the change, its summaries send any edit within the 1 s they gather changes.
    await untilShown(owner.discord, label);
    await untilShown(other.discord, label);
    await sleep(SETTLE_MS);
    return { atOwner: owner.discord.requests.slice(marks[0]), atOther: other.discord.requests.slice(marks[1]) };
  }

  // In this order: the second re-rates the claim the first did.
  it.each([
    { through: 'the other process', process: () => other, verdict: 'disputed', label: '⚖️ Disputed' },
    { through: 'shard 0’s process itself', process: () => owner, verdict: 'false', label: '❌ False' },
  ])('a re-rate made through $through edits the summary exactly once, from shard 0’s process, with the new verdict', async ({ process, verdict, label }) => {
    const { atOwner, atOther } = await reRate(process(), verdict, label);

    const edits = atOwner.filter(isSummaryEdit(summaryId));
    expect(edits).toHaveLength(1);
    const [embed] = (edits[0]!.body as SummaryEdit).embeds;
    expect(embed!.description).toContain(`**15 claims · 14 unverified · 1 ${verdict}**`);
    expect(embed!.description).toContain(`${label} · **Volodymyr Zelensky** · \`${CLAIM}\``);
    // Nothing else touched the channel: no new message, the same pin.
    expect(atOwner.filter(toChannels)).toEqual(edits);
    expect(owner.discord.pinnedIn(CHANNEL)).toEqual([summaryId]);
    // The other process sent nothing to any channel: no edit, and no summary of its own.
    expect(atOther.filter(toChannels)).toEqual([]);
  });
});
