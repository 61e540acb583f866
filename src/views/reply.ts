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
