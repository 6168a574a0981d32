import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** One request the proxy saw: a CONNECT tunnel (its target) or a plain forward request (its URL), and what it answered. */
export interface ProxiedRequest {
  readonly method: string;
  /** "host:port" of a tunnel, or the absolute URL of a forwarded request. */
  readonly target: string;
  /** The Proxy-Authorization header as sent (tests check credentials reach the proxy and nowhere else). */
  readonly authorization: string | null;
  readonly status: number;
}

/** A running recording proxy: its URL, every request it saw, and a way to require credentials. */
export interface RecordingProxy {
  readonly url: string;
  readonly port: number;
  requests(): ReadonlyArray<ProxiedRequest>;
  /** The local ports of the connections the proxy opened to the targets: a request that arrived on one of them came through the proxy. */
  upstreamPorts(): ReadonlySet<number>;
  clear(): void;
  close(): Promise<void>;
}

/**
 * A local HTTP proxy as companies run them: CONNECT tunnels for HTTPS (and for HTTP through hpagent), plain
 * forwarding for absolute-URI requests, optionally Basic credentials (407 without them). Records every request so a
 * test can prove that each AWS call went through it, or that NO_PROXY kept it away.
 */
export async function startRecordingProxy(
  options: { readonly credentials?: { readonly user: string; readonly password: string } } = {},
): Promise<RecordingProxy> {
  const seen: ProxiedRequest[] = [];
  const expected = options.credentials ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}` : null;
  const authorised = (req: IncomingMessage) => expected === null || req.headers['proxy-authorization'] === expected;
  const auth = (req: IncomingMessage) => (typeof req.headers['proxy-authorization'] === 'string' ? req.headers['proxy-authorization'] : null);
  const sockets = new Set<Socket>();
  const upstreamPorts = new Set<number>();

  const server = createServer((req, res) => {
    const target = req.url ?? '';
    if (!authorised(req)) {
      seen.push({ method: req.method ?? 'GET', target, authorization: auth(req), status: 407 });
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    seen.push({ method: req.method ?? 'GET', target, authorization: auth(req), status: 200 });
    const url = new URL(target);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest({ hostname: url.hostname, port: url.port, method: req.method, path: `${url.pathname}${url.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    if (!authorised(req)) {
      seen.push({ method: 'CONNECT', target, authorization: auth(req), status: 407 });
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const [host = '', port = '443'] = target.split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host, () => {
      if (upstream.localPort) upstreamPorts.add(upstream.localPort);
      seen.push({ method: 'CONNECT', target, authorization: auth(req), status: 200 });
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    upstream.on('error', () => {
      if (!client.writableEnded) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: () => [...seen],
    upstreamPorts: () => new Set(upstreamPorts),
    clear: () => {
      seen.splice(0);
      upstreamPorts.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
