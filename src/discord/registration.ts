import { ApplicationCommandType, Routes, type REST, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

type Definition = RESTPostAPIApplicationCommandsJSONBody;

/** Where commands are registered: one guild (instant, for development) or globally (every server the bot is in). */
export interface RegistrationTarget {
  applicationId: string;
  guildId?: string;
}

/** How people see each command: `/claim`, or `“Check claims” (on messages)`; in the order given. */
export function commandLabels(definitions: readonly Definition[]): string[] {
  return definitions.map((data) => (data.type === ApplicationCommandType.Message ? `“${data.name}” (on messages)` : `/${data.name}`));
}

function commandsRoute({ applicationId, guildId }: RegistrationTarget): `/${string}` {
  return guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
}

/** Replaces the registered commands with `definitions` (one PUT: commands that are gone are removed). */
export async function registerCommands(rest: REST, target: RegistrationTarget, definitions: readonly Definition[]): Promise<void> {
  await rest.put(commandsRoute(target), { body: definitions });
}

/**
 * Registers the commands only when Discord's copy differs, so a restart does not spend the daily
 * command-creation limit or make clients refetch commands.
 */
export async function syncCommands(rest: REST, target: RegistrationTarget, definitions: readonly Definition[]): Promise<'unchanged' | 'registered'> {
  const registered = (await rest.get(commandsRoute(target))) as Record<string, unknown>[];
  if (sameCommands(registered, definitions)) return 'unchanged';
  await registerCommands(rest, target, definitions);
  return 'registered';
}

/** Compares what we define with what Discord returns, which adds ids, versions and defaults. */
export function sameCommands(registered: readonly Record<string, unknown>[], definitions: readonly Definition[]): boolean {
  const normalize = (commands: readonly Record<string, unknown>[]) =>
    JSON.stringify(commands.map(normalizeCommand).sort((a, b) => a.name.localeCompare(b.name)));
  return normalize(registered) === normalize(definitions as unknown as Record<string, unknown>[]);
}

function normalizeCommand(command: Record<string, unknown>) {
  return {
    name: String(command.name),
    type: command.type ?? 1,
    description: command.description ?? '',
    default_member_permissions: command.default_member_permissions ?? null,
    // Where a command may be used: Discord returns null (everywhere) when it was never set.
    contexts: command.contexts ?? null,
    options: normalizeOptions(command.options),
  };
}

function normalizeOptions(options: unknown): unknown[] {
  return ((options ?? []) as Record<string, unknown>[]).map((option) => ({
    type: option.type,
    name: option.name,
    description: option.description,
    required: option.required ?? false,
    autocomplete: option.autocomplete ?? false,
    choices: ((option.choices ?? []) as Record<string, unknown>[]).map(({ name, value }) => ({ name, value })),
    min_length: option.min_length ?? null,
    max_length: option.max_length ?? null,
    min_value: option.min_value ?? null,
    max_value: option.max_value ?? null,
    options: normalizeOptions(option.options),
  }));
}
