/**
 * Interaction tokens are credentials: for 15 minutes anyone holding one can answer, edit or delete in the bot's
 * name. discord.js puts them in the path of every interaction request (`/interactions/{id}/{token}/callback`,
 * `/webhooks/{application}/{token}/…`), and a failed request's URL reaches the logs with its error. The ids stay:
 * they are what ties a log line to an interaction.
 */
const TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"'\\]+/g;

const REDACTED = '[redacted]';

/** `text` with the token of every interaction or webhook path in it replaced by "[redacted]". */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_PATH, `$1${REDACTED}`);
}
