import type { CommandContext } from '../../src/command/command.ts';
import { UserError } from '../../src/core/errors.ts';
import { emptyDraft } from '../../src/curation/claim-form.ts';
import { answerRequest, dismissRequest, openRequest, requestLines } from '../../src/curation/requests.ts';
import { LIMITS } from '../../src/views/limits.ts';
import type { Reply } from '../../src/views/reply.ts';
import type { ArgsOf } from './definition.ts';
import { addForm } from './form.ts';

export async function listRequests({ store }: CommandContext): Promise<Reply> {
  const open = await store.requests.open(LIMITS.requestsListed);
  if (open.length === 0) return { content: 'No open requests: nobody has asked the desk for anything yet.', ephemeral: true };
  return {
    embeds: [
      {
        title: 'Open requests, most asked first',
        description: requestLines(open).join('\n'),
        footer: 'Answer with /claims answer request:<n> [claim:<id>], or /claims dismiss.',
      },
    ],
    ephemeral: true,
  };
}

export async function answer(options: ArgsOf<'answer'>, context: CommandContext): Promise<Reply> {
  if (options.claim) return { content: await answerRequest(options.request, options.claim, context), ephemeral: true };
  // No claim yet: add one from the request, the form filled in with what the readers asked.
  const request = await openRequest(options.request, context);
  const { stories } = context.store;
  const story = stories.length === 1 ? stories[0]!.id : undefined;
  if (!story) throw new UserError('Add the claim with /claims add (say its story), then answer with /claims answer request claim.');
  return addForm({ story, verdict: 'unverified', quote: false, request: request.id }, `Add a claim for request #${request.id}`, {
    ...emptyDraft(),
    statement: request.words,
  });
}

export async function dismiss(options: ArgsOf<'dismiss'>, context: CommandContext): Promise<Reply> {
  return { content: await dismissRequest(options.request, options.reason, context), ephemeral: true };
}
