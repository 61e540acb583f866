import type { CommandContext } from '../command/command.ts';
import { ellipsis } from '../views/limits.ts';
import { renderClaimReply } from '../views/claim-view.ts';
import { escapeMarkdown } from '../views/markdown.ts';
import type { Claim } from '../core/schema.ts';
import type { RequestAsker } from '../store/request-table.ts';

/** After this many failed attempts to tell someone (their channel gone, no permission to post), the desk stops trying. */
export const NOTIFY_ATTEMPTS = 3;

/** What telling needs: the store to record it, who is recorded as telling, and how to post. */
export type Teller = Pick<CommandContext, 'store' | 'actor' | 'notify'>;

/**
 * Tells each asker the answer, one at a time, in the channel where they asked, pinging only them; each is recorded
 * as told (or as an attempt that failed) as soon as Discord answers, so a crash in the middle leaves a record of
 * exactly who was told, and `tellUntold` tells the rest. Returns how many were told.
 */
export async function tellAskers(
  request: { id: number; words: string },
  claim: Claim,
  askers: readonly RequestAsker[],
  { store, actor, notify }: Teller,
): Promise<number> {
  let told = 0;
  for (const asker of askers) {
    if (!asker.channelId || !notify) continue;
    const { embeds } = renderClaimReply(claim, store.story(claim.story));
    // The one message that pings, on purpose: the person who asked, and nobody else.
    const content = `<@${asker.userId}> you asked the desk about “${escapeMarkdown(ellipsis(request.words, 200))}”. Here is the claim:`;
    if (await notify(asker.channelId, asker.userId, { content, embeds })) {
      await store.requests.markNotified(request.id, [asker.userId], actor);
      told++;
    } else await store.requests.markNotTold(request.id, asker.userId, actor);
  }
  return told;
}

/**
 * Tells those an answer has not reached yet (the bot stopped in the middle, or Discord refused fewer than
 * NOTIFY_ATTEMPTS times), among the askers in servers this process serves (`serves`: with shards, each asker's
 * server has one process). Returns how many were told.
 */
export async function tellUntold(teller: Teller, serves: (guildId: string | null) => boolean): Promise<number> {
  let told = 0;
  for (const { request, askers } of await teller.store.requests.untold(NOTIFY_ATTEMPTS)) {
    // A claim removed since the answer (a takedown) is not sent to anyone.
    const claim = request.claimId ? teller.store.claim(request.claimId) : undefined;
    const here = askers.filter((asker) => serves(asker.guildId));
    if (claim && here.length > 0) told += await tellAskers(request, claim, here, teller);
  }
  return told;
}
