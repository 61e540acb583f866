import { unescapeMarkdown } from '../views/markdown.ts';
import type { Reply } from '../views/reply.ts';

/**
 * The reply as plain text for a terminal (what the console and the CLI print): the markdown escapes that keep
 * user text literal in Discord are undone, and control characters are shown, not obeyed.
 */
export function replyToText(reply: Reply): string {
  const text = (markdown: string) => terminalSafe(unescapeMarkdown(markdown));
  const parts: string[] = [];
  if (reply.content) parts.push(text(reply.content));
  for (const embed of reply.embeds ?? []) {
    const lines: string[] = [];
    if (embed.title) lines.push(embed.url ? `${text(embed.title)} <${terminalSafe(embed.url)}>` : text(embed.title));
    if (embed.description) lines.push(text(embed.description));
    for (const field of embed.fields ?? []) lines.push(`${text(field.name)}:${field.value.includes('\n') ? '\n' : ' '}${text(field.value)}`);
    // Footers are not markdown in Discord: nothing to undo.
    if (embed.footer) lines.push(terminalSafe(embed.footer));
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n');
}

/**
 * Text that is safe to print on a terminal: an escape sequence, a carriage return or a bidi override in a query
 * or a claim is shown as a visible symbol (␛, ␍, <U+202E>) instead of moving the cursor, recolouring or reordering
 * the screen. Newlines and tabs stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (char) => {
    if (char === '\n' || char === '\t') return char;
    const code = char.codePointAt(0)!;
    if (code < 0x20) return String.fromCodePoint(0x2400 + code);
    if (code === 0x7f) return '␡';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}
