import {
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type InteractionReplyOptions,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Command, CommandContext, ComponentInput, RateLimitedAction, RawOptions } from '../command/command.ts';
import { errorWords, isFault } from '../views/error-words.ts';
import { createContext } from '../command/context.ts';
import { decodeCustomId } from '../command/custom-id.ts';
import { fitChoices, fitModal } from '../views/limits.ts';
import type { Logger } from '../core/log.ts';
import type { ModalForm, Reply } from '../views/reply.ts';
import { choicesForOption } from './autocomplete.ts';
import { messagePayload } from './messages.ts';
import type { ClaimStore } from '../store/claim-store.ts';
import { attachmentOrigins } from './attachment-origins.ts';
import type { SummarySync } from '../summary/sync.ts';
import type { Asker } from './moderators.ts';

const GENERIC_ERROR: Reply = { content: 'Something went wrong on our side while answering. It has been logged; please try again.', ephemeral: true };

type Answerable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

export interface InteractionDeps {
  store: ClaimStore;
  log: Logger;
  summaries?: SummarySync;
  /** Whether this person may use moderator commands: true, or the sentence that says why not. */
  curationAccess(asker: Asker): true | string;
  notify: CommandContext['notify'];
  newsroom: CommandContext['newsroom'];
  /** Counts one use of a rate-limited action by a person: 0 when they may, else the ms to wait (pacing.ts). */
  rateLimit(action: RateLimitedAction, userId: string): number;
  /** Whether a server is the newsroom's (newsroom.ts), given its id and, when needed, its roles. */
  newsroomServer(guildId: string | null, guildRoleIds: () => readonly string[]): true | string;
}

/**
 * The one place interactions come in. A moderator-only command, and every button and form it sent, is checked
 * here at run time. An error that is the user's to fix (`errorWords`) reaches them as an ephemeral message; anything else is logged with context
 * and answered with a generic ephemeral error. Nothing thrown here stops the bot.
 */
export function createInteractionHandler(
  commands: readonly Command[],
  { store, log, summaries, curationAccess, notify, newsroom, rateLimit, newsroomServer }: InteractionDeps,
) {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  return async (interaction: Interaction): Promise<void> => {
    if (
      !interaction.isChatInputCommand() &&
      !interaction.isMessageContextMenuCommand() &&
      !interaction.isAutocomplete() &&
      !interaction.isButton() &&
      !interaction.isModalSubmit()
    )
      return;
    const {
      command: name,
      action,
      args,
    } = 'customId' in interaction ? decodeCustomId(interaction.customId) : { command: interaction.commandName, action: '', args: [] };
    const command = byName.get(name);
    const started = performance.now();
    const about = {
      interaction: interaction.id,
      kind: interaction.isAutocomplete()
        ? 'autocomplete'
        : interaction.isButton()
          ? 'button'
          : interaction.isModalSubmit()
            ? 'form'
            : interaction.isMessageContextMenuCommand()
              ? 'message command'
              : 'command',
      command: name,
      action: action || undefined,
      user: interaction.user.id,
      guild: interaction.guildId,
      channel: interaction.channelId,
    };
    const context = createContext(
      store,
      { id: interaction.user.id, name: interaction.user.username, guildId: interaction.guildId },
      {
        channelId: interaction.channelId,
        summaries,
        notify,
        newsroom,
        attachmentOrigins: attachmentOrigins(interaction.client.options.rest),
        defer: async () => {
          if (interaction.isAutocomplete() || interaction.deferred || interaction.replied) return;
          // A button's answer replaces the message it is on (a confirmation becomes its result); the rest answer anew.
          if (interaction.isButton()) await interaction.deferUpdate();
          else if (interaction.isRepliable()) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        },
        rateLimit: (action) => rateLimit(action, interaction.user.id),
        fromNewsroom: newsroomServer(interaction.guildId, () => [...(interaction.guild?.roles.cache.keys() ?? [])]),
      },
    );
    let outcome = 'ok';
    try {
      if (!command) throw new Error(`No handler for "${name}"`);
      const access = command.moderatorsOnly ? curationAccess(askerOf(interaction)) : true;
      if (interaction.isAutocomplete()) {
        // Nothing to offer those who may not use the command: not even the ids of claims.
        const focused = interaction.options.getFocused(true);
        const choices = access === true ? ((await command.autocomplete?.(focused.name, String(focused.value), context, optionsOf(interaction))) ?? []) : [];
        await interaction.respond(choicesForOption(focused.type, fitChoices(choices)));
      } else {
        if (access !== true) {
          outcome = 'denied';
          await send(interaction, { content: access, ephemeral: true });
        } else if (interaction.isChatInputCommand()) await send(interaction, await command.run(optionsOf(interaction), context));
        // A message command's one input is the message: its content arrives without the Message Content intent.
        else if (interaction.isMessageContextMenuCommand()) await send(interaction, await command.run({ message: interaction.targetMessage.content }, context));
        else {
          if (!command.component) throw new Error(`"${name}" has no buttons or forms`);
          await send(interaction, await command.component(componentInput(interaction, action, args), context));
        }
      }
    } catch (error) {
      const words = errorWords(error);
      outcome = isFault(error) ? 'error' : 'user-error';
      if (outcome === 'error') log.error('interaction failed', { ...about, error });
      if (!interaction.isAutocomplete()) {
        const reply = words === undefined ? GENERIC_ERROR : { content: words, ephemeral: true };
        // The reply that failed may be the very thing that broke (a REST error): log that too and carry on.
        await send(interaction, reply).catch((sendError: unknown) => {
          outcome = 'error';
          log.error('could not send the error reply', { ...about, error: sendError });
        });
      }
    }
    log.info('interaction', { ...about, outcome, ms: Math.round((performance.now() - started) * 10) / 10 });
  };
}

