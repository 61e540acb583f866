import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { z } from 'zod';
import { UserError } from '../core/errors.ts';
import type { Choice, Reply } from '../views/reply.ts';
import type { Actor, ClaimStore } from '../store/claim-store.ts';
import type { SummarySync } from '../summary/sync.ts';

/** Option values as Discord (or the console) hands them over, by option name. */
export type RawOptions = Record<string, string | number | boolean | undefined>;

export interface CommandContext {
  store: ClaimStore;
  /** Who is asking: a Discord member, or the person at the console. */
  actor: Actor;
  /** The channel it was asked in (Discord only): where a request's answer is told. */
  channelId?: string | null;
  /**
   * Posts `reply` in a channel, mentioning `userId` and pinging only them: how someone who asked the desk is told
   * of the answer. Resolves false when it could not (logged). Absent in the console, which has nobody to tell.
   */
  notify?(channelId: string, userId: string, reply: Reply): Promise<boolean>;
  /** Who reviews the claims (NEWSROOM_NAME): the author of exported ClaimReviews. */
  newsroom: { name: string; url?: string };
  /** The pinned summaries, where Discord is (not at the console). */
  summaries?: SummarySync;
  /** Where a Discord attachment may be fetched from (Discord's attachment hosts; the loopback fake in tests). */
  attachmentOrigins?: readonly string[];
  /** Tells Discord the answer will take a while (only to the asker); call it before slow work. */
  defer?: () => Promise<void>;
  /**
   * Counts one use of a rate-limited action by the person asking: 0 when they may, else the ms until they may again
   * (nothing counted). Absent at the console: one person at their own terminal.
   */
  rateLimit?: (action: RateLimitedAction) => number;
  /** Whether the interaction comes from the newsroom's own server: true, or the sentence that says why it does not. Absent at the console, which is the newsroom's own. */
  fromNewsroom?: true | string;
}

/** What one person may do only so often (src/discord/pacing.ts says how often). */
export type RateLimitedAction = 'check-claims';

/** What came back from a button or a form a command sent: its id's action and arguments (`custom-id.ts`). */
export type ComponentInput =
  | { kind: 'button'; action: string; args: string[] }
  | { kind: 'form'; action: string; args: string[]; values: Record<string, string | string[]> };

/**
 * A slash command, Discord-free: the Discord layer and the console both turn their input into `RawOptions`
 * and send back the `Reply`, so both run exactly the same code.
 */
export interface Command {
  /** The definition registered with Discord, as API JSON. */
  data: RESTPostAPIApplicationCommandsJSONBody;
  run(options: RawOptions, context: CommandContext): Reply | Promise<Reply>;
  /**
   * Choices for the option being typed. `options`: the options filled in so far (and `subcommand`), so choices can
   * obey them. Answered from memory where it can be: Discord gives autocomplete 3 seconds and no deferral.
   */
  autocomplete?(option: string, value: string, context: CommandContext, options?: RawOptions): Choice[] | Promise<Choice[]>;
  /** Only the newsroom's moderators may use it: checked at run time for the command, its buttons and its forms alike. */
  moderatorsOnly?: boolean;
  /** A press of a button, or a submitted form, that this command sent. */
  component?(input: ComponentInput, context: CommandContext): Reply | Promise<Reply>;
}

interface CommandSpec<Args> {
  data: RESTPostAPIApplicationCommandsJSONBody;
  /** Parses the raw options into the arguments `execute` gets; a value it rejects is the user's error. */
  options: z.ZodType<Args>;
  execute(args: Args, context: CommandContext): Reply | Promise<Reply>;
  autocomplete?: Command['autocomplete'];
  moderatorsOnly?: boolean;
  component?: Command['component'];
}

export function defineCommand<Args>({ data, options, execute, ...rest }: CommandSpec<Args>): Command {
  return {
    data,
    ...rest,
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
