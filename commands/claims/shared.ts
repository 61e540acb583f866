import type { CommandContext } from '../../src/command/command.ts';
import { Pending } from '../../src/command/pending.ts';
import { RefusedError } from '../../src/core/errors.ts';
import type { Claim } from '../../src/core/schema.ts';
import { answerRequest, RequestNotOpenError } from '../../src/curation/requests.ts';
import { renderClaimReply } from '../../src/views/claim-view.ts';
import type { Reply } from '../../src/views/reply.ts';

/** A claim waiting for "save anyway" (a near-duplicate), and removals waiting for confirmation. */
export const confirmations = new Pending<{ kind: 'add'; claim: Claim; request?: number } | { kind: 'remove'; id: string; reason: string }>();

/** The claim in search with this id, or the refusal that says why there is none. */
export function liveClaim({ store }: CommandContext, id: string): Claim {
  const claim = store.claim(id);
  if (claim) return claim;
  throw new RefusedError(store.removedClaim(id) ? { kind: 'claim-removed', id } : { kind: 'no-claim', id });
}

/** The claim as /claim shows it, under a line saying what was done. */
export function doneReply({ store }: CommandContext, claim: Claim, done: string): Reply {
  return { ...renderClaimReply(claim, store.story(claim.story)), content: done, ephemeral: true };
}

/**
 * Saves a new claim and, when it was added for a request, answers the request with it. The claim is saved whatever
 * became of the request meanwhile (another moderator may have closed it): the reply says what was done with each.
 */
export async function saveNewClaim(context: CommandContext, claim: Claim, request: number | undefined): Promise<Reply> {
  const saved = await context.store.add(claim, context.actor);
  const answered =
    request === undefined
      ? ''
      : ` ${await answerRequest(request, saved.id, context).catch((error: unknown) => {
          if (error instanceof RequestNotOpenError) return `Request #${request} was already ${error.outcome}, so nobody was notified.`;
          throw error;
        })}`;
  return doneReply(context, saved, `Added claim \`${saved.id}\`.${answered}`);
}
