import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';

const electron = vi.hoisted(() => ({ protocol: { registerSchemesAsPrivileged: vi.fn() } }));
vi.mock('electron', () => electron);

import { CONTENT_SECURITY_POLICY } from '../../../main/electron/csp';
import { registerAppScheme, serveRenderer } from '../../../main/electron/protocol';

type ProtocolHandler = (request: Request) => Promise<Response>;

describe('app scheme', () => {
  let handle: ProtocolHandler;

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'renderer-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    const session = { protocol: { handle: vi.fn((_scheme: string, h: ProtocolHandler) => (handle = h)) } };
    serveRenderer(session as unknown as Session, join(dir, 'renderer'));
    expect(session.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it("is declared standard and secure (a real origin for the CSP's 'self')", () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('serves the page with the CSP header and the right type', async () => {
    const response = await handle(new Request('app://sqs-s3-wizard/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('serves module scripts as JavaScript', async () => {
    const response = await handle(new Request('app://sqs-s3-wizard/assets/app.js'));
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each(['app://sqs-s3-wizard/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://sqs-s3-wizard/missing.js', 'app://other-host/index.html'])(
    'answers 404 for %s',
    async (url) => {
      expect((await handle(new Request(url))).status).toBe(404);
    },
  );

  it('answers 404 to anything but GET', async () => {
    expect((await handle(new Request('app://sqs-s3-wizard/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });
});
