import { ApplicationCommandOptionType, InteractionResponseType, InteractionType } from 'discord.js';
import type { RecordedRequest } from './fake-discord.ts';
import { LIMITS } from '../../src/views/limits.ts';
import { choiceValueProblem, commandDefinitionProblems, type CommandLike } from './command-limits.ts';
import { DiscordContract, invalidFormBody } from './discord-contract.ts';

/**
 * What real Discord enforces that its OpenAPI spec does not say: the first answer to an interaction within 3 s and only
 * once, follow-ups and edits only after it and within 15 minutes, the right kind of answer for the kind of interaction,
 * autocomplete values of the option's type, 6,000 characters across a message's embeds, no empty message, and the
 * documented limits of command definitions. Each refusal is what Discord answers, with the rule in words for the test.
 */
export interface Refusal {
  status: number;
  body: { code: number; message: string; errors?: Record<string, unknown> };
  /** The broken rule, naming the operation: what fails the test. */
  violation: string;
}

/** Discord's window for the first response to an interaction, and how long its token then lasts. */
export const FIRST_RESPONSE_MS = 3000;
export const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

interface Dispatched {
  type: number;
  at: number;
  /** The type of the option being typed, for an autocomplete. */
  focusedType?: number;
  answered: boolean;
}

type Json = Record<string, unknown>;

export class InteractionRules {
  private readonly byToken = new Map<string, Dispatched>();
  private readonly byId = new Map<string, Dispatched>();

  constructor(private readonly now: () => number = Date.now) {}

  /** An interaction the fake sent to the bot: from now on its clock runs. */
  dispatched(interaction: Json & { id: string; token: string }): void {
    const data = (interaction.data ?? {}) as Json;
    const entry: Dispatched = { type: Number(interaction.type), at: this.now(), focusedType: focusedOption(data.options)?.type, answered: false };
    this.byId.set(interaction.id, entry);
    this.byToken.set(interaction.token, entry);
  }

  /** Discord's refusal of this request, received at `receivedAt` (ms), or undefined when these rules allow it. */
  check(request: RecordedRequest, receivedAt = this.now()): Refusal | undefined {
    const { method, path } = request;
    const operation = DiscordContract.shared().operationId(method, path);
    const refuse = (status: number, code: number, message: string, rule: string): Refusal => ({
      status,
      body: { code, message },
      violation: `${operation}: ${rule}`,
    });
    const body = (request.body ?? {}) as Json;
    let m: RegExpMatchArray | null;
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path) && Array.isArray(request.body)) {
      for (const [i, command] of (request.body as CommandLike[]).entries()) {
        const [problem] = commandDefinitionProblems(command);
        if (problem) return formBodyRefusal(operation, `[${i}].${problem}`);
      }
    }
    if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/[^/]+\/callback$/))) {
      const interaction = this.byId.get(m[1]!);
      if (!interaction) return undefined;
      const waited = receivedAt - interaction.at;
      if (interaction.answered)
        return refuse(400, 40060, 'Interaction has already been acknowledged.', 'a second response to one interaction (follow up or edit instead)');
      if (waited > FIRST_RESPONSE_MS)
        return refuse(
          404,
          10062,
          'Unknown interaction',
          `the first response came ${waited} ms after the interaction; Discord allows ${FIRST_RESPONSE_MS} ms (defer first)`,
        );
      interaction.answered = true;
      return (
        this.checkCallback(interaction, body, refuse) ??
        messageRefusal(operation, body.data as Json | undefined, Number(body.type) === InteractionResponseType.ChannelMessageWithSource, request)
      );
    }
    if ((m = path.match(/^\/webhooks\/\d+\/([^/]+)(\/messages\/[^/]+)?$/))) {
      const interaction = this.byToken.get(m[1]!);
      if (!interaction) return undefined;
      if (!interaction.answered) return refuse(404, 10015, 'Unknown Webhook', 'a follow-up or edit before the interaction was answered (reply or defer first)');
      if (receivedAt - interaction.at > TOKEN_LIFETIME_MS) return refuse(401, 50027, 'Invalid Webhook Token', 'the interaction token is used after 15 minutes');
    }
    if (
      (method === 'POST' || method === 'PATCH') &&
      (/^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/.test(path) || /^\/channels\/\d+\/messages(\/\d+)?$/.test(path))
    ) {
      return messageRefusal(operation, body, method === 'POST', request);
    }
    return undefined;
  }

  private checkCallback(
    interaction: Dispatched,
    body: Json,
    refuse: (status: number, code: number, message: string, rule: string) => Refusal,
  ): Refusal | undefined {
    const type = Number(body.type);
    const autocomplete = interaction.type === InteractionType.ApplicationCommandAutocomplete;
    if (autocomplete !== (type === InteractionResponseType.ApplicationCommandAutocompleteResult)) {
      return refuse(
        400,
        40094,
        'Invalid interaction response type',
        `response type ${type} to an interaction of type ${interaction.type} (autocomplete is answered with 8 and only 8)`,
      );
    }
    if (type === InteractionResponseType.Modal && interaction.type === InteractionType.ModalSubmit) {
      return refuse(400, 40094, 'Invalid interaction response type', 'a modal in answer to a modal submit');
    }
    const updates = type === InteractionResponseType.UpdateMessage || type === InteractionResponseType.DeferredMessageUpdate;
    if (updates && interaction.type !== InteractionType.MessageComponent && interaction.type !== InteractionType.ModalSubmit) {
      return refuse(400, 40094, 'Invalid interaction response type', `response type ${type} (update the message) to an interaction that has no message`);
    }
    if (!autocomplete || interaction.focusedType === undefined) return undefined;
    const choices = (((body.data ?? {}) as Json).choices ?? []) as { value: unknown }[];
    for (const [i, choice] of choices.entries()) {
      const problem = choiceValueProblem(interaction.focusedType, choice.value);
      if (problem)
        return formBodyRefusal(DiscordContract.shared().operationId('POST', '/interactions/0/token/callback'), `data.choices[${i}].value: ${problem}`);
    }
    return undefined;
  }
}

