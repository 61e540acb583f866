import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';
import { UserError } from './errors.ts';
import type { Choice, Reply } from './reply.ts';
import type { ClaimStore } from './store.ts';

/** Option values as Discord (or the console) hands them over, by option name. */
export type RawOptions = Record<string, string | number | boolean | undefined>;

export interface CommandContext {
  store: ClaimStore;
}

/**
 * A slash command, Discord-free: the Discord layer and the console both turn their input into `RawOptions`
 * and send back the `Reply`, so both run exactly the same code.
 */
export interface Command {
  /** The definition registered with Discord, as API JSON. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  run(options: RawOptions, context: CommandContext): Reply | Promise<Reply>;
  /** Choices for the option being typed. Answered from memory: Discord gives autocomplete 3 seconds and no deferral. */
  autocomplete?(option: string, value: string, context: CommandContext): Choice[];
}

interface CommandSpec<Args> {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Parses the raw options into the arguments `execute` gets; a value it rejects is the user's error. */
  options: z.ZodType<Args>;
  execute(args: Args, context: CommandContext): Reply | Promise<Reply>;
  autocomplete?: Command['autocomplete'];
}

export function defineCommand<Args>({ data, options, execute, autocomplete }: CommandSpec<Args>): Command {
  return {
    data,
    autocomplete,
    run(raw, context) {
      const parsed = options.safeParse(raw);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
        throw new UserError(`That did not work: ${problems.join('; ')}.`);
      }
      return execute(parsed.data, context);
    },
  };
}
