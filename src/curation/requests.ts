import type { CommandContext } from '../command/command.ts';
import { encodeCustomId } from '../command/custom-id.ts';
import type { ClaimStore } from '../store/claim-store.ts';
import type { RequestRecord } from '../store/request-table.ts';
import { RefusedError, UserError } from '../core/errors.ts';
import { Pending } from '../command/pending.ts';
import { renderClaimReply } from '../views/claim-view.ts';
import { escapeMarkdown } from '../views/markdown.ts';
import type { Choice, Reply, ReplyButton } from '../views/reply.ts';
import { terms } from '../search/text.ts';
import { ellipsis } from '../views/limits.ts';

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

/** The press of "Ask the desk": records who asked what, where, and says so in place of the button's message. */
export async function askTheDesk(key: string, { store, actor, channelId }: CommandContext): Promise<Reply> {
  const words = questions.get(key);
  if (!words) throw new UserError('That button has expired (after 15 minutes). Search again, and ask from the new answer.');
  const request = await store.requests.record(requestKey(words) || words.toLowerCase(), words, { userId: actor.id, guildId: actor.guildId ?? null, channelId: channelId ?? null }, actor);
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
  return requests.map((request) => `#${request.id} ×${request.askers} “${escapeMarkdown(ellipsis(request.words, 120))}” · since ${request.createdAt.slice(0, 10)}`);
}

/** Open requests as autocomplete choices for a `request` option. */
export async function requestChoices(typed: string, store: ClaimStore): Promise<Choice[]> {
  const needle = typed.trim().replace(/^#/, '').toLowerCase();
  const open = await store.requests.open(100);
  return open
    .filter((request) => String(request.id).startsWith(needle) || request.words.toLowerCase().includes(needle))
    .map((request) => ({ name: `#${request.id} ×${request.askers}: ${request.words}`, value: String(request.id) }));
}

/**
 * Answers an open request with a claim and tells everyone who asked, once, in the channel where they asked,
 * pinging only them. Returns what to tell the moderator.
 */
export async function answerRequest(id: number, claimId: string, context: CommandContext): Promise<string> {
  const { store, actor } = context;
  const claim = store.claim(claimId);
  if (!claim) throw new RefusedError({ kind: 'no-claim', id: claimId });
  const request = await openRequest(id, context);
  const askers = await store.requests.close(id, { status: 'answered', claimId }, actor);
  const told: string[] = [];
  for (const asker of askers) {
    if (!asker.channelId || !context.notify) continue;
    const { embeds } = renderClaimReply(claim, store.story(claim.story));
    // The one message that pings, on purpose: the person who asked, and nobody else.
    const content = `<@${asker.userId}> you asked the desk about “${escapeMarkdown(ellipsis(request.words, 200))}”. Here is the claim:`;
    if (await context.notify(asker.channelId, asker.userId, { content, embeds })) told.push(asker.userId);
  }
  await store.requests.markNotified(id, told, actor);
  return `Answered request #${id} with \`${claimId}\`: told ${told.length} of ${askers.length} who asked${askers.length > told.length ? ' (the others asked in the console, or where the bot could not post)' : ''}.`;
}

export async function dismissRequest(id: number, reason: string, context: CommandContext): Promise<string> {
  await openRequest(id, context);
  await context.store.requests.close(id, { status: 'dismissed', note: reason }, context.actor);
  return `Dismissed request #${id}: ${escapeMarkdown(reason)}`;
}

/** The open request with this id, or a UserError that says what it is instead. */
export async function openRequest(id: number, { store }: CommandContext): Promise<RequestRecord> {
  const request = await store.requests.get(id);
  if (!request) throw new UserError(`There is no request #${id}. Pick one from the list as you type.`);
  if (request.status !== 'open') throw new UserError(`Request #${id} was already ${request.status}.`);
  return request;
}
