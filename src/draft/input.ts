import { UserError } from '../core/errors.ts';
import { LIMITS } from '../views/limits.ts';
import { formatOfName, sniffFormat, type ArticleFormat } from './article.ts';

/** An article as text the drafter can read, and how it is marked up. */
export interface ArticleText {
  text: string;
  format: ArticleFormat;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The article in `bytes`, or a UserError with one line saying what is wrong: too big, a type the drafter does not
 * read, bytes that are not UTF-8 text, or nothing but white space. `name` is the file's name (none for standard input).
 */
export function readArticle(bytes: Uint8Array, name?: string): ArticleText {
  if (bytes.byteLength > LIMITS.articleBytes) {
    throw new UserError(`${name ?? 'The article'} is ${megabytes(bytes.byteLength)}; the drafter reads articles of up to ${megabytes(LIMITS.articleBytes)}.`);
  }
  const format = name === undefined ? undefined : formatOfName(name);
  if (name !== undefined && format === undefined) {
    throw new UserError(`${name} is not an article the drafter reads: give it as text (.txt), markdown (.md) or a web page (.html).`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UserError(`${name ?? 'The article'} is not UTF-8 text (byte ${firstBadByte(bytes) + 1} cannot be read): save it as UTF-8 text and try again.`);
  }
  if (text.includes('\u0000')) throw new UserError(`${name ?? 'The article'} holds binary data, not text: give the article as .txt, .md or .html.`);
  if (!/\p{L}/u.test(text)) throw new UserError(`${name ?? 'The article'} is empty: there is no text to draft claims from.`);
  return { text: text.replace(/^\uFEFF/, ''), format: format ?? sniffFormat(text) };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/** Where decoding fails: the first byte that does not start or continue a valid UTF-8 sequence. */
function firstBadByte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.byteLength;
  // The longest prefix that decodes; a sequence cut at the end of a prefix is not counted as an error.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/** When a readable article yields no draft. */
export const NO_CLAIMS = 'No claims found in this text: no statement in it is attributed to anyone.';
