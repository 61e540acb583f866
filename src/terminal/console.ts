import { createInterface } from 'node:readline';
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandOption,
} from 'discord.js';
import type { Readable, Writable } from 'node:stream';
import type { Command, CommandContext, RawOptions } from '../command/command.ts';
import { UserError } from '../core/errors.ts';
import { errorWords, isFault } from '../views/error-words.ts';
import { decodeCustomId } from '../command/custom-id.ts';
import { fitChoices, fitReply } from '../views/limits.ts';
import type { Logger } from '../core/log.ts';
import type { Reply, ReplyButton } from '../views/reply.ts';
import { replyToText, terminalSafe } from './terminal-text.ts';

const BANNER = `claimbot console: offline, not connected to Discord. Type a command as you would in Discord:
  /claim north korea troops              the best matching claim
  /claim zelensky verdict:unverified     options as name:value
  /claim "isw: donetsk"                  quotes keep spaces and colons as text
  /suggest /claim north ko               what autocomplete would offer as you type "north ko"
  /claims verdict id:zelensky-tehran-too verdict:disputed note:"…"   curate: here, you are the moderator
  /press Cancel                          press a button of the last answer
  /help, /quit
To connect a real bot, put DISCORD_TOKEN in .env (see .env.example and the README) and run npm start again.`;

/** What a shell reports for a program stopped with Ctrl-C (128 + SIGINT), so scripts can tell it from a /quit. */
const INTERRUPTED = 130;

/**
 * A local stand-in for Discord: reads commands line by line and prints the replies the bot would send, from the
 * same handlers. Returns the exit status: 0 after /quit or the end of input, 130 after Ctrl-C.
 */
export async function runConsole(input: Readable, output: Writable, commands: readonly Command[], context: CommandContext, log: Logger): Promise<number> {
  const print = (text: string) => output.write(`${terminalSafe(text)}\n`);
  // Slash commands by name; a message command (Check claims) has no text to type here.
  const byName = new Map(commands.filter((command) => (command.data.type ?? 1) === 1).map((command) => [command.data.name, command]));
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, output, terminal: interactive, prompt: 'claimbot> ' });
  let status = 0;
  lines.on('SIGINT', () => {
    status = INTERRUPTED;
    lines.close();
  });
  const prompt = () => interactive && lines.prompt();
  // The buttons under the last answer: `/press <label>` presses one, as a click would in Discord.
  let buttons: readonly ReplyButton[] = [];
  print(BANNER);
  prompt();
  for await (const line of lines) {
    const [, name = '', rest = ''] = /^\s*\/?(\S*)\s*(.*)$/.exec(line) ?? [];
    if (name === 'quit' || name === 'exit') break;
    if (name === 'help') print(`${BANNER}\n\nCommands:\n${[...byName.values()].map(usage).join('\n')}`);
    else if (name) {
      try {
        if (name === 'suggest') print(await suggest(byName, rest, context));
        else {
          const reply = name === 'press' ? await press(byName, buttons, rest, context) : await answer(byName, name, rest, context);
          buttons = reply.buttons ?? [];
          print(consoleText(reply));
        }
      } catch (error) {
        if (isFault(error)) log.error('console command failed', { line, error });
        print(errorWords(error) ?? 'Something went wrong while answering; see the log.');
      }
    }
    prompt();
  }
  lines.close();
  return status;
}

async function answer(commands: Map<string, Command>, name: string, text: string, context: CommandContext): Promise<Reply> {
  const command = find(commands, name);
  const { options } = parseCommandLine(command, text);
  return submitForms(command, await command.run(options, context), context);
}

/** A terminal has no forms: a form is submitted as the options filled it in, as if sent unchanged. */
async function submitForms(command: Command, reply: Reply, context: CommandContext): Promise<Reply> {
  if (!reply.modal || !command.component) return reply;
  const { action, args } = decodeCustomId(reply.modal.id);
  const values = Object.fromEntries(reply.modal.inputs.map((input) => [input.id, input.kind === 'text' ? (input.value ?? '') : input.selected]));
  return command.component({ kind: 'form', action, args, values }, context);
}

/** `/press save anyway`: presses the button of the last answer that has this label. */
async function press(commands: Map<string, Command>, buttons: readonly ReplyButton[], label: string, context: CommandContext): Promise<Reply> {
  const button = buttons.find((candidate) => candidate.label.toLowerCase() === label.trim().toLowerCase());
  if (!button)
    throw new UserError(
      buttons.length === 0 ? 'The last answer has no buttons to press.' : `Press one of: ${buttons.map((candidate) => candidate.label).join(', ')}.`,
    );
  const { command: name, action, args } = decodeCustomId(button.id);
  const command = find(commands, name);
  if (!command.component) throw new UserError(`/${name} has no buttons.`);
  return submitForms(command, await command.component({ kind: 'button', action, args }, context), context);
}

