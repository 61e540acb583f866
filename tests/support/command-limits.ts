import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { LIMITS } from '../../src/views/limits.ts';

/**
 * Discord's documented rules for a command definition that its OpenAPI spec does not express (the 4,000 total, the
 * lowercase name, choice values of the option's type, required options first). Discord refuses a registration that
 * breaks any of them with 400 Invalid Form Body, and a bulk registration then registers nothing.
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object
 */
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMANDS = new Set<number>([ApplicationCommandOptionType.Subcommand, ApplicationCommandOptionType.SubcommandGroup]);

interface OptionLike {
  type: number;
  name: string;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: readonly { name: string; value: string | number }[];
  options?: readonly OptionLike[];
}

/** A command definition as sent to Discord, loosely typed: the point is to judge definitions the API types would let through. */
export interface CommandLike {
  name: string;
  type?: number;
  description?: string;
  options?: readonly OptionLike[];
}

/** What breaks Discord's limits in one command definition, each problem with its path (`options[0].options[7].description`); empty when none. */
export function commandDefinitionProblems(command: CommandLike): string[] {
  const problems: string[] = [];
  const chatInput = (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
  let total = 0;
  const counted = (text: string | undefined) => {
    total += text?.length ?? 0;
  };
  const checkName = (where: string, name: string) => {
    counted(name);
    if (!chatInput) {
      if (name.length < 1 || name.length > LIMITS.commandName) problems.push(`${where}: "${name}" must be 1–${LIMITS.commandName} characters`);
    } else if (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
      problems.push(`${where}: "${name}" must be 1–${LIMITS.commandName} lowercase letters, digits, - _ or '`);
    }
  };
  const checkDescription = (where: string, description: string | undefined) => {
    counted(description);
    const length = description?.length ?? 0;
    if (length < 1 || length > LIMITS.commandDescription) problems.push(`${where}: ${length} characters (must be 1–${LIMITS.commandDescription})`);
  };
  const checkOptions = (where: string, options: readonly OptionLike[]) => {
    if (options.length > LIMITS.commandOptions) problems.push(`${where}: ${options.length} options (at most ${LIMITS.commandOptions})`);
    const names = new Set<string>();
    let optionalSeen = false;
    options.forEach((option, i) => {
      const at = `${where}[${i}]`;
      checkName(`${at}.name`, option.name);
      if (names.has(option.name)) problems.push(`${at}.name: "${option.name}" is used twice`);
      names.add(option.name);
      checkDescription(`${at}.description`, option.description);
      if (!SUBCOMMANDS.has(option.type)) {
        if (option.required && optionalSeen) problems.push(`${at}.required: a required option must come before the optional ones`);
        if (!option.required) optionalSeen = true;
      }
      checkChoices(at, option);
      if (option.options) checkOptions(`${at}.options`, option.options);
    });
  };
  const checkChoices = (at: string, option: OptionLike) => {
    const choices = option.choices ?? [];
    if (choices.length > LIMITS.choices) problems.push(`${at}.choices: ${choices.length} choices (at most ${LIMITS.choices})`);
    if (choices.length > 0 && option.autocomplete) problems.push(`${at}: an option with choices cannot autocomplete`);
    choices.forEach((choice, i) => {
      const where = `${at}.choices[${i}]`;
      counted(choice.name);
      counted(String(choice.value));
      if (choice.name.length < 1 || choice.name.length > LIMITS.choiceName)
        problems.push(`${where}.name: ${choice.name.length} characters (must be 1–${LIMITS.choiceName})`);
      const problem = choiceValueProblem(option.type, choice.value);
      if (problem) problems.push(`${where}.value: ${problem}`);
    });
  };

  checkName('name', command.name);
  if (chatInput) checkDescription('description', command.description);
  else if (command.description) problems.push('description: a message or user command has no description');
  checkOptions('options', command.options ?? []);
  if (total > LIMITS.commandTotal) problems.push(`${total} characters of names, descriptions and choices (at most ${LIMITS.commandTotal})`);
  return problems;
}

/** Why `value` cannot be a choice of an option of type `optionType` (a choice's value has its option's type), or undefined. */
export function choiceValueProblem(optionType: number, value: unknown): string | undefined {
  if (optionType === ApplicationCommandOptionType.Integer) {
    return Number.isSafeInteger(value) ? undefined : `${JSON.stringify(value)} is not an integer, the option's type`;
  }
  if (optionType === ApplicationCommandOptionType.Number) {
    return typeof value === 'number' && Number.isFinite(value) ? undefined : `${JSON.stringify(value)} is not a number, the option's type`;
  }
  if (optionType === ApplicationCommandOptionType.String) {
    if (typeof value !== 'string') return `${JSON.stringify(value)} is not a string, the option's type`;
    return value.length >= 1 && value.length <= LIMITS.choiceValue ? undefined : `${value.length} characters (must be 1–${LIMITS.choiceValue})`;
  }
  return `an option of type ${optionType} has no choices`;
}
