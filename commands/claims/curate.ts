import type { CommandContext } from '../../src/command/command.ts';
import { encodeCustomId } from '../../src/command/custom-id.ts';
import { RefusedError, UserError } from '../../src/core/errors.ts';
import { renderClaimReply, VERDICT_BADGES } from '../../src/views/claim-view.ts';
import { historyLines } from '../../src/views/history-view.ts';
import { LIMITS } from '../../src/views/limits.ts';
import { escapeMarkdown } from '../../src/views/markdown.ts';
import type { Reply } from '../../src/views/reply.ts';
import type { ArgsOf } from './definition.ts';
import { confirmations, doneReply, liveClaim } from './shared.ts';

export async function rerate(options: ArgsOf<'verdict'>, context: CommandContext): Promise<Reply> {
  const before = liveClaim(context, options.id);
  const claim = await context.store.update(
    before.id,
    context.actor,
    'verdict',
    (current) => ({ ...current, verdict: options.verdict, note: options.note ?? current.note }),
    options.note,
  );
  return doneReply(context, claim, `Re-rated \`${claim.id}\`: ${VERDICT_BADGES[before.verdict].label} → ${VERDICT_BADGES[claim.verdict].label}.`);
}

export async function flag(options: ArgsOf<'flag'>, context: CommandContext): Promise<Reply> {
  const claim = await context.store.update(liveClaim(context, options.id).id, context.actor, 'flag', (current) => {
    const has = current.flags.includes(options.flag);
    if (has === (options.action === 'add')) throw new UserError(`\`${current.id}\` ${has ? 'already has' : 'does not have'} the flag ${options.flag}.`);
    return { ...current, flags: has ? current.flags.filter((flag) => flag !== options.flag) : [...current.flags, options.flag] };
  });
  return doneReply(context, claim, `${options.action === 'add' ? 'Flagged' : 'Unflagged'} \`${claim.id}\`: ${options.flag}.`);
}

/** Asks first: removing is a button press away from done, and nothing is removed until it is pressed. */
export function askToRemove(options: ArgsOf<'remove'>, context: CommandContext): Reply {
  const claim = liveClaim(context, options.id);
  const key = confirmations.put({ kind: 'remove', id: claim.id, reason: options.reason });
  return {
    ...renderClaimReply(claim, context.store.story(claim.story)),
    content: `Remove this claim from search? Reason: ${escapeMarkdown(options.reason)}\nIt stays in the database, and \`/claims restore\` brings it back.`,
    ephemeral: true,
    buttons: [
      { id: encodeCustomId({ command: 'claims', action: 'confirm', args: [key] }), label: 'Remove', style: 'danger' },
      { id: encodeCustomId({ command: 'claims', action: 'cancel', args: [key] }), label: 'Cancel', style: 'secondary' },
    ],
  };
}

export async function restore(options: ArgsOf<'restore'>, context: CommandContext): Promise<Reply> {
  if (!context.store.removedClaim(options.id)) throw new UserError(`No removed claim has the id “${options.id}”. Pick one from the list as you type.`);
  const claim = await context.store.restore(options.id, context.actor, options.reason);
  return doneReply(context, claim, `Restored \`${claim.id}\`: it is back in search.`);
}

export async function history(options: ArgsOf<'history'>, { store }: CommandContext): Promise<Reply> {
  const entries = await store.history(options.id);
  if (entries.length === 0) throw new RefusedError({ kind: 'no-claim', id: options.id });
  // The newest changes matter most: keep them when the history is longer than one message.
  let description = '';
  for (const block of historyLines(entries).toReversed()) {
    const next = `\`\`\`\n${block.replaceAll('`', 'ˋ')}\n\`\`\`\n${description}`;
    if (next.length > LIMITS.embedDescription - 100) break;
    description = next;
  }
  return {
    embeds: [{ title: `History of ${options.id}`, description, footer: `${entries.length} change${entries.length === 1 ? '' : 's'}, oldest first` }],
    ephemeral: true,
  };
}
