/** Where Discord serves attachments. */
const DISCORD_ATTACHMENT_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];

/**
 * The origins an attachment may be fetched from: Discord's attachment hosts, and the origin of the REST API the client
 * is pointed at (Discord's own, or the loopback fake Discord in tests, which serves attachments beside its API).
 */
export function attachmentOrigins(rest: { api?: string; cdn?: string } | undefined): string[] {
  const configured = [rest?.api, rest?.cdn].flatMap((url) => (url && URL.canParse(url) ? [new URL(url).origin] : []));
  return [...new Set([...DISCORD_ATTACHMENT_ORIGINS, ...configured])];
}
