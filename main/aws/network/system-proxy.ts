/**
 * Asks the operating system which proxy serves a URL (Electron's session.resolveProxy: system settings and PAC
 * scripts). Answers in Chromium's PAC form, e.g. "PROXY proxy.corp:3128; DIRECT".
 */
export type SystemProxyResolver = (url: string) => Promise<string>;

/** One decision of a PAC answer: connect directly, through an HTTP(S) proxy, or only through a kind the wizard cannot use. */
export type PacDecision =
  { readonly kind: 'direct' } | { readonly kind: 'proxy'; readonly url: string } | { readonly kind: 'unsupported'; readonly entry: string };

/**
 * The first usable entry of a PAC answer ("DIRECT", "PROXY host:port", "HTTPS host:port"); SOCKS entries are skipped,
 * and an answer with nothing else is unsupported (Chromium's proxy list format, net/proxy_resolution/proxy_list.h).
 */
export function parsePacAnswer(answer: string): PacDecision {
  const entries = answer
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) return { kind: 'direct' };
  for (const entry of entries) {
    const [type = '', hostPort = ''] = entry.split(/\s+/);
    const kind = type.toUpperCase();
    if (kind === 'DIRECT') return { kind: 'direct' };
    if ((kind === 'PROXY' || kind === 'HTTP') && hostPort) return { kind: 'proxy', url: `http://${hostPort}` };
    if (kind === 'HTTPS' && hostPort) return { kind: 'proxy', url: `https://${hostPort}` };
  }
  return { kind: 'unsupported', entry: entries[0] ?? answer };
}