/** What the console prints for a reply: its text, whether only you would see it, and its buttons. */
function consoleText(reply: Reply): string {
  const fitted = fitReply(reply);
  const pressable = fitted.buttons?.length ? `\n[${fitted.buttons.map((button) => button.label).join('] [')}]  (/press <label>)` : '';
  return `${fitted.ephemeral ? '(only you would see this)\n' : ''}${replyToText(fitted)}${pressable}`;
}

/** `/suggest /claim north ko`: the choices Discord's autocomplete would show while the user types "north ko". */
async function suggest(commands: Map<string, Command>, text: string, context: CommandContext): Promise<string> {
  const [, name = '', rest = ''] = /^\/?(\S*)\s*(.*)$/.exec(text.trim()) ?? [];
  if (!name) throw new UserError('Say which command to suggest for: /suggest /claim north ko');
  const command = find(commands, name);
  const { options, focused } = parseCommandLine(command, rest, { partial: true });
  if (!focused || !command.autocomplete) throw new UserError(`/${command.data.name} has nothing to autocomplete.`);
  const choices = fitChoices(await command.autocomplete(focused, String(options[focused] ?? ''), context, options));
  return choices.length === 0 ? 'No suggestions.' : choices.map((choice) => `  ${choice.name}   [${choice.value}]`).join('\n');
}

function find(commands: Map<string, Command>, name: string): Command {
  const command = commands.get(name.toLowerCase());
  if (!command)
    throw new UserError(`There is no /${name}. Commands: ${[...commands.keys(), 'suggest', 'help', 'quit'].map((known) => `/${known}`).join(', ')}.`);
  return command;
}

/** "/claim query [verdict] [story] [private]", "/claims add statement claimant [flags]" */
function usage(command: Command): string {
  const optionList = (options: readonly APIApplicationCommandOption[]) =>
    options.map((option) => ('required' in option && option.required ? option.name : `[${option.name}]`)).join(' ');
  const subcommands = definedOptions(command).filter(isSubcommand);
  if (subcommands.length === 0) return `  /${command.data.name} ${optionList(definedOptions(command))}`.trimEnd();
  return subcommands.map((subcommand) => `  /${command.data.name} ${subcommand.name} ${optionList(subcommand.options ?? [])}`.trimEnd()).join('\n');
}

export interface ParsedLine {
  options: RawOptions;
  /** The option an autocomplete request is about: the last one written, else the free text's. Only when it autocompletes. */
  focused?: string;
}

/**
 * Reads what follows the command name, as Discord's own option fields would hold it:
 * `north korea verdict:Unverified private:yes` → { query: 'north korea', verdict: 'unverified', private: true }.
 * - `name:value` sets an option; values in quotes ("…" or “…”) may hold spaces and colons.
 * - The rest is free text, and fills the first option (of the subcommand, when the command has subcommands).
 * - With subcommands, the first word names one: `add statement:"…"` → { subcommand: 'add', statement: '…' }.
 * Each mistake (an unknown option, a bad boolean or choice, a missing required option) is one clear sentence.
 * `partial`: the line is still being typed (autocomplete), so required options may be missing.
 */
export function parseCommandLine(command: Command, text: string, { partial = false } = {}): ParsedLine {
  const tokens = tokenize(text);
  const { subcommand, definitions, where } = takeSubcommand(command, tokens);
  const options: RawOptions = subcommand ? { subcommand } : {};
  const basics = definitions as readonly APIApplicationCommandBasicOption[];
  const free: string[] = [];
  let focused: string | undefined;
  for (const token of tokens) {
    if (token.name === undefined) {
      free.push(token.value);
      continue;
    }
    const definition = basics.find((option) => option.name === token.name!.toLowerCase());
    if (!definition) {
      throw new UserError(
        `${where} has no option "${token.name}" (its options: ${list(
          basics.map((option) => option.name),
          'and',
        )}). To use "${token.name}:${token.value}" as text, put it in quotes.`,
      );
    }
    if (definition.name in options) throw new UserError(`${where}: ${definition.name} is given twice.`);
    options[definition.name] = convert(definition, token.value, where);
    focused = definition.name;
  }
  const [first] = basics;
  if (free.length > 0) {
    if (!first) throw new UserError(`${where} takes no text, only options.`);
    if (first.name in options) throw new UserError(`${where}: ${first.name} is given twice (as text and as ${first.name}:).`);
    options[first.name] = convert(first, free.join(' '), where);
    focused ??= first.name;
  }
  if (!partial) {
    const missing = basics.find((option) => option.required && !(option.name in options));
    if (missing) throw new UserError(`${where} needs ${missing.name}: ${lowerFirst(missing.description)}.`);
  }
  const autocompleted = basics.filter((option) => 'autocomplete' in option && option.autocomplete).map((option) => option.name);
  return { options, focused: focused && autocompleted.includes(focused) ? focused : autocompleted[0] };
}

