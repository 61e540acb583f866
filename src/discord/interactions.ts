import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction, type InteractionReplyOptions } from 'discord.js';
import type { Command, CommandContext, RawOptions } from '../command.ts';
import { UserError } from '../errors.ts';
import { fitChoices, fitReply } from '../limits.ts';
import type { Logger } from '../log.ts';
import type { Reply } from '../reply.ts';

const GENERIC_ERROR: Reply = { content: 'Something went wrong on our side while answering. It has been logged; please try again.', ephemeral: true };

/**
 * The one place interactions come in. A UserError reaches the user as an ephemeral message; anything else
 * is logged with context and answered with a generic ephemeral error. Nothing thrown here stops the bot.
 */
export function createInteractionHandler(commands: readonly Command[], context: CommandContext, log: Logger) {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  return async (interaction: Interaction): Promise<void> => {
    if (!interaction.isChatInputCommand() && !interaction.isAutocomplete()) return;
    const command = byName.get(interaction.commandName);
    const started = performance.now();
    const about = {
      interaction: interaction.id,
      kind: interaction.isAutocomplete() ? 'autocomplete' : 'command',
      command: interaction.commandName,
      user: interaction.user.id,
      guild: interaction.guildId,
      channel: interaction.channelId,
    };
    let outcome = 'ok';
    try {
      if (!command) throw new Error(`No handler for the command "${interaction.commandName}"`);
      if (interaction.isAutocomplete()) await answerAutocomplete(interaction, command, context);
      else await send(interaction, await command.run(optionsOf(interaction), context));
    } catch (error) {
      outcome = error instanceof UserError ? 'user-error' : 'error';
      if (outcome === 'error') log.error('interaction failed', { ...about, error });
      if (interaction.isChatInputCommand()) {
        const reply = error instanceof UserError ? { content: error.message, ephemeral: true } : GENERIC_ERROR;
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

async function answerAutocomplete(interaction: AutocompleteInteraction, command: Command, context: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const choices = command.autocomplete?.(focused.name, String(focused.value), context) ?? [];
  await interaction.respond(fitChoices(choices));
}

/** The options the user filled in, by name (subcommands flattened). */
function optionsOf(interaction: ChatInputCommandInteraction): RawOptions {
  const options: RawOptions = {};
  const collect = (data: readonly { name: string; value?: string | number | boolean; options?: readonly unknown[] }[]) => {
    for (const option of data) {
      if (option.value !== undefined) options[option.name] = option.value;
      if (option.options) collect(option.options as typeof data);
    }
  };
  collect(interaction.options.data);
  return options;
}

/** Every reply goes through the Discord limits here. Mentions never ping: the client's default is `parse: []`. */
async function send(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const { content, embeds, ephemeral } = fitReply(reply);
  const message: InteractionReplyOptions = {
    content,
    embeds: embeds?.map(({ footer, ...embed }) => ({ ...embed, footer: footer === undefined ? undefined : { text: footer } })),
    flags: ephemeral ? MessageFlags.Ephemeral : undefined,
  };
  // An error after the answer went out (or was deferred) is told in a follow-up message.
  if (interaction.replied || interaction.deferred) await interaction.followUp(message);
  else await interaction.reply(message);
}
