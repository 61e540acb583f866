import { errorWords } from '../../src/views/error-words.ts';

/** What the person is told for the error `run` throws (the words the edges show), or a failure when it throws none or a fault. */
export function wordsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return wordsFor(error);
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** The same for a promise that should reject. */
export async function wordsOfRejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return wordsFor(error);
  }
  throw new Error('expected a rejection, but the promise resolved');
}

function wordsFor(error: unknown): string {
  const words = errorWords(error);
  if (words === undefined) throw error;
  return words;
}
