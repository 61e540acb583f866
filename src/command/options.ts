import { ApplicationCommandOptionType, type APIApplicationCommandBasicOption, type APIApplicationCommandSubcommandOption } from 'discord.js';
import { z } from 'zod';

/**
 * A command's options declared once: each builder makes the option's Discord JSON and the zod schema of its value
 * together, so what Discord offers and what the handler accepts cannot drift apart.
 */
export class Option<N extends string, V> {
  constructor(
    readonly name: N,
    readonly json: APIApplicationCommandBasicOption,
    readonly schema: z.ZodType<V>,
  ) {}

  /** Discord asks for it, and the handler gets it for sure. */
  required(): Option<N, Exclude<V, undefined>> {
    return new Option(
      this.name,
      { ...this.json, required: true } as APIApplicationCommandBasicOption,
      this.schema.refine((value) => value !== undefined, 'required') as z.ZodType<Exclude<V, undefined>>,
    );
  }

  /** Optional in Discord; the handler gets `value` when it is left out. */
  orElse(value: Exclude<V, undefined>): Option<N, Exclude<V, undefined>> {
    return new Option(this.name, this.json, this.schema.transform((given) => given ?? value) as z.ZodType<Exclude<V, undefined>>);
  }
}

interface TextSpec {
  maxLength?: number;
  minLength?: number;
  autocomplete?: boolean;
  /** Refuse a value of only spaces, with this message ("say why"). */
  notBlank?: string;
}

export function textOption<N extends string>(
  name: N,
  description: string,
  { maxLength, minLength, autocomplete, notBlank }: TextSpec = {},
): Option<N, string | undefined> {
  const json = {
    type: ApplicationCommandOptionType.String,
    name,
    description,
    max_length: maxLength,
    min_length: minLength,
    autocomplete,
  } as APIApplicationCommandBasicOption;
  const text = notBlank === undefined ? z.string() : z.string().trim().min(1, notBlank);
  return new Option(name, withoutUndefined(json), text.optional());
}

/** A string option whose value is one of `choices` (at most 25). */
export function choiceOption<N extends string, const C extends string>(
  name: N,
  description: string,
  choices: readonly { name: string; value: C }[],
): Option<N, C | undefined> {
  const values = choices.map((choice) => choice.value) as [C, ...C[]];
  return new Option(
    name,
    { type: ApplicationCommandOptionType.String, name, description, choices: [...choices] } as APIApplicationCommandBasicOption,
    z.enum(values).optional(),
  );
}

export function integerOption<N extends string>(
  name: N,
  description: string,
  { min, autocomplete }: { min?: number; autocomplete?: boolean } = {},
): Option<N, number | undefined> {
  const json = { type: ApplicationCommandOptionType.Integer, name, description, min_value: min, autocomplete } as APIApplicationCommandBasicOption;
  const integer = z.number().int();
  return new Option(name, withoutUndefined(json), (min === undefined ? integer : integer.min(min)).optional());
}

/** A web link: Discord sends it as text; the handler gets it only as an http(s) URL. */
export function urlOption<N extends string>(name: N, description: string, { maxLength }: { maxLength?: number } = {}): Option<N, string | undefined> {
  const json = { type: ApplicationCommandOptionType.String, name, description, max_length: maxLength } as APIApplicationCommandBasicOption;
  return new Option(name, withoutUndefined(json), z.url({ protocol: /^https?$/, error: 'must be a URL like https://example.org/article' }).optional());
}

/** A file the user attaches: the handler gets its URL on Discord's attachment host. */
export function attachmentOption<N extends string>(name: N, description: string): Option<N, string | undefined> {
  return new Option(name, { type: ApplicationCommandOptionType.Attachment, name, description } as APIApplicationCommandBasicOption, z.string().optional());
}

export function booleanOption<N extends string>(name: N, description: string): Option<N, boolean | undefined> {
  return new Option(name, { type: ApplicationCommandOptionType.Boolean, name, description } as APIApplicationCommandBasicOption, z.boolean().optional());
}

// biome-ignore lint/suspicious/noExplicitAny: the value types of a list of options are all different, by design
type AnyOption = Option<string, any>;
type Shape<Os extends readonly AnyOption[]> = { [O in Os[number] as O['name']]: O['schema'] };

/** The zod object of a list of options, by name. */
export function optionsSchema<const Os extends readonly AnyOption[]>(options: Os) {
  return z.object(Object.fromEntries(options.map((option) => [option.name, option.schema])) as Shape<Os>);
}

/** A subcommand: its JSON and its options' schema, tagged with its name as `subcommand` (how handlers tell them apart). */
export function subcommand<N extends string, const Os extends readonly AnyOption[]>(name: N, description: string, options: Os) {
  const json: APIApplicationCommandSubcommandOption = {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description,
    options: options.map((option) => option.json),
  };
  return { json, schema: optionsSchema(options).extend({ subcommand: z.literal(name) }) };
}

type Subcommand = ReturnType<typeof subcommand>;

/** The options of a command made of subcommands: the JSON list, and one schema that tells them apart by name. */
export function subcommands<const Ss extends readonly [Subcommand, ...Subcommand[]]>(list: Ss) {
  return {
    json: list.map((entry) => entry.json),
    schema: z.discriminatedUnion('subcommand', list.map((entry) => entry.schema) as unknown as { [K in keyof Ss]: Ss[K]['schema'] }),
  };
}

/** Discord's JSON leaves an unset property out rather than sending it as undefined. */
function withoutUndefined<T extends object>(json: T): T {
  return Object.fromEntries(Object.entries(json).filter(([, value]) => value !== undefined)) as T;
}
