import { timingSafeEqual } from 'node:crypto';

/** What the guard needs to know about one request. */
export interface GuardedRequest {
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly authorization: string | undefined;
}

/** Why a request was refused, or null when it may go on. */
export type GuardVerdict = { readonly status: 403 | 401; readonly reason: string } | null;

/**
 * DNS-rebinding defence: a page on another site that resolves its name to 127.0.0.1 still sends its own Host, so
 * only the exact loopback address and port we listen on is accepted (OWASP "DNS rebinding", Chromium's guidance).
 */
export function checkHostAndOrigin(req: GuardedRequest, listenHost: string, port: number): GuardVerdict {
  const expected = `${listenHost}:${port}`;
  if (req.host !== expected) return { status: 403, reason: `Host must be ${expected}` };
  if (req.origin !== undefined && req.origin !== `http://${expected}`) {
    return { status: 403, reason: 'Foreign Origin refused' };
  }
  return null;
}

/** The per-run token must come as `Authorization: Bearer <token>`, compared in constant time. */
export function checkToken(req: GuardedRequest, token: string): GuardVerdict {
  const presented = /^Bearer (\S+)$/.exec(req.authorization ?? '')?.[1];
  if (!presented) return { status: 401, reason: 'Missing token' };
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { status: 401, reason: 'Wrong token' };
  return null;
}
