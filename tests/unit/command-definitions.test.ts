import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { commandDefinitionProblems } from '../support/command-limits.ts';

describe('every command definition keeps within Discord’s documented limits', () => {
  it.each(commands.map((command) => [command.data.name, command.data] as const))('%s', (_name, definition) => {
    expect(commandDefinitionProblems(definition)).toEqual([]);
  });
});

describe('commandDefinitionProblems', () => {
  const option = { type: ApplicationCommandOptionType.String, name: 'query', description: 'What to look for' };

  it('names the field of a description over 100 characters, with its length', () => {
    const definition = {
      name: 'claims',
      description: 'Curate',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'add',
          description: 'Add',
          options: [option, { ...option, name: 'flags', description: 'x'.repeat(101) }],
        },
      ],
    };
    expect(commandDefinitionProblems(definition)).toEqual(['options[0].options[1].description: 101 characters (must be 1–100)']);
  });

  it('refuses an uppercase or spaced chat-input name, and accepts a spaced message-command name', () => {
    expect(commandDefinitionProblems({ name: 'Claim', description: 'Look up' })).toEqual(['name: "Claim" must be 1–32 lowercase letters, digits, - _ or \'']);
    expect(commandDefinitionProblems({ name: 'check claims', description: 'Look up' })).toHaveLength(1);
    expect(commandDefinitionProblems({ name: 'Check claims', type: 3 })).toEqual([]);
  });

  it('refuses a choice whose value is not of its option’s type', () => {
    const integer = { type: ApplicationCommandOptionType.Integer, name: 'n', description: 'A number', choices: [{ name: 'three', value: '3' }] };
    expect(commandDefinitionProblems({ name: 'pick', description: 'Pick', options: [integer] })).toEqual([
      'options[0].choices[0].value: "3" is not an integer, the option\'s type',
    ]);
  });

  it('counts names, descriptions and choices together against 4,000 characters', () => {
    const long = (i: number) => ({
      ...option,
      name: `option-${i}`,
      description: 'd'.repeat(100),
      choices: [{ name: 'c'.repeat(100), value: 'v'.repeat(100) }],
    });
    const problems = commandDefinitionProblems({ name: 'big', description: 'Big', options: Array.from({ length: 14 }, (_, i) => long(i)) });
    expect(problems).toEqual(['4322 characters of names, descriptions and choices (at most 4000)']);
  });

  it('refuses more than 25 options and a required option after an optional one', () => {
    const options = Array.from({ length: 26 }, (_, i) => ({ ...option, name: `o${i}`, required: i === 25 }));
    expect(commandDefinitionProblems({ name: 'many', description: 'Many', options })).toEqual([
      'options: 26 options (at most 25)',
      'options[25].required: a required option must come before the optional ones',
    ]);
  });
});