function askerOf(interaction: Interaction): Asker {
  const member = interaction.member;
  const roleIds = !member ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  // Not `memberPermissions`: those are the member's permissions in this channel, where one overwrite can grant
  // Manage Messages. discord.js computes the server-wide ones from the guild's roles (GUILD_CREATE keeps them).
  const permissions = interaction.inCachedGuild() ? interaction.member.permissions.bitfield : null;
  return { guildId: interaction.guildId, roleIds, permissions };
}

/** The options the user filled in, by name, and the subcommand's name as `subcommand`. */
function optionsOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): RawOptions {
  const options: RawOptions = {};
  const subcommand = interaction.options.getSubcommand(false);
  if (subcommand) options.subcommand = subcommand;
  const collect = (data: readonly { name: string; value?: string | number | boolean; attachment?: { url: string }; options?: readonly unknown[] }[]) => {
    for (const option of data) {
      if (option.value !== undefined) options[option.name] = option.value;
      // An attachment's value is its id; the command needs where to fetch it.
      if (option.attachment) options[option.name] = option.attachment.url;
      if (option.options) collect(option.options as typeof data);
    }
  };
  collect(interaction.options.data);
  return options;
}

function componentInput(interaction: ButtonInteraction | ModalSubmitInteraction, action: string, args: string[]): ComponentInput {
  if (interaction.isButton()) return { kind: 'button', action, args };
  const values: Record<string, string | string[]> = {};
  for (const [id, field] of interaction.fields.fields) {
    if (field.type === ComponentType.TextInput) values[id] = field.value;
    else if (field.type === ComponentType.StringSelect) values[id] = [...field.values];
  }
  return { kind: 'form', action, args, values };
}

/** Every answer goes through the Discord limits here. Mentions never ping: the client's default is `parse: []`. */
async function send(interaction: Answerable, reply: Reply): Promise<void> {
  const answered = interaction.replied || interaction.deferred;
  if (reply.modal && !answered && !interaction.isModalSubmit()) {
    await interaction.showModal(modalJson(fitModal(reply.modal)));
    return;
  }
  if (reply.modal) throw new Error('a form can only be the first answer to a command or a button');
  const message = messagePayload(reply);
  if (reply.update && interaction.isButton() && !answered) {
    await interaction.update(message);
    return;
  }
  const options: InteractionReplyOptions = { ...message, flags: reply.ephemeral ? MessageFlags.Ephemeral : undefined };
  // A deferred answer replaces the "thinking…" message; an error after the answer went out is told in a follow-up.
  if (interaction.deferred && !interaction.replied) await interaction.editReply(message);
  else if (answered) await interaction.followUp(options);
  else await interaction.reply(options);
}

/** A form as Discord's modal: each input inside a Label component (type 18), as Discord now wants. */
function modalJson(form: ModalForm): APIModalInteractionResponseCallbackData {
  return {
    custom_id: form.id,
    title: form.title,
    components: form.inputs.map(
      (input): APILabelComponent => ({
        type: ComponentType.Label,
        label: input.label,
        description: input.description,
        component:
          input.kind === 'text'
            ? {
                type: ComponentType.TextInput,
                custom_id: input.id,
                style: input.long ? TextInputStyle.Paragraph : TextInputStyle.Short,
                required: input.required,
                max_length: input.maxLength,
                value: input.value || undefined,
                placeholder: input.placeholder,
              }
            : {
                type: ComponentType.StringSelect,
                custom_id: input.id,
                required: false,
                min_values: 0,
                max_values: input.maxValues,
                options: input.options.map((option) => ({ label: option.name, value: option.value, default: input.selected.includes(option.value) })),
              },
      }),
    ),
  };
}
