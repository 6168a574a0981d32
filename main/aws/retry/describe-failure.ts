/** A failed try in a few words for a progress line: the error's name and the first line of its message, never a stack. */
export function describeFailure(err: unknown): string {
  if (typeof err !== 'object' || err === null) return String(err).slice(0, 160);
  const e = err as { name?: unknown; code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  const name = typeof e.name === 'string' && e.name !== 'Error' ? e.name : typeof e.code === 'string' ? e.code : 'Error';
  const message = typeof e.message === 'string' ? (e.message.split('\n')[0] ?? '') : '';
  const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
  const text = message && message !== name ? `${name}${status}: ${message}` : `${name}${status}`;
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
