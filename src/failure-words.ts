import { UserError } from './errors.ts';
import { DatabaseUnreachableError } from './store/unreachable.ts';

/** Told when the database cannot be reached: the change was not made (readers' answers, from memory, go on). */
export const DATABASE_UNREACHABLE = 'The claims database is unreachable: nothing was saved.';

/** What to tell the person for a failure they should know about; undefined for a fault of ours (logged, answered generically). */
export function failureWords(error: unknown): string | undefined {
  if (error instanceof UserError) return error.message;
  if (error instanceof DatabaseUnreachableError) return DATABASE_UNREACHABLE;
  return undefined;
}
