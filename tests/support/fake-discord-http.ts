/** The fake Discord's HTTP plumbing: what a recorded request holds, and reading and answering one. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Decoded and relative to /api/v10, e.g. '/webhooks/1/tok/messages/@original'. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON; for multipart/form-data the parsed `payload_json` part; undefined when empty. */
  body: unknown;
  /** Files attached to a multipart request, as text. */
  files?: { name: string; text: string }[];
}

/** An answer to a request: status, JSON body, headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function readBody(req: IncomingMessage): Promise<{ body: unknown; files?: { name: string; text: string }[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    // Let the built-in fetch Request parse the form; discord.js puts the JSON in `payload_json` next to the files.
    const request = new Request('http://local', { method: 'POST', headers: { 'content-type': contentType }, body: raw });
    const form = await request.formData();
    const payload = form.get('payload_json');
    const files: { name: string; text: string }[] = [];
    for (const [key, value] of form) if (key.startsWith('files[') && typeof value !== 'string') files.push({ name: value.name, text: await value.text() });
    return { body: typeof payload === 'string' ? JSON.parse(payload) : undefined, files };
  }
  const text = raw.toString('utf8');
  return { body: contentType.includes('json') ? JSON.parse(text) : text };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, body === undefined ? headers : { ...headers, 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
