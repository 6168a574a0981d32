import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../main/host/host-server';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request from outside the app, with whatever Host/Origin/Authorization a hostile page could send. */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, setHost: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('browser host', () => {
  let host: RunningHost;
  let good: Record<string, string>;
  const invoke = JSON.stringify({ channel: 'app.info', input: {} });

  beforeAll(async () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'wizard-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>wizard</title>');
    host = await startHost({ port: 0, staticDir, env: {} });
    good = { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}`, 'content-type': 'application/json' };
  });
  afterAll(async () => host.close());

  it('listens on loopback only and prints a URL whose fragment carries a long random token', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers an API call that carries the token, with the right Host', async () => {
    const reply = await raw(host.port, '/api/invoke', good, 'POST', invoke);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { frontEnd: 'web' } });
  });

  it('refuses an API call without the token or with a wrong one', async () => {
    const { authorization: _drop, ...noToken } = good;
    expect((await raw(host.port, '/api/invoke', noToken, 'POST', invoke)).status).toBe(401);
    expect((await raw(host.port, '/api/invoke', { ...good, authorization: 'Bearer wrong' }, 'POST', invoke)).status).toBe(401);
    expect((await raw(host.port, `/api/invoke?token=${host.token}`, noToken, 'POST', invoke)).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    for (const h of ['evil.example:80', `localhost:${host.port}`, `127.0.0.1:${host.port + 1}`, 'evil.example']) {
      const reply = await raw(host.port, '/api/invoke', { ...good, host: h }, 'POST', invoke);
      expect(reply.status, h).toBe(403);
    }
    expect((await raw(host.port, '/', { host: 'evil.example' })).status).toBe(403);
  });

  it('refuses a foreign Origin, even with the token', async () => {
    for (const origin of ['http://evil.example', 'null', `http://localhost:${host.port}`]) {
      const reply = await raw(host.port, '/api/invoke', { ...good, origin }, 'POST', invoke);
      expect(reply.status, origin).toBe(403);
    }
    const same = await raw(host.port, '/api/invoke', { ...good, origin: `http://127.0.0.1:${host.port}` }, 'POST', invoke);
    expect(same.status).toBe(200);
  });

  it('refuses the event stream without the token', async () => {
    const { authorization: _drop, ...noToken } = good;
    expect((await raw(host.port, '/api/events', noToken)).status).toBe(401);
  });

  it('serves the UI with the strict CSP and refuses path traversal', async () => {
    const page = await raw(host.port, '/', { host: good.host ?? '' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await raw(host.port, '/..%2F..%2Fetc%2Fpasswd', { host: good.host ?? '' })).status).toBe(404);
  });

  it('answers a bad payload with an error value, not a crash', async () => {
    const notJson = await raw(host.port, '/api/invoke', good, 'POST', '{nope');
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const badInput = await raw(host.port, '/api/invoke', good, 'POST', JSON.stringify({ channel: 'session.connect', input: { profile: 7 } }));
    expect(JSON.parse(badInput.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
