/** Markdown for Discord: user and dataset text shown literally, and links that cannot be broken out of. */

/**
 * Claim text and echoed queries are data, not formatting. Every character Discord would read as markdown is
 * backslash-escaped: stars stay stars, `[x](https://…)` and `https://…` stay plain text rather than live links,
 * and a line starting with "# ", "> ", "- " or "1. " stays a plain line. Mentions are left as they are: the
 * client never pings (`allowedMentions: { parse: [] }`). Every backslash of the text is escaped too, so
 * `unescapeMarkdown` gives back exactly the text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/^( *)(#{1,3} |-# |- |>)/gm, '$1\\$2')
    .replace(/^( *\d+)\. /gm, '$1\\. ');
}

/** Undoes `escapeMarkdown`: the text as the user or the dataset wrote it, for a terminal. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([\s\S])/g, '$1');
}

/** A URL as the target of a markdown link: a parenthesis would end the link early, a backslash escape the next character. */
export function linkTarget(url: string): string {
  return url.replace(/[()\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