function formBodyRefusal(operation: string, problem: string): Refusal {
  const [path = '', ...message] = problem.split(': ');
  return { status: 400, body: invalidFormBody(path, message.join(': ')), violation: `${operation}: ${problem}` };
}

/** A message Discord refuses although each field is in range: nothing in it at all, or more than 6,000 characters across its embeds. */
function messageRefusal(operation: string, message: Json | undefined, isNew: boolean, request: RecordedRequest): Refusal | undefined {
  if (!message) return undefined;
  const embeds = (message.embeds ?? []) as Json[];
  const total = embeds.reduce((sum, embed) => sum + embedCharacters(embed), 0);
  if (total > LIMITS.embedsTotalPerMessage)
    return formBodyRefusal(operation, `embeds: ${total} characters across the embeds (Discord allows ${LIMITS.embedsTotalPerMessage} per message)`);
  const has = (field: string) => {
    const value = message[field];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  };
  const empty = !['content', 'embeds', 'components', 'attachments', 'sticker_ids', 'poll'].some(has) && (request.files ?? []).length === 0;
  if (isNew && empty)
    return {
      status: 400,
      body: { code: 50006, message: 'Cannot send an empty message' },
      violation: `${operation}: an empty message (no content, embeds, components or files)`,
    };
  return undefined;
}

/** Discord's count: title, description, field names and values, footer text and author name. */
function embedCharacters(embed: Json): number {
  const text = (value: unknown) => (typeof value === 'string' ? value.length : 0);
  const fields = (embed.fields ?? []) as Json[];
  return (
    text(embed.title) +
    text(embed.description) +
    text((embed.footer as Json | undefined)?.text) +
    text((embed.author as Json | undefined)?.name) +
    fields.reduce((sum, field) => sum + text(field.name) + text(field.value), 0)
  );
}

function focusedOption(options: unknown): { type: number } | undefined {
  for (const option of (options ?? []) as { type: number; focused?: boolean; options?: unknown }[]) {
    if (option.focused) return option;
    if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
      const inner = focusedOption(option.options);
      if (inner) return inner;
    }
  }
  return undefined;
}
