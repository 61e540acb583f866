// Hostile text in a dataset: how long comparing and validating 60 kB statements of dots takes (issue 19, item 12).
// node --import tsx bench/hostile-text.ts
import { parseDataset } from '../src/core/dataset.ts';
import { comparableText } from '../src/core/schema.ts';

const DOTS = '.'.repeat(60_000);

function timed(label: string, work: () => void): void {
  const start = performance.now();
  work();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
}

timed('comparableText, 60 kB of dots then a letter', () => comparableText(`${DOTS}a`));
timed('comparableText, a word, 60 kB of dots, a word', () => comparableText(`troops${DOTS}there`));
const claim = (id: string) => ({
  id,
  story: 's',
  statement: `${DOTS}${id}`,
  quote: false,
  claimant: { name: 'Someone' },
  attribution: { reportedBy: { outlet: 'Outlet' } },
  createdAt: '2026-11-25T04:00:00Z',
  updatedAt: '2026-11-25T04:00:00Z',
  addedBy: 'seed',
});
const dataset = { stories: [{ id: 's', title: 'Story', source: { outlet: 'Outlet' } }], claims: ['a', 'b', 'c'].map(claim) };
timed('validate a dataset of three 60 kB statements of dots (rejected for length)', () => {
  try {
    parseDataset(dataset, 'dots.json');
  } catch {
    // Rejected, as it must be: the time to say so is what is measured.
  }
});
