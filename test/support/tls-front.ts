import { request as httpRequest } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificates } from './test-certificates';

/** One request the front passed on: what it was, and the client port it came from (the proxy's, when tunnelled). */
export interface FrontRequest {
  readonly method: string;
  readonly path: string;
  readonly clientPort: number;
}

/** moto behind HTTPS: its URL (https://localhost:PORT) and the requests it passed on. */
export interface TlsFront {
  readonly url: string;
  readonly port: number;
  requests(): ReadonlyArray<FrontRequest>;
  clear(): void;
  close(): Promise<void>;
}

/**
 * Terminates TLS with a certificate of the test CA and forwards every request to moto over HTTP, so the SDK meets
 * what a TLS-inspecting proxy or a private endpoint shows it: a certificate Node.js does not trust by default.
 */
export async function startTlsFront(motoUrl: string, certificates: TestCertificates): Promise<TlsFront> {
  const moto = new URL(motoUrl);
  const seen: FrontRequest[] = [];
  const server = createServer({ key: certificates.keyPem, cert: certificates.certPem }, (req, res) => {
    seen.push({ method: req.method ?? 'GET', path: req.url ?? '/', clientPort: req.socket.remotePort ?? 0 });
    const upstream = httpRequest({ hostname: moto.hostname, port: moto.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  // A failed handshake (the client rejected the certificate) is what some tests expect; it is not an error here.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    port,
    requests: () => [...seen],
    clear: () => void seen.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
