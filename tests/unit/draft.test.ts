import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { paragraphsOf } from '../../src/draft/article.ts';
import { claimOfDraft } from '../../src/draft/draft-claims.ts';
import { draftClaims } from '../../src/draft/drafter.ts';
import { readArticle } from '../../src/draft/input.ts';
import { UserError } from '../../src/core/errors.ts';
import { LIMITS } from '../../src/views/limits.ts';
import { ClaimSchema } from '../../src/core/schema.ts';
import { ARTICLES_DIR, draftFile, handDraftedArticles, score, SEED_ARTICLE } from '../support/draft-scoring.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const { claims: curated } = await loadDataset(SHIPPED_CLAIMS);
const seedDrafts = await draftFile(SEED_ARTICLE, 'Euronews', curated);
const byRepeat = (id: string) => seedDrafts.find((draft) => draft.repeats === id);

describe('drafting the first story’s article', () => {
  it('drafts at least 13 of the 15 curated claims with the right claimant, the flags of most of them right', () => {
    const { found, unmatched } = score(seedDrafts, curated);
    expect(found.length).toBeGreaterThanOrEqual(13);
    expect(found.filter(({ flagsRight }) => flagsRight).length).toBeGreaterThanOrEqual(Math.ceil(found.length / 2));
    expect(unmatched).toEqual([]);
  });

  it('gives each draft that repeats a curated claim that claim’s id, and keeps the article’s order', () => {
    expect(seedDrafts.map(({ repeats }) => repeats)).toEqual(curated.map(({ id }) => id));
  });

  it('keeps the statement as the article has it, quote only for words in quotation marks', () => {
    expect(byRepeat('zelensky-weapons-and-people')).toMatchObject({
      statement: 'North Korea supplies Russia not only with weapons but also with people, including those employed in Russian factories',
      quote: false,
      claimant: { name: 'Volodymyr Zelensky', description: 'Ukrainian President' },
    });
    expect(byRepeat('zelensky-coalition-of-criminals')).toMatchObject({ quote: true, context: 'addressing Parliament in Kyiv on Wednesday' });
  });

  it('gives a quotation that continues without its speaker, and "according to Zelensky", to the speaker named before', () => {
    for (const id of ['zelensky-transfer-of-individuals', 'zelensky-tehran-too', 'zelensky-tehran-regime-support']) {
      expect(byRepeat(id)?.claimant.name).toBe('Volodymyr Zelensky');
    }
    expect(byRepeat('zelensky-transfer-of-individuals')?.statement).toMatch(/^Our intelligence services observed .* personnel for the Russian army\.$/);
    expect(byRepeat('zelensky-tehran-too')?.statement).toBe('it’s not just Pyongyang, there’s also Tehran');
  });

  it('sets anonymous-source and secondhand with whom a relayed claim cites', () => {
    expect(byRepeat('reports-10000-troops-in-russia')).toMatchObject({ claimant: { name: 'Some reports' }, flags: ['anonymous-source'] });
    expect(byRepeat('kyiv-independent-10000-troops')).toMatchObject({
      claimant: { name: 'The Kyiv Independent', description: 'Ukrainian newspaper' },
      attribution: { citing: 'Western sources', reportedBy: { outlet: 'Euronews' } },
      flags: ['anonymous-source', 'secondhand'],
    });
    expect(byRepeat('airborne-brigade-3000-battalion')).toMatchObject({
      claimant: { name: 'Suspilne and Liga', description: 'Ukrainian media' },
      attribution: { citing: 'anonymous military intelligence sources' },
    });
  });

  it('flags the claims the outlet says it could not verify, and only those of that section', () => {
    expect(byRepeat('battalion-kursk-deployment')?.flags).toEqual(['anonymous-source', 'outlet-unverified', 'interested-party']);
    expect(byRepeat('partisans-mariupol-training')?.flags).toContain('outlet-unverified');
    expect(byRepeat('airborne-brigade-3000-battalion')?.flags).not.toContain('outlet-unverified');
  });

  it('names the ISW in full once, then by "the ISW"; the outlet is the claimant of its own framing', () => {
    const isw = { name: 'Institute for the Study of War (ISW)', description: 'think tank based in the United States' };
    for (const id of ['isw-donetsk-contingent', 'isw-strategic-partnership', 'isw-putin-commitment', 'isw-putin-prefers-north-korean-personnel']) {
      expect(byRepeat(id)?.claimant).toEqual(isw);
    }
    expect(byRepeat('isw-donetsk-contingent')?.attribution.citing).toBe('reports');
    expect(byRepeat('euronews-pyongyang-entered-the-war')).toMatchObject({
      claimant: { name: 'Euronews' },
      statement: 'in effect, Pyongyang entered the war against Ukraine.',
    });
  });

  it('does not draft the article’s questions or its source line', () => {
    expect(seedDrafts.map(({ statement }) => statement).join('\n')).not.toMatch(/Why would Russia|Where could they|Additional sources/);
  });

  it('makes every draft a claim the dataset’s schema accepts', () => {
    for (const draft of seedDrafts) expect(ClaimSchema.safeParse(claimOfDraft(draft, 'north-korean-troops-in-russia', () => false)).success).toBe(true);
  });
});

