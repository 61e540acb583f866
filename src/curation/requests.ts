import type { CommandContext } from '../command/command.ts';
import { encodeCustomId } from '../command/custom-id.ts';
import type { ClaimStore } from '../store/claim-store.ts';
import { RequestClosedError, TooManyOpenRequestsError, type RequestRecord } from '../store/request-table.ts';
import { RefusedError, UserError } from '../core/errors.ts';
import { Pending } from '../command/pending.ts';
import { escapeMarkdown } from '../views/markdown.ts';
import type { Choice, Reply, ReplyButton } from '../views/reply.ts';
import { terms } from '../search/text.ts';
import { ellipsis, LIMITS } from '../views/limits.ts';
import { tellAskers } from './request-notices.ts';
import { visibleLength } from '../core/text.ts';

/** The words behind an "Ask the desk" button: too long for a button's id, so kept here while the button can be pressed. */
const questions = new Pending<string>();

/** A button under a "no match" answer that turns it into a request to the desk. `command` routes the press back. */
export function askTheDeskButton(command: string, words: string): ReplyButton {
  return { id: encodeCustomId({ command, action: 'ask', args: [questions.put(words)] }), label: 'Ask the desk', style: 'primary' };
}

/** Requests for the same thing share a key: their informative words, folded and sorted ("Troops in Kursk?" = "kursk troops"). */
export function requestKey(words: string): string {
  return [...new Set(terms(words))].sort().join(' ');
}

/** The longest request to the desk, in characters as the user sees them: a question, not a pasted article. */
export const MAX_REQUEST_LENGTH = 500;
/** How many open requests one person may have at a time: the desk answers them before that person asks for more. */
export const MAX_OPEN_REQUESTS_PER_PERSON = 3;

/**
 * The press of "Ask the desk": records who asked what, where, and says so in place of the button's message. Only in
 * the newsroom's own server, only for a question of up to MAX_REQUEST_LENGTH characters, and only while the person
 * has fewer than MAX_OPEN_REQUESTS_PER_PERSON other requests open.
 */
export async function askTheDesk(key: string, { store, actor, channelId, fromNewsroom }: CommandContext): Promise<Reply> {
  if (fromNewsroom !== undefined && fromNewsroom !== true) throw new UserError(`${fromNewsroom} Nothing was recorded.`);
  const words = questions.get(key);
  if (!words) throw new UserError('That button has expired (after 15 minutes). Search again, and ask from the new answer.');
  const length = visibleLength(words);
  if (length > MAX_REQUEST_LENGTH)
    throw new UserError(
      `A request to the desk can be at most ${MAX_REQUEST_LENGTH} characters; this one has ${length}. Ask with \`/claim\` and the words you want checked. Nothing was recorded.`,
    );
  const request = await store.requests
    .record(
      requestKey(words) || words.toLowerCase(),
      words,
      { userId: actor.id, guildId: actor.guildId ?? null, channelId: channelId ?? null },
      actor,
      MAX_OPEN_REQUESTS_PER_PERSON,
    )
    .catch((error: unknown) => {
      if (!(error instanceof TooManyOpenRequestsError)) throw error;
      const ids = error.openRequestIds.map((id) => `#${id}`).join(', ');
      throw new UserError(
        `You already have ${error.openRequestIds.length} open requests (${ids}), the most one person can have at a time: you can ask again once the desk has answered one. Not recorded: “${escapeMarkdown(ellipsis(words, 200))}”.`,
      );
    });
  const others = request.askers - 1;
  const company = others > 0 ? ` ${others} other ${others === 1 ? 'person has' : 'people have'} asked for this too.` : '';
  return {
    content: `Asked the desk (request #${request.id}): “${escapeMarkdown(ellipsis(words, 200))}”. You will be told here when it is answered.${company}`,
    embeds: [],
    update: true,
  };
}

/** The open requests, most asked first, one line each: what /claims requests shows. */
export function requestLines(requests: readonly RequestRecord[]): string[] {
  return requests.map(
    (request) => `#${request.id} ×${request.askers} “${escapeMarkdown(ellipsis(request.words, 120))}” · since ${request.createdAt.slice(0, 10)}`,
  );
}

/** Open requests as autocomplete choices for a `request` option. */
export async function requestChoices(typed: string, store: ClaimStore): Promise<Choice[]> {
  const open = await store.requests.findOpen(typed, LIMITS.choices);
  return open.map((request) => ({ name: `#${request.id} ×${request.askers}: ${request.words}`, value: String(request.id) }));
}

/**
 * Answers an open request with a claim and tells everyone who asked, once, in the channel where they asked,
 * pinging only them. Telling takes a while (Discord paces a bot's messages), so the answer is deferred first.
 * Returns what to tell the moderator.
 */
export async function answerRequest(id: number, claimId: string, context: CommandContext): Promise<string> {
  await context.defer?.();
  const { store, actor } = context;
  const claim = store.claim(claimId);
  if (!claim) throw new RefusedError({ kind: 'no-claim', id: claimId });
  const request = await openRequest(id, context);
  const askers = await closing(id, () => store.requests.close(id, { status: 'answered', claimId }, actor), context);
  const told = await tellAskers(request, claim, askers, context);
  return `Answered request #${id} with \`${claimId}\`: told ${told} of ${askers.length} who asked${askers.length > told ? ' (the others asked in the console, or where the bot could not post: it tries again when it next starts)' : ''}.`;
}

export async function dismissRequest(id: number, reason: string, context: CommandContext): Promise<string> {
  await openRequest(id, context);
  await closing(id, () => context.store.requests.close(id, { status: 'dismissed', note: reason }, context.actor), context);
  return `Dismissed request #${id}: ${escapeMarkdown(reason)}`;
}

/** A request that is answered or dismissed already: what happened to it, in words, for the moderator. */
export class RequestNotOpenError extends UserError {
  constructor(
    readonly requestId: number,
    readonly outcome: string,
  ) {
    super(`Request #${requestId} was already ${outcome}.`);
  }
}

/** The open request with this id, or a UserError that says what it is instead. */
export async function openRequest(id: number, { store }: CommandContext): Promise<RequestRecord> {
  const request = await store.requests.get(id);
  if (!request) throw new UserError(`There is no request #${id}. Pick one from the list as you type.`);
  if (request.status !== 'open') throw new RequestNotOpenError(id, await closedAs(request, store));
  return request;
}

/** Two moderators closing one request at once: the second is told what the first did, not failed. */
async function closing<T>(id: number, close: () => Promise<T>, { store }: CommandContext): Promise<T> {
  try {
    return await close();
  } catch (error) {
    if (!(error instanceof RequestClosedError)) throw error;
    const request = await store.requests.get(id);
    throw new RequestNotOpenError(id, request ? await closedAs(request, store) : 'closed');
  }
}

/** "dismissed by desk-editor (id) as “not a claim”", "answered with `claim-id` by desk-editor (id)": from the request's log. */
async function closedAs(request: RequestRecord, store: CommandContext['store']): Promise<string> {
  const closedBy = (await store.requests.log(request.id)).findLast((entry) => entry.action === request.status);
  const by = closedBy ? ` by ${escapeMarkdown(closedBy.actor)}` : '';
  if (request.status === 'answered') return `answered with \`${request.claimId}\`${by}`;
  return `${request.status}${by}${request.note ? ` as “${escapeMarkdown(ellipsis(request.note, 200))}”` : ''}`;
}
