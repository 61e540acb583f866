/**
 * Any failure as one sentence for a person at a terminal, never a stack trace: the error's first line, and the system's
 * code when a network or file error carries one (`ECONNREFUSED`), which is often the only useful part of "fetch failed".
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const firstLine = error.message.split('\n')[0]?.trim() || error.name;
  const code = systemCode(error);
  return code && !firstLine.includes(code) ? `${firstLine} (${code})` : firstLine;
}

function systemCode(error: Error): string | undefined {
  const own = (error as Error & { code?: unknown }).code;
  if (typeof own === 'string') return own;
  return error.cause instanceof Error ? systemCode(error.cause) : undefined;
}