describe('drafting the hand-drafted articles (written before the drafter)', () => {
  const articles = handDraftedArticles();

  it('finds at least 90% of the claims drafted by hand, with their claimant, and no draft that matches none', async () => {
    let expected = 0;
    let found = 0;
    for (const article of articles) {
      const result = score(await draftFile(article.file, article.outlet), article.claims);
      expected += article.claims.length;
      found += result.found.length;
      expect(result.unmatched, article.name).toEqual([]);
    }
    expect(articles.length).toBeGreaterThanOrEqual(6);
    expect(found / expected).toBeGreaterThanOrEqual(0.9);
  });

  it('follows chains of citing: "X, citing Y, reported", "reported, citing Y, that", "a report by X, which cited Y"', async () => {
    const drafts = await draftFile(join(ARTICLES_DIR, 'chain-tanker.txt'), 'Wire');
    expect(drafts.slice(0, 3).map(({ claimant, attribution, flags }) => [claimant.name, attribution.citing, flags])).toEqual([
      ['The Financial Ledger', 'two shipping executives', ['anonymous-source', 'secondhand']],
      ["Lloyd's List", 'port records', ['secondhand']],
      ['Ambrey', 'crew members', ['anonymous-source', 'secondhand']],
    ]);
    expect(drafts.find(({ statement }) => statement.startsWith('denied'))).toMatchObject({
      statement: 'denied that the tanker had breached sanctions',
      claimant: { name: 'Aegean Star Shipping' },
    });
    expect(drafts.find(({ quote }) => quote)?.claimant.name).toBe('Aegean Star Shipping');
  });

  it('keeps a quotation over two paragraphs with its speaker, and names a speaker described before being named', async () => {
    const drafts = await draftFile(join(ARTICLES_DIR, 'newspaper-wards.md'), 'Northfield Gazette');
    expect(drafts.slice(0, 3).map(({ claimant }) => claimant.name)).toEqual(['Amara Osei', 'Amara Osei', 'Amara Osei']);
    expect(drafts[2]).toMatchObject({ quote: true, statement: expect.stringMatching(/^We advertised abroad/) });
    expect(drafts.map(({ statement }) => statement).join('\n')).not.toMatch(/wards still full|Tom Hale|Is the trust right/);
  });

  it('resolves "he" to the last person named, even one who said nothing ("declined to comment")', async () => {
    const drafts = await draftFile(join(ARTICLES_DIR, 'anonymous-call-up.txt'), 'Wire');
    expect(drafts.find(({ statement }) => statement.startsWith('every decision'))).toMatchObject({
      quote: true,
      claimant: { name: 'Rustem Umerov', description: 'Defence Minister' },
    });
    expect(drafts.find(({ claimant }) => claimant.name === 'A senior military official')?.flags).toContain('anonymous-source');
  });
});

