import { claimChoices, removedClaimChoices, storyChoices } from '../../src/command/choices.ts';
import { defineCommand, type CommandContext, type ComponentInput } from '../../src/command/command.ts';
import { UserError } from '../../src/core/errors.ts';
import { requestChoices } from '../../src/curation/requests.ts';
import type { Choice, Reply } from '../../src/views/reply.ts';
import { askToRemove, flag, history, rerate, restore } from './curate.ts';
import { claimsData, ClaimsOptions } from './definition.ts';
import { exportFile } from './export.ts';
import { openAddForm, openEditForm, reopenForm, submitForm } from './form.ts';
import { draftFromCommand } from '../draft-claims.ts';
import { answer, dismiss, listRequests } from './requests.ts';
import { confirmations, saveNewClaim } from './shared.ts';

/** `/claims`: the moderators' curation, one subcommand per change, each in the module of its flow. */
export const claimsCommand = defineCommand({
  data: claimsData,
  moderatorsOnly: true,
  options: ClaimsOptions,
  async execute(options, context): Promise<Reply> {
    switch (options.subcommand) {
      case 'add':
        return openAddForm(options, context);
      case 'edit':
        return openEditForm(options, context);
      case 'verdict':
        return rerate(options, context);
      case 'flag':
        return flag(options, context);
      case 'remove':
        return askToRemove(options, context);
      case 'restore':
        return restore(options, context);
      case 'history':
        return history(options, context);
      case 'requests':
        return listRequests(context);
      case 'export':
        return exportFile(options, context);
      case 'answer':
        return answer(options, context);
      case 'dismiss':
        return dismiss(options, context);
      case 'draft':
        return draftFromCommand(options, context);
    }
  },
  async autocomplete(option, value, { store }, options = {}): Promise<Choice[]> {
    if (option === 'id' || option === 'claim') return options.subcommand === 'restore' ? removedClaimChoices(value, store) : claimChoices(value, store);
    if (option === 'request') return requestChoices(value, store);
    if (option === 'story') return storyChoices(value, store.stories);
    return [];
  },
  async component(input, context): Promise<Reply> {
    return input.kind === 'form' ? submitForm(input, context) : pressButton(input, context);
  },
});

async function pressButton(input: Extract<ComponentInput, { kind: 'button' }>, context: CommandContext): Promise<Reply> {
  const [key = ''] = input.args;
  if (input.action === 'reopen') return reopenForm(key);
  const confirmation = confirmations.take(key);
  if (input.action === 'cancel') return { content: 'Cancelled: nothing was changed.', update: true, embeds: [] };
  if (input.action !== 'confirm') throw new Error(`unknown button claims:${input.action}`);
  if (!confirmation) throw new UserError('That confirmation has expired (after 15 minutes) or was already used. Nothing was changed.');
  if (confirmation.kind === 'add') return { ...(await saveNewClaim(context, confirmation.claim, confirmation.request)), update: true };
  const claim = await context.store.remove(confirmation.id, context.actor, confirmation.reason);
  return { content: `Removed \`${claim.id}\` from search. \`/claims restore id:${claim.id}\` brings it back.`, embeds: [], update: true };
}
