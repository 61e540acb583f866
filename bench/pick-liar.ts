// Chooses the LIAR statements the natural-question set asks about, at random but reproducibly (a fixed seed), so
// nobody picked statements the search already finds. Prints id and statement to read while writing the questions;
// only the ids and the questions go into tests/fixtures/answers/liar-questions.tsv (LIAR's text stays in ../shared).
// Usage: node --import tsx bench/pick-liar.ts [count]
import { readTsv, loadCorpus, CORPUS_DIR } from '../tests/support/eval-queries.ts';
import { join } from 'node:path';
import { Rng } from './synthetic/index.ts';

const SEED = 20261204;
const count = Number(process.argv[2] ?? 60);
const { claims } = await loadCorpus();
const alreadyAsked = new Set(readTsv(join(CORPUS_DIR, 'queries.tsv')).map(([, id]) => id));
// PolitiFact's Flip-O-Meter stubs ("On abortion.") state nothing a question could be about: fewer than 6 words.
const askable = claims.filter((claim) => claim.statement.split(/\s+/).length >= 6 && !alreadyAsked.has(claim.id));
const rng = new Rng(SEED);
const chosen = new Set<number>();
while (chosen.size < count) chosen.add(rng.int(askable.length));
for (const index of chosen) {
  const claim = askable[index]!;
  process.stdout.write(`${claim.id}\t${claim.claimant.name}\t${claim.statement}\n`);
}
