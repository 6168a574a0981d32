import { ApiFailure, apiError } from '../../../shared/contract/api-error';
import { environmentProxyFor, noProxyList, proxyVariablesSet } from './proxy-from-environment';
import { redactProxyUrl } from './redact-proxy-url';
import { parsePacAnswer, type SystemProxyResolver } from './system-proxy';

/** How a connection to one endpoint goes: directly, or through a proxy; `source` says which setting decided it. */
export type ProxyRoute = { readonly kind: 'direct'; readonly source: string } | { readonly kind: 'proxy'; readonly url: string; readonly source: string };

/** What decides the route: the environment's variables, then (desktop app only) the system proxy. */
export interface ProxySources {
  readonly env: NodeJS.ProcessEnv;
  readonly systemProxy: SystemProxyResolver | null;
}

/**
 * The route to `url`: a proxy variable (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY; NO_PROXY exempts hosts) wins; with none
 * set, the desktop app asks the system (PAC included); otherwise direct. An answer the wizard cannot use (SOCKS only)
 * is an error that says how to set a proxy it can use.
 */
export async function proxyRouteFor(url: string, sources: ProxySources): Promise<ProxyRoute> {
  if (proxyVariablesSet(sources.env)) {
    const proxy = environmentProxyFor(url, sources.env);
    if (proxy) return { kind: 'proxy', url: proxy.url, source: proxy.variable };
    const noProxy = noProxyList(sources.env);
    return { kind: 'direct', source: noProxy ? `NO_PROXY (${noProxy})` : 'no proxy variable for this scheme' };
  }
  if (!sources.systemProxy) return { kind: 'direct', source: 'no proxy configured' };
  const answer = await sources.systemProxy(url);
  const decision = parsePacAnswer(answer);
  switch (decision.kind) {
    case 'direct':
      return { kind: 'direct', source: 'system proxy settings (DIRECT)' };
    case 'proxy':
      return { kind: 'proxy', url: decision.url, source: 'system proxy settings' };
    case 'unsupported':
      throw new ApiFailure(
        apiError(
          'PROXY_FAILED',
          `The system proxy settings send ${new URL(url).host} through "${redactProxyUrl(decision.entry)}", a kind of proxy the wizard cannot use.`,
          {
            fix: 'Set HTTPS_PROXY to an HTTP(S) proxy (http://host:port) before starting the wizard, or NO_PROXY for hosts to reach directly.',
          },
        ),
      );
  }
}
