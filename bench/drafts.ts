// The drafter: how many claims it finds on the first story's article and on the hand-drafted articles, and how fast.
// Usage: node --import tsx bench/drafts.ts
import { readFileSync } from 'node:fs';
import { loadDataset } from '../src/core/dataset.ts';
import { draftClaims } from '../src/draft/drafter.ts';
import { draftFile, handDraftedArticles, score, SEED_ARTICLE } from '../tests/support/draft-scoring.ts';
import { SHIPPED_CLAIMS } from '../tests/support/files.ts';

const { claims } = await loadDataset(SHIPPED_CLAIMS);
const loadStart = performance.now();
const seedDrafts = await draftFile(SEED_ARTICLE, 'Euronews', claims);
const firstRun = performance.now() - loadStart;
const seed = score(seedDrafts, claims);
console.log(
  `First story (${claims.length} curated claims): ${seed.found.length} drafted with the right claimant, flags right on ${seed.found.filter((f) => f.flagsRight).length}; ${seed.drafts.filter((d) => d.repeats).length} drafts carry the id of the claim they repeat; ${seed.unmatched.length} drafts match no curated claim.`,
);
for (const [i, claim] of claims.entries()) if (!seed.found.some((f) => f.expected === i)) console.log(`  missed: ${claim.id}`);
for (const f of seed.found.filter(({ flagsRight }) => !flagsRight))
  console.log(
    `  flags differ on ${claims[f.expected]!.id}: drafted [${seed.drafts[f.draft]!.flags.join(', ')}], curated [${claims[f.expected]!.flags.join(', ')}]`,
  );

let expected = 0;
let found = 0;
let flagsRight = 0;
let drafted = 0;
let unmatched = 0;
let wrongClaimant = 0;
for (const article of handDraftedArticles()) {
  const result = score(await draftFile(article.file, article.outlet), article.claims);
  expected += article.claims.length;
  found += result.found.length;
  flagsRight += result.found.filter((f) => f.flagsRight).length;
  drafted += result.drafts.length;
  unmatched += result.unmatched.length;
  wrongClaimant += result.wrongClaimant.length;
  console.log(
    `  ${article.name}: ${result.found.length}/${article.claims.length} found, ${result.unmatched.length} of ${result.drafts.length} drafts match nothing`,
  );
  for (const [i, claim] of article.claims.entries())
    if (!result.found.some((f) => f.expected === i)) console.log(`    missed: ${claim.claimant.name}: ${claim.statement}`);
  for (const draft of result.unmatched) console.log(`    false draft: ${draft.claimant.name}: ${draft.statement}`);
  for (const draft of result.wrongClaimant) console.log(`    wrong claimant: ${draft.claimant.name}: ${draft.statement}`);
}
console.log(
  `Hand-drafted articles: recall ${found}/${expected} (${Math.round((100 * found) / expected)}%), flags right on ${flagsRight} of those; ${unmatched} of ${drafted} drafts match no hand-drafted claim, ${wrongClaimant} name the wrong claimant.`,
);

// A 10,000-word article: the first story's article and the hand-drafted ones, repeated.
const texts = [
  readFileSync(SEED_ARTICLE, 'utf8'),
  ...handDraftedArticles()
    .filter((a) => !a.file.endsWith('.html'))
    .map((a) => readFileSync(a.file, 'utf8')),
].join('\n\n');
const words = texts.split(/\s+/).length;
const long = Array.from({ length: Math.ceil(10_000 / words) }, () => texts).join('\n\n');
const times: number[] = [];
const cpuTimes: number[] = [];
let count = 0;
for (let run = 0; run < 7; run++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  count = (await draftClaims(long, 'text', { outlet: 'Wire' }, claims)).length;
  const used = process.cpuUsage(cpu);
  times.push(performance.now() - start);
  cpuTimes.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
// CPU time as well as wall time: on a shared machine the wall clock also counts the time other processes had the CPU.
console.log(
  `10,000-word article (${long.split(/\s+/).length} words, ${count} drafts), 7 runs: wall median ${times[3]!.toFixed(0)} ms (fastest ${times[0]!.toFixed(0)}, slowest ${times[6]!.toFixed(0)}); CPU median ${cpuTimes[3]!.toFixed(0)} ms (fastest ${cpuTimes[0]!.toFixed(0)}); the first article of a process also loads the model: ${firstRun.toFixed(0)} ms.`,
);
