import { LIMITS } from '../views/limits.ts';

/**
 * The id of a button or a form: `<command>:<action>:<arg>:<arg>…`, so the dispatcher routes a press back to the
 * command that sent it and the command gets its action and arguments back. The one place ids are built and split.
 */
export interface CustomId {
  command: string;
  action: string;
  args: string[];
}

const SEPARATOR = ':';

/** Builds an id; a part holding the separator, or an id over Discord's 100 characters, is a bug of ours. */
export function encodeCustomId({ command, action, args }: CustomId): string {
  const parts = [command, action, ...args];
  if (parts.some((part) => part.includes(SEPARATOR))) throw new Error(`a custom id part holds "${SEPARATOR}": ${parts.join(' | ')}`);
  const id = parts.join(SEPARATOR);
  if (id.length > LIMITS.customId) throw new Error(`a custom id is over ${LIMITS.customId} characters: ${id}`);
  return id;
}

export function decodeCustomId(id: string): CustomId {
  const [command = '', action = '', ...args] = id.split(SEPARATOR);
  return { command, action, args };
}
