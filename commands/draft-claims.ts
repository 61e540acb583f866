import { encodeCustomId } from '../src/command/custom-id.ts';
import { ApplicationCommandType, PermissionFlagsBits } from 'discord.js';
import type { Command, CommandContext } from '../src/command/command.ts';
import { fetchAttachment } from '../src/draft/attachment.ts';
import { draftArticle } from '../src/draft/draft-claims.ts';
import type { ArticleSource } from '../src/draft/drafter.ts';
import { DRAFT_COMMAND, pressReviewButton, startReview, submitEditedDraft } from '../src/draft/review.ts';
import { UserError } from '../src/core/errors.ts';
import { LIMITS } from '../src/views/limits.ts';
import type { ModalForm, Reply } from '../src/views/reply.ts';

/**
 * "Draft claims" on a message holding an article's text (right-click → Apps), for moderators: the claims the article
 * attributes, one at a time, each with Save, Edit, Skip and Save all. `/claims draft` answers with the same pages.
 */
export const draftClaimsCommand: Command = {
  data: { type: ApplicationCommandType.Message, name: DRAFT_COMMAND, contexts: [0], default_member_permissions: String(PermissionFlagsBits.ManageMessages) },
  moderatorsOnly: true,
  run({ message }, context): Promise<Reply> {
    const text = String(message ?? '');
    const story = storyFor(context);
    const url = /https?:\/\/[^\s<>]+/.exec(text)?.[0];
    // A pasted article names its outlet by its link; without one, it is taken to be the story's.
    const outlet = url ? new URL(url).hostname.replace(/^www\./, '') : context.store.story(story)?.source.outlet;
    if (!outlet) throw new UserError('Put the article’s link in the message, or use /claims draft to say its outlet.');
    return review(Buffer.from(text), undefined, story, { outlet, ...(url ? { url } : {}) }, context);
  },
  async component(input, context): Promise<Reply> {
    if (input.kind === 'button') return pressReviewButton(input.action, input.args[0] ?? '', context);
    if (input.action === 'edited') return submitEditedDraft(input.args[0] ?? '', input.values, context);
    if (input.action !== 'article') throw new Error(`unknown form ${DRAFT_COMMAND}:${input.action}`);
    const value = (name: string) => String(input.values[name] ?? '').trim();
    if (value('url') && !URL.canParse(value('url')))
      throw new UserError(`The link must be a URL like https://example.org/article; “${value('url')}” is not one. Nothing was drafted.`);
    return review(
      Buffer.from(value('article')),
      undefined,
      input.args[0] ?? '',
      { outlet: value('outlet'), ...(value('url') ? { url: value('url') } : {}) },
      context,
    );
  },
};

/** `/claims draft [file] [outlet] [url] [story]`: the attached article, or a form to paste it into. */
export async function draftFromCommand(options: { file?: string; outlet?: string; url?: string; story?: string }, context: CommandContext): Promise<Reply> {
  const story = storyFor(context, options.story);
  const outlet = options.outlet ?? context.store.story(story)?.source.outlet ?? '';
  if (!options.file) return { modal: articleForm(story, outlet, options.url) };
  if (!outlet) throw new UserError('Say which outlet published the article: the outlet option.');
  await context.defer?.();
  const { bytes, name } = await fetchAttachment(options.file, context.attachmentOrigins ?? []);
  return review(bytes, name, story, { outlet, ...(options.url ? { url: options.url } : {}) }, context);
}

async function review(bytes: Uint8Array, name: string | undefined, story: string, source: ArticleSource, context: CommandContext): Promise<Reply> {
  return startReview(await draftArticle(bytes, name, source, context.store.claims), story, source, context);
}

function storyFor({ store }: CommandContext, given?: string): string {
  if (given !== undefined && !store.story(given)) throw new UserError(`There is no story “${given}”. Pick one from the list as you type.`);
  const story = given ?? (store.stories.length === 1 ? store.stories[0]!.id : undefined);
  if (!story) throw new UserError('Say which story the claims belong to: /claims draft story:…');
  return story;
}

/** The form to paste an article into (a paragraph field takes up to 4,000 characters; longer ones go as a file). */
function articleForm(story: string, outlet: string, url: string | undefined): ModalForm {
  return {
    id: encodeCustomId({ command: DRAFT_COMMAND, action: 'article', args: [story] }),
    title: 'Draft claims from an article',
    inputs: [
      {
        kind: 'text',
        id: 'article',
        label: 'Article',
        description: 'The article’s text; a longer one goes as a file',
        required: true,
        long: true,
        maxLength: LIMITS.textInputValue,
      },
      {
        kind: 'text',
        id: 'outlet',
        label: 'Outlet',
        description: 'Who published it',
        value: outlet,
        required: true,
        long: false,
        maxLength: 200,
        placeholder: 'Euronews',
      },
      {
        kind: 'text',
        id: 'url',
        label: 'Link',
        description: 'The article’s URL, when it has one',
        value: url ?? '',
        required: false,
        long: false,
        maxLength: 1000,
        placeholder: 'https://…',
      },
    ],
  };
}
