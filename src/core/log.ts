import { redactTokens } from './log-redaction.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

/** Structured logs: one JSON object per line on stderr, so stdout stays free for the console and the CLI. */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at =
    (lineLevel: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: Fields = {}) => {
      if (LOG_LEVELS.indexOf(lineLevel) < threshold) return;
      // Redacted as a whole line: a token can be in an error's URL, its message, its stack or any field.
      write(inertOnTerminal(redactTokens(JSON.stringify({ time: new Date().toISOString(), level: lineLevel, message, ...fields }, errorsAsObjects))));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * JSON.stringify escapes C0 control characters but leaves C1 ones (U+009B is a terminal's CSI), bidi overrides and
 * line separators as they are; written as \u escapes they are the same JSON value, and a log on a terminal stays inert.
 */
function inertOnTerminal(line: string): string {
  return line.replace(
    /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function errorsAsObjects(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const { name, message, stack } = value;
  const { status, code, url } = value as Error & { status?: unknown; code?: unknown; url?: unknown };
  return { name, message, status, code, url, stack };
}