describe('wire patterns met after the hand-drafted articles', () => {
  it('takes "said on Thursday it had…", "warned allies on Wednesday that…", ", citing Y" and "the air force" after "Ukraine’s air force"', async () => {
    const article = [
      "Ukraine's air force said on Thursday it had shot down 40 of 55 drones launched overnight.",
      '"The attack targeted energy infrastructure," the air force said in a statement.',
      'NATO Secretary General Mark Rutte warned allies on Wednesday that Russia could be ready to use force within five years.',
      'Moscow has moved 300 tanks to the border, the newspaper said, citing two defence officials.',
    ].join('\n');
    const drafts = await draftClaims(article, 'text', { outlet: 'Wire' });
    expect(drafts.map(({ statement, claimant, context }) => [statement, claimant.name, context])).toEqual([
      ['it had shot down 40 of 55 drones launched overnight', "Ukraine's air force", 'on Thursday'],
      ['The attack targeted energy infrastructure', "Ukraine's air force", 'in a statement'],
      ['Russia could be ready to use force within five years', 'Mark Rutte', 'warned allies on Wednesday'],
      ['Moscow has moved 300 tanks to the border', 'The newspaper', undefined],
    ]);
    expect(drafts[3]).toMatchObject({ attribution: { citing: 'two defence officials' }, flags: ['anonymous-source', 'secondhand'] });
  });
});

describe('reading an article', () => {
  it('takes a page’s article text with its entities decoded, without scripts, navigation, captions or footer', () => {
    const paragraphs = paragraphsOf(readFileSync(join(ARTICLES_DIR, 'outlet-river.html'), 'utf8'), 'html');
    const body = paragraphs.filter(({ heading }) => !heading).map(({ text }) => text);
    expect(body[1]).toBe('“What we are seeing is not a dry year. It is the new normal for central Spain,” AEMET spokesman Rubén del Campo told the Courier.');
    expect(paragraphs.filter(({ heading }) => heading).map(({ text }) => text)).toEqual(['The river that ran dry', 'By Ana Ruiz · 12 August 2026']);
    expect(paragraphs.map(({ text }) => text).join('\n')).not.toMatch(/nobody said this|Home|Photo:|Privacy|margin/);
  });

  it('drafts a page: the outlet is the claimant of its own "in effect"', async () => {
    const drafts = await draftClaims(readFileSync(join(ARTICLES_DIR, 'outlet-river.html'), 'utf8'), 'html', {
      outlet: 'Valley Courier',
      url: 'https://courier.example/river',
    });
    expect(drafts.find(({ claimant }) => claimant.name === 'Valley Courier')).toMatchObject({
      statement: 'In effect, the river is being drained faster than it can refill.',
      attribution: { reportedBy: { outlet: 'Valley Courier', url: 'https://courier.example/river' } },
    });
  });

  it.each([
    [new Uint8Array(LIMITS.articleBytes + 1).fill(97), 'big.txt', 'big.txt is 1.0 MB; the drafter reads articles of up to 1.0 MB.'],
    [Buffer.from('%PDF-1.7'), 'story.pdf', 'story.pdf is not an article the drafter reads: give it as text (.txt), markdown (.md) or a web page (.html).'],
    [Buffer.from([0x41, 0x42, 0xff, 0x43]), 'latin1.txt', 'latin1.txt is not UTF-8 text (byte 3 cannot be read): save it as UTF-8 text and try again.'],
    [Buffer.from(' \n\t\n'), 'blank.md', 'blank.md is empty: there is no text to draft claims from.'],
    [Buffer.from('a\u0000b said'), undefined, 'The article holds binary data, not text: give the article as .txt, .md or .html.'],
  ])('refuses unreadable input with one line: %#', (bytes, name, message) => {
    expect(() => readArticle(bytes, name)).toThrow(new UserError(message));
  });

  it('reads standard input as a page when it starts with a tag, else as text', () => {
    expect(readArticle(Buffer.from('<p>“Yes,” she said.</p>')).format).toBe('html');
    expect(readArticle(Buffer.from('\uFEFFOfficials said it rained.')).text).toBe('Officials said it rained.');
  });
});
