/**
 * How long `claimbot import` takes to read and plan a large file: 10,000 claims (the synthetic benchmark claims)
 * exported as ClaimReview JSON-LD, CSV and dataset JSON, then read and planned against the shipped dataset (all
 * new) and against themselves (all unchanged); and 10,000 foreign-shaped ClaimReviews without ids. Median of 5 runs.
 *
 *   node --import tsx bench/import.ts [count]
 */
import { loadDataset } from '../src/dataset.ts';
import { exportClaims, type ExportFormat } from '../src/exchange/export.ts';
import { readImport } from '../src/exchange/import.ts';
import { planImport } from '../src/exchange/plan.ts';
import { median, timed } from './stats.ts';
import { generateDataset } from './synthetic.ts';
import { SHIPPED_CLAIMS } from '../tests/support/files.ts';

const count = Number(process.argv[2] ?? 10_000);
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

console.log(`${count} claims, Node ${process.version}, median of ${RUNS} runs\n`);
console.log('| file | size | read | plan vs shipped (adds) | plan vs itself (skips) | read + plan |');
console.log('|---|---|---|---|---|---|');
for (const [name, text, fileName] of files) {
  const read: number[] = [];
  const planNew: number[] = [];
  const planSame: number[] = [];
  let summary = '';
  for (let run = 0; run < RUNS; run++) {
    const [incoming, readMs] = timed(() => readImport(text, fileName, { onProgress: () => {} }));
    const [adds, newMs] = timed(() => planImport(shipped, incoming));
    const itself = { claims: incoming.claims.map(({ claim }) => claim), stories: incoming.stories };
    const [skips, sameMs] = timed(() => planImport(itself, incoming));
    read.push(readMs);
    planNew.push(newMs);
    planSame.push(sameMs);
    summary = `${adds.add.length} added, ${adds.invalid.length} invalid / ${skips.skip.length} skipped`;
  }
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `| ${name} | ${(text.length / 1e6).toFixed(1)} MB | ${ms(median(read))} | ${ms(median(planNew))} | ${ms(median(planSame))} | ${ms(median(read) + median(planNew))} |`,
  );
  console.error(`  ${name}: ${summary}`);
}
