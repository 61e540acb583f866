import {
  ApplicationCommandOptionType,
  ChannelType,
  PermissionFlagsBits,
  type APIApplicationCommandChannelOption,
  type APIApplicationCommandStringOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/command/command.ts';
import { RefusedError, UserError } from '../src/core/errors.ts';
import { escapeMarkdown } from '../src/views/markdown.ts';
import type { Choice, Reply } from '../src/views/reply.ts';
import { summaryKey, type SummarySync, type SyncOutcome } from '../src/summary/sync.ts';
import { storyChoices } from '../src/command/choices.ts';

const story: APIApplicationCommandStringOption = {
  type: ApplicationCommandOptionType.String,
  name: 'story',
  description: 'The story (type to search)',
  required: true,
  autocomplete: true,
  max_length: 64,
};
const channel: APIApplicationCommandChannelOption = {
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  description: 'Where (default: this channel)',
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
};

const data = {
  name: 'summary',
  description: 'Pinned story summaries that keep themselves up to date (moderators)',
  // Only a default: server admins can change it, so the dispatcher checks moderators again at run time.
  default_member_permissions: String(PermissionFlagsBits.ManageMessages),
  contexts: [0],
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'post', description: 'Post and pin the summary of a story', options: [story, channel] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'refresh', description: 'Bring the summaries of a story up to date now', options: [story] },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      description: 'Delete a summary and stop keeping it up to date',
      options: [story, channel],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'Where the summaries are' },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const SummaryOptions = z.discriminatedUnion('subcommand', [
  z.object({ subcommand: z.literal('post'), story: z.string(), channel: z.string().optional() }),
  z.object({ subcommand: z.literal('refresh'), story: z.string() }),
  z.object({ subcommand: z.literal('remove'), story: z.string(), channel: z.string().optional() }),
  z.object({ subcommand: z.literal('list') }),
]);

export const summaryCommand = defineCommand({
  data,
  moderatorsOnly: true,
  options: SummaryOptions,
  async execute(options, context): Promise<Reply> {
    const { store } = context;
    if (options.subcommand === 'list') return { content: await listSummaries(context), ephemeral: true };
    const title = escapeMarkdown(store.story(options.story)?.title ?? '');
    if (!title) throw new RefusedError({ kind: 'no-story', story: options.story });
    const summaries = inDiscord(context);
    // Posting a long story takes one message per page, paced by Discord's rate limits: more than the 3 s an answer may take.
    await context.defer?.();
    switch (options.subcommand) {
      case 'post': {
        const channelId = options.channel ?? context.channelId!;
        const outcome = await summaries.post({ guildId: context.actor.guildId!, channelId, story: options.story });
        const done =
          outcome.messages === 0
            ? `Nothing was posted in <#${channelId}>.`
            : outcome.existed
              ? `The summary of “${title}” is already in <#${channelId}>: brought it up to date (${changed(outcome)}).`
              : `Posted the summary of “${title}” in <#${channelId}> (${plural(outcome.messages, 'message')}${outcome.unpinned === 0 ? ', pinned' : ''}). It changes by itself whenever a claim of the story does.`;
        return { content: [done, ...outcome.problems].join('\n'), ephemeral: true };
      }
      case 'refresh': {
        const outcomes = await summaries.refresh(options.story);
        if (outcomes.length === 0) return { content: `“${title}” has no summary yet: \`/summary post\` posts one.`, ephemeral: true };
        const lines = outcomes.map(
          (outcome) =>
            `• <#${outcome.channelId}>: ${outcome.forgotten ? 'forgotten' : changed(outcome)}${outcome.problems.length > 0 ? `. ${outcome.problems.join(' ')}` : ''}`,
        );
        return { content: [`Refreshed the summaries of “${title}”:`, ...lines].join('\n'), ephemeral: true };
      }
      case 'remove': {
        const channelId = options.channel ?? context.channelId!;
        const problems = await summaries.remove({ channelId, story: options.story });
        return { content: [`Deleted the summary of “${title}” in <#${channelId}>; it is no longer kept up to date.`, ...problems].join('\n'), ephemeral: true };
      }
    }
  },
  autocomplete(option, value, { store }): Choice[] {
    return option === 'story' ? storyChoices(value, store.stories) : [];
  },
});

/** The summaries live in Discord: at the console there is nowhere to post them. */
function inDiscord({ summaries, channelId, actor }: CommandContext): SummarySync {
  if (!summaries || !channelId || !actor.guildId) throw new UserError('Summaries are posted in a Discord channel: use this command in the bot’s server.');
  return summaries;
}

async function listSummaries({ store, summaries }: CommandContext): Promise<string> {
  const records = await store.summaries.list();
  if (records.length === 0) return 'No summaries are posted yet: `/summary post` posts one.';
  const lines = records.map((record) => {
    const title = escapeMarkdown(store.story(record.story)?.title ?? record.story);
    const updated = `<t:${Math.floor(Date.parse(record.updatedAt) / 1000)}:R>`;
    const problem = summaries?.problems.get(summaryKey(record));
    return `• “${title}” in <#${record.channelId}>: ${plural(record.messageIds.length, 'message')}, updated ${updated}${problem ? `. ⚠️ ${problem}` : ''}`;
  });
  return lines.join('\n');
}

function changed({ edited, posted, deleted, messages }: SyncOutcome): string {
  const parts = [edited && `${edited} edited`, posted && `${posted} posted`, deleted && `${deleted} deleted`].filter(Boolean);
  return parts.length === 0 ? `up to date, ${plural(messages, 'message')}` : `${plural(messages, 'message')}: ${parts.join(', ')}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
