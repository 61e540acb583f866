import { unescapeMarkdown } from './claim-view.ts';

/**
 * What a handler answers, before it becomes a Discord message or console text. Plain data, so handlers,
 * the console and the tests share it, and a pinned summary can reuse the same pieces.
 */
export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface ReplyEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  fields?: ReplyField[];
  footer?: string;
}

export interface Reply {
  content?: string;
  embeds?: ReplyEmbed[];
  /** Only the person who asked sees it. */
  ephemeral?: boolean;
  /** One row of buttons under the message. */
  buttons?: ReplyButton[];
  /** Answer a button press by replacing the message the button is on (a prompt becomes its result). */
  update?: boolean;
  /** Answer by opening this form instead of a message. Only as the first answer to a command or a button. */
  modal?: ModalForm;
  /** Files attached to the message (an export). */
  files?: ReplyFile[];
}

export interface ReplyFile {
  name: string;
  content: string;
}

export interface ReplyButton {
  /** `<command>:<action>:<argument>`: routed back to the command that sent it. */
  id: string;
  label: string;
  style: 'primary' | 'secondary' | 'success' | 'danger';
}

/** A form (a Discord modal): up to five inputs. Its id routes the submitted values back, like a button's. */
export interface ModalForm {
  id: string;
  title: string;
  inputs: ModalInput[];
}

export type ModalInput =
  | { kind: 'text'; id: string; label: string; description?: string; value?: string; required: boolean; long: boolean; maxLength: number; placeholder?: string }
  | { kind: 'select'; id: string; label: string; description?: string; options: Choice[]; selected: string[]; maxValues: number };

export interface Choice {
  name: string;
  value: string;
}

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
