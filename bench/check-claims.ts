// Check claims on hostile messages: how long one message holds the event loop at 10,000 and 100,000 claims.
// Each message is at most 4,000 characters (the longest Discord delivers) and goes through what the command runs:
// `answer` in message mode over the real index. The target (issue 19): no message over 50 ms at 10,000 claims, or
// over 150 ms at 100,000. Synthetic claims only (bench/synthetic/); the crafted messages are seeded.
// Usage: node --import tsx bench/check-claims.ts [--sizes 10000,100000] [--runs N]
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadDataset } from '../src/core/dataset.ts';
import { ClaimSearch } from '../src/search/claim-search.ts';
import { answer } from '../src/search/answer.ts';
import { MAX_MESSAGE_LENGTH } from '../src/search/query.ts';
import { contentTerms } from '../src/search/text.ts';
import { SHIPPED_CLAIMS } from '../tests/support/files.ts';
import { timed } from './stats.ts';
import { withDistractors } from './synthetic/index.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const SIZES = (option('sizes') ?? '10000,100000').split(',').map(Number);
/** Runs per message (after one untimed): main-thread CPU is measured over all of them, wall time per run. */
const RUNS = Number(option('runs') ?? 40);
/** Messages of each crafted kind, each from its own seed. */
const SEEDS = 5;
const NORMAL_TEXT =
  'Apparently North Korea has sent 10,000 troops to Russia to help its war against Ukraine, says the Kyiv Independent. ' +
  'Zelensky said Pyongyang is already involved and that Tehran is too. Is that true?? Someone in the group chat says the ' +
  'soldiers are in Kursk and could be deployed to Donetsk next month, citing Western intelligence.';

/**
 * CPU time of the main thread (the event loop) so far, from /proc (Linux; Node 20 has no process.threadCpuUsage):
 * unlike wall time it does not grow when other processes share the cores, and unlike process.cpuUsage it leaves out
 * the garbage collector's helper threads, which do not hold the event loop. In clock ticks (10 ms): hence RUNS runs.
 */
function mainThreadCpuMs(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime: the 14th and 15th fields of stat, the 12th and 13th after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/** A seeded generator (mulberry32): the same messages on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words joined by spaces up to 4,000 characters. */
function fill(next: () => string): string {
  let text = '';
  for (;;) {
    const word = next();
    if (text.length + word.length + 1 > MAX_MESSAGE_LENGTH) return text;
    text += (text ? ' ' : '') + word;
  }
}

/** The crafted kinds: words the claims use (every one reaches claims), the commonest ones, capitalised (read as names), made-up words (each a typo search), numbers. */
function craftedMessages(words: readonly string[], commonest: readonly string[]): { kind: string; text: string }[] {
  const messages: { kind: string; text: string }[] = [{ kind: 'normal text', text: NORMAL_TEXT }];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const next = random(seed);
    const pick = (list: readonly string[]) => list[Math.floor(next() * list.length)]!;
    const letters = () => Array.from({ length: 5 + Math.floor(next() * 6) }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('');
    messages.push(
      { kind: 'random words of the claims', text: fill(() => pick(words)) },
      { kind: 'the commonest words, shuffled', text: fill(() => pick(commonest)) },
      {
        kind: 'random words, capitalised',
        text: fill(() => {
          const word = pick(words);
          return word[0]!.toUpperCase() + word.slice(1);
        }),
      },
      { kind: 'made-up words', text: fill(letters) },
      {
        kind: 'words of the claims with a typo',
        text: fill(() => {
          const word = pick(words);
          const at = Math.floor(next() * word.length);
          return word.slice(0, at) + letters()[0] + word.slice(at + 1);
        }),
      },
      { kind: 'numbers', text: fill(() => String(Math.floor(next() * 100_000))) },
    );
  }
  return messages;
}

const curated = await loadDataset(SHIPPED_CLAIMS);
console.log(
  `Machine: Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Per message: ${RUNS} runs after one untimed, after a full GC; main-thread CPU ms per run (what holds the event loop), and the least wall ms of one run. The machine is shared: CPU time is the figure that does not depend on its load.`,
);
for (const size of SIZES) {
  const dataset = withDistractors(curated, size);
  const index = new ClaimSearch(dataset.claims, dataset.stories);
  const uses = new Map<string, number>();
  for (const claim of dataset.claims) {
    for (const word of claim.statement.split(/[^\p{L}]+/u).filter((w) => w.length > 2)) {
      const lower = word.toLowerCase();
      const term = contentTerms(lower)[0];
      if (!term) continue;
      uses.set(lower, (uses.get(lower) ?? 0) + 1);
    }
  }
  const words = [...uses.keys()];
  const commonest = [...uses]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 600)
    .map(([word]) => word);
  const search = (text: string, options: Parameters<ClaimSearch['search']>[1]) => index.search(text, options);
  const byKind = new Map<string, { cpu: number[]; wall: number[] }>();
  for (const { kind, text } of craftedMessages(words, commonest)) {
    answer(search, text, { mode: 'message', limit: 3 });
    // Garbage left by the messages before is collected first: each message pays only for its own.
    gc();
    const wall: number[] = [];
    const cpuBefore = mainThreadCpuMs();
    for (let run = 0; run < RUNS; run++) wall.push(timed(() => answer(search, text, { mode: 'message', limit: 3 }))[1]);
    const times = byKind.get(kind) ?? { cpu: [], wall: [] };
    times.cpu.push((mainThreadCpuMs() - cpuBefore) / RUNS);
    times.wall.push(...wall);
    byKind.set(kind, times);
  }
  console.log(`\n${dataset.claims.length.toLocaleString('en')} claims (${words.length.toLocaleString('en')} distinct words in statements)`);
  console.log('| message (≤ 4,000 characters) | main-thread CPU ms per message, mean | the same, worst message of the kind | wall ms, least |');
  console.log('|---|---|---|---|');
  let worst = 0;
  for (const [kind, { cpu, wall }] of byKind) {
    worst = Math.max(worst, ...cpu);
    console.log(
      `| ${kind} | ${(cpu.reduce((sum, ms) => sum + ms, 0) / cpu.length).toFixed(1)} | ${Math.max(...cpu).toFixed(1)} | ${Math.min(...wall).toFixed(1)} |`,
    );
  }
  console.log(`worst message, main-thread CPU: ${worst.toFixed(1)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
}
