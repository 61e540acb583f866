import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { choicesForOption } from '../../src/discord/autocomplete.ts';

describe('choicesForOption', () => {
  const choices = [
    { name: '#3 ×2: troops', value: '3' },
    { name: '#12 ×1: tehran', value: '12' },
  ];

  it('gives an integer option integer values', () => {
    expect(choicesForOption(ApplicationCommandOptionType.Integer, choices)).toEqual([
      { name: '#3 ×2: troops', value: 3 },
      { name: '#12 ×1: tehran', value: 12 },
    ]);
  });

  it('leaves out a value that is not a whole number rather than have Discord refuse every choice', () => {
    const mixed = [
      { name: 'half', value: '2.5' },
      { name: 'blank', value: ' ' },
      { name: 'word', value: 'three' },
      { name: 'seven', value: '7' },
    ];
    expect(choicesForOption(ApplicationCommandOptionType.Integer, mixed)).toEqual([{ name: 'seven', value: 7 }]);
    expect(choicesForOption(ApplicationCommandOptionType.Number, mixed)).toEqual([
      { name: 'half', value: 2.5 },
      { name: 'seven', value: 7 },
    ]);
  });

  it('keeps a string option’s values as they are', () => {
    expect(choicesForOption(ApplicationCommandOptionType.String, choices)).toEqual(choices);
  });
});
