import type { ReadingMode } from './reading.ts';

/**
 * Texts of every kind a search meets, none about any one story: typos of short and long words (fuse.js over the
 * candidate terms), numbers written out and with a scale, countries by demonym and capital, questions, filler, and
 * a chat message with names in it.
 */
const WARM_UP_TEXTS = [
  'what did the presidnet say about taxes',
  'how many pepole lost their jobs in 2020',
  'goverment spending 10k per famly',
  'two million voters in the nothern states',
  'is it true that the senat voted against it',
  'wich state has the highest crime rate',
  'helth care costs and insurence premiums',
  'the econmy grew by 3% and seventy per cent agree',
  'French troops in Berlin, say officials',
  'Apparently the Minister said 2.6 million people moved to Canada last year?? anyone confirm',
];
/** Enough rounds for V8 to compile the hot paths: measured, the first query after 3 rounds costs what a warm one does. */
const WARM_UP_ROUNDS = 3;
/**
 * At most this long: a search over 100,000 claims runs its loops ten times longer than over 10,000, so V8 compiles
 * them in fewer searches, and the full warm-up would take a second of the start (measured: 0.92 s).
 */
const WARM_UP_BUDGET_MS = 120;
const MODES: readonly ReadingMode[] = ['query', 'typing', 'message'];

/**
 * Runs a search over every kind of text a few times, so that V8 has compiled and optimized the search path (and
 * fuse.js's) before the first person asks. Without it the first `/claim` after startup runs interpreted code:
 * 6-25 ms for one typo query at 10,000 claims instead of 1-2 ms (measured on a loaded 2-core machine). `now` is the
 * clock the budget is kept by: a test passes its own, so what it checks does not depend on how fast the machine is.
 */
export function warmUp(search: (text: string, options: { mode: ReadingMode; limit: number }) => unknown, now: () => number = () => performance.now()): void {
  const until = now() + WARM_UP_BUDGET_MS;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const text of WARM_UP_TEXTS) {
      for (const mode of MODES) search(text, { mode, limit: 3 });
      if (now() > until) return;
    }
  }
}
