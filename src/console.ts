import { createInterface } from 'node:readline';
import { ApplicationCommandOptionType } from 'discord.js';
import type { Readable, Writable } from 'node:stream';
import type { Command, CommandContext, RawOptions } from './command.ts';
import { UserError } from './errors.ts';
import { fitChoices, fitReply } from './limits.ts';
import type { Logger } from './log.ts';
import { replyToText } from './reply.ts';

const BANNER = `claimbot console: offline, not connected to Discord. Type a command as you would in Discord:
  /claim north korea troops              the best matching claim
  /claim zelensky verdict:unverified     options as name:value
  /claim north ko?                       what autocomplete would offer
  /help, /quit
To connect a real bot, put DISCORD_TOKEN in .env (see .env.example and the README) and run npm start again.`;

/** A local stand-in for Discord: reads commands line by line and prints the replies the bot would send, from the same handlers. */
export async function runConsole(input: Readable, output: Writable, commands: readonly Command[], context: CommandContext, log: Logger): Promise<void> {
  const print = (text: string) => output.write(`${text}\n`);
  // Slash commands by name; a message command (Check claims) has no text to type here.
  const byName = new Map(commands.filter((command) => (command.data.type ?? 1) === 1).map((command) => [command.data.name, command]));
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, output, terminal: interactive, prompt: 'claimbot> ' });
  const prompt = () => interactive && lines.prompt();
  print(BANNER);
  prompt();
  for await (const line of lines) {
    const [, name = '', rest = ''] = /^\s*\/?(\S*)\s*(.*)$/.exec(line) ?? [];
    if (name === 'quit' || name === 'exit') break;
    if (name === 'help') print(BANNER);
    else if (name) {
      try {
        print(await answer(byName, name, rest, context));
      } catch (error) {
        if (error instanceof UserError) print(error.message);
        else {
          log.error('console command failed', { line, error });
          print('Something went wrong while answering; see the log.');
        }
      }
    }
    prompt();
  }
  lines.close();
}

async function answer(commands: Map<string, Command>, name: string, text: string, context: CommandContext): Promise<string> {
  const command = commands.get(name);
  if (!command) throw new UserError(`There is no /${name}. Commands: ${[...commands.keys(), 'help', 'quit'].map((known) => `/${known}`).join(', ')}.`);
  const wantsChoices = text.endsWith('?');
  const options = parseOptions(command, wantsChoices ? text.slice(0, -1) : text);
  if (wantsChoices) {
    // The autocompleted option the user typed into, else the command's first one.
    const autocompleted = (definedOptions(command)).filter((definition) => 'autocomplete' in definition && definition.autocomplete).map((definition) => definition.name);
    const option = autocompleted.find((name) => name in options) ?? autocompleted[0];
    if (!option || !command.autocomplete) throw new UserError(`/${name} has nothing to autocomplete.`);
    const choices = fitChoices(await command.autocomplete(option, String(options[option] ?? ''), context));
    return choices.length === 0 ? 'No suggestions.' : choices.map((choice) => `  ${choice.name}   [${choice.value}]`).join('\n');
  }
  const reply = fitReply(await command.run(options, context));
  return `${reply.ephemeral ? '(only you would see this)\n' : ''}${replyToText(reply)}`;
}

/** "north korea verdict:unverified private:true" → { query: 'north korea', verdict: 'unverified', private: true }: free text fills the first option. */
function parseOptions(command: Command, text: string): RawOptions {
  const definitions = definedOptions(command);
  const names = definitions.map((option) => option.name).join('|');
  const parts = text.split(new RegExp(`(?:^|\\s)(${names}):`));
  const options: RawOptions = {};
  const free = parts[0]!.trim();
  if (free && definitions[0]) options[definitions[0].name] = free;
  for (let i = 1; i < parts.length; i += 2) {
    const definition = definitions.find((option) => option.name === parts[i]);
    const value = parts[i + 1]!.trim();
    options[parts[i]!] = definition?.type === ApplicationCommandOptionType.Boolean ? /^(true|yes|1)$/i.test(value) : value;
  }
  return options;
}

/** A slash command's options; a message command (Check claims) has none. */
function definedOptions(command: Command) {
  return ('options' in command.data ? command.data.options : undefined) ?? [];
}
