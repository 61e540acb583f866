/**
 * How long `claimbot import` takes to read and plan a large file: 10,000 claims (the synthetic benchmark claims)
 * exported as ClaimReview JSON-LD, CSV and dataset JSON, then read and planned against the shipped dataset (all
 * new) and against themselves (all unchanged); and 10,000 foreign-shaped ClaimReviews without ids. Median of 5 runs,
 * wall time and, in brackets, this process's CPU time (which other work on a shared machine inflates less).
 *
 *   node --import tsx bench/import.ts [count]
 */
import { loadDataset } from '../src/core/dataset.ts';
import { exportClaims, type ExportFormat } from '../src/exchange/export.ts';
import { readImport } from '../src/exchange/import.ts';
import { planImport } from '../src/exchange/plan.ts';
import { median } from './stats.ts';
import { generateDataset } from './synthetic/index.ts';
import { SHIPPED_CLAIMS } from '../tests/support/files.ts';

const count = Number(process.argv[2] ?? 10_000);

/** The result, wall milliseconds and CPU milliseconds (user + system, all threads: the garbage collector's too). */
function timed<T>(work: () => T): [T, { wall: number; cpu: number }] {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage(cpuStart);
  return [result, { wall, cpu: (user + system) / 1000 }];
}
type Time = { wall: number; cpu: number };
const medianTime = (times: readonly Time[]): Time => ({ wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) });
const ms = (time: Time) => `${time.wall.toFixed(0)} ms (${time.cpu.toFixed(0)})`;
const RUNS = 5;
const newsroom = { name: 'Benchmark Newsroom' };
const shipped = await loadDataset(SHIPPED_CLAIMS);
const synthetic = generateDataset(count);

/** Reviews as another fact-checker publishes them: no ids, no stories of ours, textual ratings. */
function foreignReviews(): string {
  const ratings = ['False', 'Mostly True', 'Half True', 'Pants on Fire', 'Unknowable'];
  return JSON.stringify(
    synthetic.claims.map((claim, i) => ({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://factdesk.example/checks/${i % 500}`,
      datePublished: '2026-11-30',
      claimReviewed: claim.statement,
      author: { '@type': 'Organization', name: 'Example Fact Desk' },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: claim.claimant.name } },
      reviewRating: { '@type': 'Rating', alternateName: ratings[i % ratings.length] },
    })),
  );
}

const files: [string, string, string][] = [
  ...(['claimreview', 'csv', 'json'] as ExportFormat[]).map((format): [string, string, string] => [
    `${format} (our export)`,
    exportClaims(synthetic, format, { newsroom }),
    format === 'csv' ? 'claims.csv' : 'claims.json',
  ]),
  ['claimreview (foreign, no ids)', foreignReviews(), 'feed.jsonld'],
];

console.log(`${count} claims, Node ${process.version}, median of ${RUNS} runs: wall time (CPU time)\n`);
console.log('| file | size | read | plan vs shipped (adds) | plan vs itself (skips) | read + plan |');
console.log('|---|---|---|---|---|---|');
for (const [name, text, fileName] of files) {
  const read: Time[] = [];
  const planNew: Time[] = [];
  const planSame: Time[] = [];
  let summary = '';
  for (let run = 0; run < RUNS; run++) {
    const [incoming, readTime] = timed(() => readImport(text, fileName, { onProgress: () => {} }));
    const [adds, newTime] = timed(() => planImport(shipped, incoming));
    const itself = { claims: incoming.claims.map(({ claim }) => claim), stories: incoming.stories };
    const [skips, sameTime] = timed(() => planImport(itself, incoming));
    read.push(readTime);
    planNew.push(newTime);
    planSame.push(sameTime);
    summary = `${adds.add.length} added, ${adds.invalid.length} invalid / ${skips.skip.length} skipped`;
  }
  const [r, n] = [medianTime(read), medianTime(planNew)];
  const total = { wall: r.wall + n.wall, cpu: r.cpu + n.cpu };
  console.log(`| ${name} | ${(text.length / 1e6).toFixed(1)} MB | ${ms(r)} | ${ms(n)} | ${ms(medianTime(planSame))} | ${ms(total)} |`);
  console.error(`  ${name}: ${summary}`);
}
