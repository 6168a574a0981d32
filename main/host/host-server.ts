import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEvent } from '../../shared/contract/api-events';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';
import { createDispatcher } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { Workspace } from '../api/workspace';
import { checkHostAndOrigin, checkToken } from './request-guard';
import { readStatic } from './static-files';

/** Only loopback: the browser front end is for the admin on this machine (or through an SSH tunnel). */
export const LISTEN_HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1_000_000;

/** Options of the browser host. */
export interface HostOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Folder of the built renderer (dist/renderer). */
  readonly staticDir: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** A running browser host. */
export interface RunningHost {
  readonly server: Server;
  readonly port: number;
  readonly token: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to a server or log. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the same API (one dispatcher, one handler table) and the built UI over loopback HTTP, token-protected. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  const emit = (event: ApiEvent) => {
    for (const res of streams) res.write(`${JSON.stringify(event)}\n`);
  };
  const dispatch = createDispatcher({ handlers, workspace: new Workspace(options.env ?? process.env), frontEnd: 'web', emit });
  let port = options.port;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain', 'Internal error'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const guard = { host: req.headers.host, origin: req.headers.origin, authorization: req.headers.authorization };
    const refused = checkHostAndOrigin(guard, LISTEN_HOST, port);
    if (refused) return send(res, refused.status, 'text/plain', refused.reason);
    const path = new URL(req.url ?? '/', `http://${LISTEN_HOST}`).pathname;
    if (path.startsWith('/api/')) {
      const denied = checkToken(guard, token);
      if (denied) return send(res, denied.status, 'text/plain', denied.reason);
      if (path === '/api/invoke' && req.method === 'POST') {
        const body = await readBody(req);
        if (body === null) return send(res, 413, 'text/plain', 'Request too large');
        let envelope: unknown;
        try {
          envelope = JSON.parse(body);
        } catch {
          return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'Request body is not JSON.' } }));
        }
        return send(res, 200, 'application/json', JSON.stringify(await dispatch(envelope)));
      }
      if (path === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.write('\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      return send(res, 404, 'text/plain', 'No such API route');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    const file = (await readStatic(options.staticDir, path)) ?? (path.includes('.') ? null : await readStatic(options.staticDir, '/'));
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    return send(res, 200, file.type, file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LISTEN_HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://${LISTEN_HOST}:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
