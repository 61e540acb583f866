import { ApplicationCommandOptionType, type ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Choice } from '../views/reply.ts';

/**
 * Autocomplete choices with values of the focused option's type: Discord refuses the whole answer when an integer
 * option is offered "3" instead of 3. Commands offer values as text (the console shows them so); a value that is not a
 * number of the option's kind is left out rather than sink the other choices.
 */
export function choicesForOption(optionType: ApplicationCommandOptionType, choices: readonly Choice[]): ApplicationCommandOptionChoiceData[] {
  if (optionType !== ApplicationCommandOptionType.Integer && optionType !== ApplicationCommandOptionType.Number) return [...choices];
  const valid = optionType === ApplicationCommandOptionType.Integer ? Number.isSafeInteger : Number.isFinite;
  return choices.flatMap(({ name, value }) => {
    const number = value.trim() === '' ? Number.NaN : Number(value);
    return valid(number) ? [{ name, value: number }] : [];
  });
}