/** With subcommands, the first word names one (and is taken from `tokens`); its options are the ones to fill. */
function takeSubcommand(command: Command, tokens: Token[]): { subcommand?: string; definitions: readonly APIApplicationCommandOption[]; where: string } {
  const label = `/${command.data.name}`;
  const subcommands = definedOptions(command).filter(isSubcommand);
  if (subcommands.length === 0) return { definitions: definedOptions(command), where: label };
  const first = tokens[0];
  const subcommand = first && first.name === undefined ? subcommands.find((candidate) => candidate.name === first.value.toLowerCase()) : undefined;
  if (!subcommand) {
    const given = first ? `has no subcommand "${first.name === undefined ? first.value : `${first.name}:`}"; ` : 'needs a subcommand: ';
    throw new UserError(
      `${label} ${given}choose ${list(
        subcommands.map((candidate) => candidate.name),
        'or',
      )}.`,
    );
  }
  tokens.shift();
  return { subcommand: subcommand.name, definitions: subcommand.options ?? [], where: `${label} ${subcommand.name}` };
}

interface Token {
  /** The option name before the colon; none for free text. */
  name?: string;
  value: string;
}

/**
 * `north "kim's story: x" verdict:false note:"a b"` → north · kim's story: x · verdict=false · note=a b.
 * An option name starts with a letter, so "10:30" and "https://…" stay text.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(?:(\p{L}[\p{L}\p{N}_-]*):(?!\/\/))?(?:"((?:[^"\\]|\\.)*)"(?=\s|$)|“([^”]*)”(?=\s|$)|(\S+))/uy;
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at]!)) {
      at++;
      continue;
    }
    pattern.lastIndex = at;
    const match = pattern.exec(text)!;
    const [whole, name, straight, curly, bare] = match;
    if (bare !== undefined && /^["“]/.test(bare)) throw new UserError(`A quote is not closed: ${bare}`);
    const value = straight !== undefined ? straight.replace(/\\(.)/g, '$1') : (curly ?? bare ?? '');
    // "story: x" (a space after the colon) never matches a name, so a word ending in a colon stays text.
    tokens.push(name === undefined ? { value } : { name, value });
    at += whole.length;
  }
  return tokens;
}

/** The value as Discord would pass it for this option type; a value Discord would refuse is a sentence saying why. */
function convert(option: APIApplicationCommandBasicOption, value: string, where: string): string | number | boolean {
  const fail = (what: string) => new UserError(`${where}: ${option.name} must be ${what}; "${value}" is not.`);
  switch (option.type) {
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes)$/i.test(value)) return true;
      if (/^(false|no)$/i.test(value)) return false;
      throw fail('true or false');
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const integer = option.type === ApplicationCommandOptionType.Integer;
      if (!(integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(value)) throw fail(integer ? 'a whole number' : 'a number');
      return choose(option, Number(value), fail);
    }
    case ApplicationCommandOptionType.String:
      return choose(option, value, fail);
    default:
      // Users, channels, roles, attachments: Discord hands over their ids, as typed here.
      return value;
  }
}

/** Options with choices take one of them (by value or by the name Discord shows, in any case). */
function choose(option: APIApplicationCommandBasicOption, value: string | number, fail: (what: string) => UserError): string | number {
  const choices = 'choices' in option ? (option.choices ?? []) : [];
  if (choices.length === 0) return value;
  const wanted = String(value).toLowerCase();
  const choice = choices.find((candidate) => String(candidate.value).toLowerCase() === wanted || candidate.name.toLowerCase() === wanted);
  if (!choice)
    throw fail(
      `one of ${list(
        choices.map((candidate) => String(candidate.value)),
        'or',
      )}`,
    );
  return choice.value;
}

/** A command's options as registered (none for a command that has no options). */
function definedOptions(command: Command): readonly APIApplicationCommandOption[] {
  return ('options' in command.data ? command.data.options : undefined) ?? [];
}

function isSubcommand(option: APIApplicationCommandOption): option is APIApplicationCommandSubcommandOption {
  return option.type === ApplicationCommandOptionType.Subcommand;
}

function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1 ? (items[0] ?? 'nothing') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
