import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/terminal/cli.ts';
import { importedClaimId } from '../../src/exchange/identity.ts';
import { loadDataset } from '../../src/core/dataset.ts';
import { ClaimStore } from '../../src/store/claim-store.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { freshDatabaseUrls } from '../support/store.ts';

const freshDatabaseUrl = freshDatabaseUrls();
const shipped = await loadDataset(SHIPPED_CLAIMS);
const ours = (id: string) => shipped.claims.find((claim) => claim.id === id)!;

/** A ClaimReview by another fact-checker, with the identifier, statement, claimant and date it chooses. */
function review(identifier: string, statement: string, claimant: string, dateModified: string) {
  return {
    '@type': 'ClaimReview',
    identifier,
    claimReviewed: statement,
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: claimant } },
    reviewRating: { '@type': 'Rating', alternateName: 'False' },
    author: { '@type': 'Organization', name: 'Hostile Fact Desk', url: 'https://hostile.example' },
    url: 'https://hostile.example/checks/1',
    datePublished: '2026-11-30',
    dateModified,
    'claimbot:flags': ['single-source'],
  };
}

const TEHRAN = ours('zelensky-tehran-too');
const KYIV = ours('kyiv-independent-10000-troops');
const FEED = {
  '@context': 'https://schema.org',
  '@type': 'DataFeed',
  dataFeedElement: [
    // Our id and our claim's words, rated otherwise, in another story: the same claim as ours, so not added.
    review(TEHRAN.id, TEHRAN.statement, TEHRAN.claimant.name, '2026-12-01T00:00:00Z'),
    // Our id on a claim of its own: added, under an id of its own.
    review(KYIV.id, 'North Korea sent no troops at all', 'A. Denier', '2026-12-01T00:00:00Z'),
    // Dated 2099, to be "newer" than anything of ours: refused.
    review('zelensky-coalition-of-criminals', 'Something else entirely', 'Someone', '2099-01-01T00:00:00Z'),
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimbot-feed-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function cli(url: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { DATABASE_URL: url, CLAIMS_PATH: SHIPPED_CLAIMS, NEWSROOM_NAME: 'Example Newsroom' };
  const code = await runCli(args, env, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('claimbot import of a crafted foreign ClaimReview feed', () => {
  it('gives foreign records whose identifier is one of our ids their own ids, refuses dates in the future, and leaves our claims as they were', async () => {
    const url = freshDatabaseUrl();
    const ourExport = join(dir, 'ours.jsonld');
    expect((await cli(url, 'export', '--format', 'claimreview', '--out', ourExport)).code).toBe(0);
    const feed = join(dir, 'feed.jsonld');
    await writeFile(feed, JSON.stringify(FEED));

    const refused = await cli(url, 'import', feed);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      '  invalid reviews[2] (id "zelensky-coalition-of-criminals"), field updatedAt (dateModified in the file): is in the future (2099-01-01T00:00:00.000Z); it must not be after the import (',
    );

    const imported = await cli(url, 'import', feed, '--skip-invalid');
    const tehranOwn = importedClaimId(TEHRAN.claimant.name, TEHRAN.statement);
    const kyivOwn = importedClaimId('A. Denier', 'North Korea sent no troops at all');
    expect(imported.stdout.split('\n').slice(1, 5)).toEqual([
      'Add 1 claim (and 1 story), update 0, skip 1 (0 unchanged, 1 duplicate, 0 older), 1 invalid record.',
      `  new id reviews[0]: "${TEHRAN.id}" is one of our claims' ids, and this review is another newsroom's: it is "${tehranOwn}"`,
      `  new id reviews[1]: "${KYIV.id}" is one of our claims' ids, and this review is another newsroom's: it is "${kyivOwn}"`,
      `  skip reviews[0]: the same claimant and statement as claim "${TEHRAN.id}"`,
    ]);
    expect(imported.stderr).toBe('Imported: 1 added, 0 updated, 1 invalid records skipped.');

    const store = await ClaimStore.open({ databaseUrl: url, seedFile: SHIPPED_CLAIMS });
    try {
      expect(store.claim(TEHRAN.id)).toEqual(TEHRAN);
      expect(store.claim(KYIV.id)).toEqual(KYIV);
      expect(store.claim(kyivOwn)).toMatchObject({ statement: 'North Korea sent no troops at all', verdict: 'false', claimant: { name: 'A. Denier' } });
      expect((await store.history(TEHRAN.id)).map((entry) => entry.action)).toEqual(['import']);
    } finally {
      await store.close();
    }
    // Our own export, taken before, is still our claims as they are: nothing "older", nothing to change.
    const again = await cli(url, 'import', ourExport, '--dry-run');
    expect(again.stdout).toContain(
      `Add 0 claims, update 0, skip ${shipped.claims.length} (${shipped.claims.length} unchanged, 0 duplicate, 0 older), 0 invalid records.`,
    );
  });
});
