import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { redactProxyUrl } from './redact-proxy-url';
import { proxyRouteFor, type ProxyRoute, type ProxySources } from './proxy-route';

/** Callback of Agent.createConnection: Node's http client waits for it when createConnection returns nothing. */
type SocketCallback = (err: Error | null, stream: Duplex) => void;

/** What failed on the way to a proxy: carries the proxy (credentials removed) so the message can name it. */
export class ProxyConnectError extends Error {
  constructor(
    readonly proxy: string,
    readonly target: string,
    override readonly cause: Error,
  ) {
    super(`${cause.message} (proxy ${proxy}, CONNECT ${target})`);
    this.name = 'ProxyConnectError';
  }

  /** The errno of the failed connection to the proxy (ECONNREFUSED ...), if any. */
  get code(): string | undefined {
    return (this.cause as NodeJS.ErrnoException).code;
  }
}

/** Tunnel agents by proxy URL; only their createConnection is used (the routing agent pools the sockets). */
type TunnelAgent = { createConnection(options: object, callback: SocketCallback): void };

/**
 * Connects each new socket the way proxyRouteFor decides for its host: directly, or through an HTTP CONNECT tunnel
 * made by hpagent (AWS SDK for JavaScript v3 developer guide, "Configuring proxies for Node.js"). The agent's own
 * options (the CA list) reach the TLS session with the AWS endpoint in both cases, since hpagent hands them to
 * tls.connect for the tunnelled target.
 */
function routed<A extends http.Agent>(
  agent: A,
  direct: (options: object) => Duplex,
  sources: ProxySources,
  scheme: 'http' | 'https',
  tunnel: (proxy: string) => TunnelAgent,
): A {
  const tunnels = new Map<string, TunnelAgent>();
  // Without a system proxy the route depends on the environment and the host alone: decided once per host.
  const decided = new Map<string, Promise<ProxyRoute>>();
  const routeTo = (url: string): Promise<ProxyRoute> => {
    if (sources.systemProxy) return proxyRouteFor(url, sources);
    let known = decided.get(url);
    if (!known) decided.set(url, (known = proxyRouteFor(url, sources)));
    return known;
  };
  const connect = (options: { host?: string | null; port?: number | string | null }, callback: SocketCallback): void => {
    const target = `${options.host ?? ''}:${options.port ?? (scheme === 'https' ? 443 : 80)}`;
    const fail = (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), undefined as unknown as Duplex);
    routeTo(`${scheme}://${target}/`).then((route: ProxyRoute) => {
      if (route.kind === 'direct') {
        callback(null, direct(options));
        return;
      }
      let via = tunnels.get(route.url);
      if (!via) tunnels.set(route.url, (via = tunnel(route.url)));
      via.createConnection(options, (err, socket) => {
        if (err) fail(new ProxyConnectError(redactProxyUrl(route.url), target, err));
        else callback(null, socket);
      });
    }, fail);
  };
  Object.defineProperty(agent, 'createConnection', { value: (options: object, callback: SocketCallback) => connect(options, callback) });
  return agent;
}

/** The two agents every AWS client of a connection shares: keep-alive pools, the CA list, and a route per host. */
export interface RoutingAgents {
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
}

/**
 * Agents for one connection. `ca` replaces Node's trust store when given, so the caller passes Node's roots plus the
 * bundle (https-proxy-agent would apply it to the proxy hop only; hpagent applies it to the tunnelled target).
 */
export function createRoutingAgents(sources: ProxySources, ca: ReadonlyArray<string> | null): RoutingAgents {
  const tls = ca ? { ca: [...ca] } : {};
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 50, ...tls });
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const directHttps = https.Agent.prototype.createConnection.bind(httpsAgent) as unknown as (options: object) => Duplex;
  const directHttp = http.Agent.prototype.createConnection.bind(httpAgent) as unknown as (options: object) => Duplex;
  return {
    httpsAgent: routed(
      httpsAgent,
      directHttps,
      sources,
      'https',
      (proxy) => new HttpsProxyAgent({ proxy, keepAlive: false, ...tls }) as unknown as TunnelAgent,
    ),
    httpAgent: routed(httpAgent, directHttp, sources, 'http', (proxy) => new HttpProxyAgent({ proxy, keepAlive: false }) as unknown as TunnelAgent),
  };
}
