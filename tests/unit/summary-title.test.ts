import { describe, expect, it } from 'vitest';
import { LIMITS, messageLimitProblems } from '../../src/views/limits.ts';
import { unescapeMarkdown } from '../../src/views/markdown.ts';
import { summaryPages } from '../../src/summary/summary-view.ts';
import { GENERATED_STORY, generatedClaims } from '../support/summary.ts';

/** A story title with markdown and a masked link, as a hostile or careless import could bring. */
const HOSTILE_TITLE = '**Breaking** [read the full story](https://evil.example/x) _now_ # live';
const ESCAPED_TITLE = '\\*\\*Breaking\\*\\* \\[read the full story\\](https\\://evil.example/x) \\_now\\_ # live';

describe('a summary’s title', () => {
  it('is the story title escaped like every other echoed text, on the first message and on every continued one', () => {
    const pages = summaryPages({ ...GENERATED_STORY, title: HOSTILE_TITLE }, generatedClaims(200));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.embeds[0]!.title).toBe(ESCAPED_TITLE);
    pages.slice(1).forEach((page) => expect(page.embeds[0]!.title).toBe(`${ESCAPED_TITLE} (continued)`));
    expect(unescapeMarkdown(pages[0]!.embeds[0]!.title!)).toBe(HOSTILE_TITLE);
  });

  it('stays within the title limit after escaping, and never ends in half an escape', () => {
    const title = '*'.repeat(250);
    const pages = summaryPages({ ...GENERATED_STORY, title }, generatedClaims(200));
    for (const page of pages) {
      expect(messageLimitProblems(page.embeds)).toEqual([]);
      const shown = page.embeds[0]!.title!;
      expect(shown.length).toBeLessThanOrEqual(LIMITS.embedTitle);
      expect(shown).toMatch(/^(\\\*)+…$/);
    }
  });
});
