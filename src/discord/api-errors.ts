import { DiscordAPIError, HTTPError } from 'discord.js';
import { describeFailure } from '../views/failure.ts';

/** A field's errors in Discord's 400 body: `{ _errors: [{ code, message }] }` at the field's place in the request. */
interface FieldErrors {
  _errors?: { code?: string; message?: string }[];
  [key: string]: unknown;
}

/**
 * Discord's error body (`{ code: 50035, message: "Invalid Form Body", errors: {...} }`) as one line naming each field it
 * refused: `options[0].options[7].description: Must be between 1 and 100 in length`. `itemNames` names the items of a
 * request that is a list (the commands of a registration), so `[1].options…` reads `/claims options…`.
 */
export function describeDiscordError(body: unknown, itemNames: readonly string[] = []): string {
  const { message, errors } = (body ?? {}) as { message?: unknown; errors?: unknown };
  const fields: string[] = [];
  const walk = (node: FieldErrors, segments: string[]) => {
    for (const error of node._errors ?? [])
      fields.push(`${fieldPath(segments, itemNames)}: ${String(error.message ?? error.code ?? 'refused').replace(/\.$/, '')}`);
    for (const [key, child] of Object.entries(node)) {
      if (key !== '_errors' && child !== null && typeof child === 'object') walk(child as FieldErrors, [...segments, key]);
    }
  };
  if (errors && typeof errors === 'object') walk(errors as FieldErrors, []);
  if (fields.length > 0) return fields.join('; ');
  return typeof message === 'string' && message ? message : 'no reason given';
}

/** `options[0].options[7].description`, led by the item's name when the request is a list and the item is named. */
function fieldPath(segments: readonly string[], itemNames: readonly string[]): string {
  const isIndex = (segment: string) => /^\d+$/.test(segment);
  const [first, ...rest] = segments;
  const label = first !== undefined && isIndex(first) ? itemNames[Number(first)] : undefined;
  const tail = (label === undefined ? segments : rest).map((segment, i) => (isIndex(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
  if (label === undefined) return tail || '(body)';
  return tail ? `${label} ${tail}` : label;
}

/**
 * What went wrong in a request to Discord, in one sentence: what Discord refused and why (its error body), what it
 * answered when it failed itself, or why it could not be reached.
 */
export function describeDiscordFailure(error: unknown, itemNames: readonly string[] = []): string {
  if (error instanceof DiscordAPIError) return `Discord refused it (${error.status}, code ${error.code}): ${describeDiscordError(error.rawError, itemNames)}`;
  if (error instanceof HTTPError) return `Discord failed to answer (${error.status} ${error.message})`;
  return `Discord could not be reached or answered oddly: ${describeFailure(error)}`;
}
