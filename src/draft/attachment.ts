import { UserError } from '../core/errors.ts';
import { LIMITS } from '../views/limits.ts';

/**
 * An attachment's bytes and file name, fetched only from `origins`, refused past the article limit before it is all
 * read (Content-Length first, then counting): nothing else is fetched, and a large file is not held in memory.
 */
export async function fetchAttachment(url: string, origins: readonly string[]): Promise<{ bytes: Uint8Array; name: string }> {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !origins.includes(parsed.origin)) throw new UserError('The article must be a file attached to the command: other links are not fetched.');
  const name = decodeURIComponent(parsed.pathname.split('/').at(-1) ?? 'article');
  const tooBig = new UserError(
    `${name} is larger than the ${LIMITS.articleBytes / (1024 * 1024)} MB the drafter reads: attach a shorter article, or paste its text.`,
  );
  const response = await fetch(parsed, { redirect: 'error', signal: AbortSignal.timeout(10_000) }).catch(() => {
    throw new UserError(`Could not fetch ${name} from Discord; try attaching it again.`);
  });
  if (!response.ok || !response.body) throw new UserError(`Could not fetch ${name} from Discord (status ${response.status}); try attaching it again.`);
  if (Number(response.headers.get('content-length') ?? 0) > LIMITS.articleBytes) {
    await response.body.cancel();
    throw tooBig;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > LIMITS.articleBytes) throw tooBig;
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks), name };
}
