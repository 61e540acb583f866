import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/terminal/cli.ts';
import { exportClaims } from '../../src/exchange/export.ts';
import { loadDataset } from '../../src/core/dataset.ts';
import { renderClaimReply } from '../../src/views/claim-view.ts';
import { isWebUrl, type Claim, type Story } from '../../src/core/schema.ts';
import { summaryPages } from '../../src/summary/summary-view.ts';
import { datasetFile, SHIPPED_CLAIMS } from '../support/files.ts';
import { freshDatabaseUrls } from '../support/store.ts';

const freshDatabaseUrl = freshDatabaseUrls();
const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
const story = stories[0]!;
const claim = claims[0]!;

const HOSTILE = ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'];
const REFUSED = 'must be an http(s) URL like https://example.org/article';

/** The CLI in this process, as `claimbot` runs it, on a fresh database seeded with the shipped claims. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { DATABASE_URL: freshDatabaseUrl(), CLAIMS_PATH: SHIPPED_CLAIMS },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('isWebUrl', () => {
  it('takes http and https only', () => {
    expect(['https://example.org/a', 'http://example.org', 'HTTPS://EXAMPLE.ORG/'].every(isWebUrl)).toBe(true);
    expect([...HOSTILE, 'ftp://example.org/x', 'not a url', undefined].some(isWebUrl)).toBe(false);
  });
});

describe('a URL that is not a web page', () => {
  it.each(HOSTILE)('is refused by claimbot validate, naming the record and field: %s', async (url) => {
    const dataset = {
      stories: [{ ...story, source: { ...story.source, url } }],
      claims: [{ ...claim, attribution: { ...claim.attribution, reportedBy: { outlet: 'Euronews', url } } }],
    };
    const { file, cleanup } = await datasetFile(dataset);
    try {
      const { code, stderr } = await cli('validate', file);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `${file}: invalid dataset (2 problems)\n` +
          `  - stories[0] (id "${story.id}"), field source.url: ${REFUSED}\n` +
          `  - claims[0] (id "${claim.id}"), field attribution.reportedBy.url: ${REFUSED}`,
      );
    } finally {
      await cleanup();
    }
  });

  it.each(HOSTILE)('in a ClaimReview is refused by claimbot import, naming the field as the file has it: %s', async (url) => {
    const review = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'The moon is made of cheese',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'A. Hoaxer' },
        appearance: { '@type': 'CreativeWork', url, publisher: 'Hoax Weekly' },
      },
      reviewRating: { '@type': 'Rating', alternateName: 'False' },
      author: { '@type': 'Organization', name: 'Fact Desk' },
    };
    const { file, cleanup } = await datasetFile(review);
    try {
      const { code, stdout, stderr } = await cli('import', file);
      expect(code).toBe(1);
      expect(stdout).toContain(`  invalid reviews[0] (id "a-hoaxer-the-moon-is-made-of-cheese-`);
      expect(stdout).toContain(`field attribution.reportedBy.url (itemReviewed.appearance.url in the file): ${REFUSED}`);
      expect(stderr).toBe('Nothing was imported: fix the invalid records, or import the rest with --skip-invalid.');
    } finally {
      await cleanup();
    }
  });

  const stored = (url: string): Claim => ({ ...claim, attribution: { ...claim.attribution, reportedBy: { outlet: 'Euronews', url } } });
  const storyWith = (url: string): Story => ({ ...story, source: { ...story.source, url } });

  it.each(HOSTILE)('kept by an older database is shown as text, never linked: in a reply, a summary and a ClaimReview export: %s', (url) => {
    const [embed] = renderClaimReply(stored(url), story).embeds!;
    expect(embed!.fields).toContainEqual({ name: 'Attribution', value: 'reported by Euronews' });
    const [page] = summaryPages(storyWith(url), [stored(url)]);
    expect(page!.embeds[0]!.title).toBe(story.title);
    expect(page!.embeds[0]!.url).toBeUndefined();
    const exported = exportClaims({ stories: [storyWith(url)], claims: [stored(url)] }, 'claimreview', { newsroom: { name: 'claimbot' } });
    expect(exported).not.toContain(url.slice(0, 5));
    expect(exported).toContain('"publisher": {\n            "@type": "Organization",\n            "name": "Euronews"');
  });

  it('an https one is still linked and exported', () => {
    const url = 'https://www.euronews.com/a';
    expect(renderClaimReply(stored(url), story).embeds![0]!.fields).toContainEqual({ name: 'Attribution', value: `reported by [Euronews](${url})` });
    expect(summaryPages(storyWith(url), [stored(url)])[0]!.embeds[0]!.url).toBe(url);
    expect(exportClaims({ stories: [storyWith(url)], claims: [stored(url)] }, 'claimreview', { newsroom: { name: 'claimbot' } })).toContain(`"url": "${url}"`);
  });
});
