import { Parser } from 'htmlparser2';

/** How an article arrives: plain text, markdown, or a web page. */
export type ArticleFormat = 'text' | 'markdown' | 'html';

/** One paragraph of an article. A heading (title, byline, caption, question line) is never a claim but starts a new section. */
export interface Paragraph {
  text: string;
  heading: boolean;
}

const FORMATS: Record<string, ArticleFormat> = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };

/** The format a file name says, or undefined for a type the drafter does not read. */
export function formatOfName(name: string): ArticleFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : FORMATS[extension];
}

/** Standard input has no name: a page starts with a tag. */
export function sniffFormat(text: string): ArticleFormat {
  return /^\s*<(?:!doctype|html|head|body|article|p|div|h[1-6])\b/i.test(text) ? 'html' : 'text';
}

export function paragraphsOf(text: string, format: ArticleFormat): Paragraph[] {
  const paragraphs = format === 'html' ? htmlParagraphs(text) : textParagraphs(text, format === 'markdown');
  return paragraphs
    .map(({ text: raw, heading }) => {
      const text = withoutDateline(raw.replace(/\s+/g, ' ').trim());
      return { text, heading: heading || looksLikeHeading(text) };
    })
    .filter(({ text }) => text.length > 0);
}

function textParagraphs(text: string, markdown: boolean): Paragraph[] {
  // Wire copy keeps one paragraph a line; hard-wrapped copy separates paragraphs with a blank line.
  const blocks = /\n[ \t]*\n/.test(text) ? text.split(/\n[ \t]*\n/) : text.split('\n');
  return blocks.map((block) => {
    if (!markdown) return { text: block, heading: false };
    const heading = /^\s*#/.test(block);
    // Emphasis and heading marks are markup, not words: "*By Tom Hale*" is a byline.
    return { text: block.replace(/^\s*#+\s*/, '').replace(/(^|\s)[*_]+|[*_]+(?=\s|$|[.,;:!?])/g, '$1'), heading };
  });
}

/** Elements whose text is not the article: scripts, navigation, captions, the page's own furniture. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'figure', 'form', 'button', 'iframe']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set(['p', 'div', 'li', 'blockquote', 'section', 'article', 'main', 'td', 'dd', 'dt', 'pre', 'br', 'ul', 'ol', 'table', 'tr', ...HEADINGS]);

/** The article's paragraphs from its markup, read with htmlparser2 (entities decoded, scripts and furniture left out). */
function htmlParagraphs(html: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let skipping = 0;
  let current = '';
  let heading = false;
  const flush = () => {
    if (current.trim()) paragraphs.push({ text: current, heading });
    current = '';
    heading = false;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skipping > 0 || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skipping++;
          return;
        }
        if (BLOCKS.has(name)) flush();
        if (HEADINGS.has(name) || /\b(?:byline|caption|credit|dateline)\b/i.test(attributes.class ?? '')) heading = true;
      },
      ontext(text) {
        if (skipping === 0) current += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (skipping === 0 && BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}

/** "CAIRO, March 3 (Wire) - ", "KYIV (Reuters) — ", "FRANKFURT — ": where the copy was filed, not what anyone said. */
function withoutDateline(text: string): string {
  return text.replace(/^[A-Z][A-Z .'-]{2,}(?:,[^—–(-]{1,30})?(?:\s*\([^)]{1,40}\))?\s+[-—–]\s+/, '');
}

/** Titles, bylines and source lines end without a full stop; a byline starts "By". */
function looksLikeHeading(text: string): boolean {
  return /^By\s+\p{Lu}/u.test(text) || !/[.!?…"”“’]\)?$/.test(text);
}
