import { describe, expect, it, vi } from 'vitest';
import { proxyRouteFor } from '../../../main/aws/network/proxy-route';
import { systemProxyResolver } from '../../../main/electron/system-proxy';

describe('systemProxyResolver (Electron session.resolveProxy)', () => {
  it("asks the session for each URL and routes by Chromium's answer, PAC scripts included", async () => {
    const session = { resolveProxy: vi.fn(async (url: string) => (url.includes('sqs.') ? 'PROXY pac-proxy.corp:8080; DIRECT' : 'DIRECT')) };
    const systemProxy = systemProxyResolver(session);
    expect(await proxyRouteFor('https://sqs.eu-west-1.amazonaws.com/', { env: {}, systemProxy })).toEqual({
      kind: 'proxy',
      url: 'http://pac-proxy.corp:8080',
      source: 'system proxy settings',
    });
    expect(await proxyRouteFor('https://sts.eu-west-1.amazonaws.com/', { env: {}, systemProxy })).toEqual({
      kind: 'direct',
      source: 'system proxy settings (DIRECT)',
    });
    expect(session.resolveProxy.mock.calls.map((c) => c[0])).toEqual(['https://sqs.eu-west-1.amazonaws.com/', 'https://sts.eu-west-1.amazonaws.com/']);
  });

  it('is not asked when a proxy variable is set: the variable wins, as for the CLI and the browser host', async () => {
    const session = { resolveProxy: vi.fn(async () => 'PROXY pac-proxy.corp:8080') };
    const route = await proxyRouteFor('https://sqs.eu-west-1.amazonaws.com/', {
      env: { HTTPS_PROXY: 'http://env-proxy:3128' },
      systemProxy: systemProxyResolver(session),
    });
    expect(route).toMatchObject({ kind: 'proxy', url: 'http://env-proxy:3128', source: 'HTTPS_PROXY' });
    expect(session.resolveProxy).not.toHaveBeenCalled();
  });
});
