import { describe, expect, it } from 'vitest';
import { environmentProxyFor, noProxyList, proxyVariablesSet } from '../../../main/aws/network/proxy-from-environment';
import { proxyRouteFor } from '../../../main/aws/network/proxy-route';
import { redactProxyUrl } from '../../../main/aws/network/redact-proxy-url';
import { parsePacAnswer } from '../../../main/aws/network/system-proxy';
import { ApiFailure } from '../../../shared/contract/api-error';

const SQS = 'https://sqs.us-east-1.amazonaws.com/';
const proxied = { HTTPS_PROXY: 'http://proxy.corp:3128' };

describe('environmentProxyFor (proxy-from-env semantics)', () => {
  it('takes HTTPS_PROXY for https and HTTP_PROXY for http, lower case first, ALL_PROXY last', () => {
    expect(environmentProxyFor(SQS, proxied)).toEqual({ url: 'http://proxy.corp:3128', variable: 'HTTPS_PROXY' });
    expect(environmentProxyFor(SQS, { ...proxied, https_proxy: 'http://lower:1' })).toEqual({ url: 'http://lower:1', variable: 'https_proxy' });
    expect(environmentProxyFor('http://127.0.0.1:5000/', { HTTP_PROXY: 'http://plain:8080', ...proxied })).toEqual({
      url: 'http://plain:8080',
      variable: 'HTTP_PROXY',
    });
    expect(environmentProxyFor('http://127.0.0.1:5000/', proxied)).toBeNull();
    expect(environmentProxyFor(SQS, { ALL_PROXY: 'http://all:1' })).toEqual({ url: 'http://all:1', variable: 'ALL_PROXY' });
  });

  it('reads a proxy without a scheme as plain HTTP to the proxy, as the AWS CLI does', () => {
    expect(environmentProxyFor(SQS, { HTTPS_PROXY: 'proxy.corp:3128' })?.url).toBe('http://proxy.corp:3128');
  });

  it('honours NO_PROXY: exact hosts, .suffix and *.suffix, host:port, and * for everything', () => {
    const env = { ...proxied, NO_PROXY: 'sts.us-east-1.amazonaws.com, .corp.local,*.internal localhost:8443' };
    expect(environmentProxyFor('https://sts.us-east-1.amazonaws.com/', env)).toBeNull();
    expect(environmentProxyFor(SQS, env)).not.toBeNull();
    expect(environmentProxyFor('https://s3.corp.local/', env)).toBeNull();
    expect(environmentProxyFor('https://corp.local/', env)).not.toBeNull();
    expect(environmentProxyFor('https://x.internal/', env)).toBeNull();
    expect(environmentProxyFor('https://localhost:8443/', env)).toBeNull();
    expect(environmentProxyFor('https://localhost:9443/', env)).not.toBeNull();
    expect(environmentProxyFor(SQS, { ...proxied, no_proxy: '*' })).toBeNull();
    // A bare domain covers only that host (curl would also cover its subdomains).
    expect(environmentProxyFor(SQS, { ...proxied, NO_PROXY: 'amazonaws.com' })).not.toBeNull();
  });

  it("lends the workspace's environment for the call and gives process.env back", () => {
    const before = process.env;
    environmentProxyFor(SQS, proxied);
    expect(process.env).toBe(before);
    expect(process.env['HTTPS_PROXY']).toBe(before['HTTPS_PROXY']);
  });

  it('says whether a proxy variable and a NO_PROXY list are set', () => {
    expect(proxyVariablesSet({})).toBe(false);
    expect(proxyVariablesSet({ HTTPS_PROXY: '  ' })).toBe(false);
    expect(proxyVariablesSet({ http_proxy: 'http://p:1' })).toBe(true);
    expect(noProxyList({ no_proxy: 'a', NO_PROXY: 'b' })).toBe('a');
    expect(noProxyList({})).toBeNull();
  });
});

describe('parsePacAnswer (Chromium proxy list)', () => {
  it('takes the first DIRECT, PROXY or HTTPS entry and skips SOCKS', () => {
    expect(parsePacAnswer('DIRECT')).toEqual({ kind: 'direct' });
    expect(parsePacAnswer('')).toEqual({ kind: 'direct' });
    expect(parsePacAnswer('PROXY proxy.corp:3128; DIRECT')).toEqual({ kind: 'proxy', url: 'http://proxy.corp:3128' });
    expect(parsePacAnswer('HTTPS secure.corp:443')).toEqual({ kind: 'proxy', url: 'https://secure.corp:443' });
    expect(parsePacAnswer('SOCKS5 s:1080; PROXY p:8080')).toEqual({ kind: 'proxy', url: 'http://p:8080' });
    expect(parsePacAnswer('SOCKS5 s:1080')).toEqual({ kind: 'unsupported', entry: 'SOCKS5 s:1080' });
  });
});

describe('proxyRouteFor', () => {
  const system = (answer: string) => async () => answer;

  it('uses a proxy variable before the system proxy, and says which variable', async () => {
    expect(await proxyRouteFor(SQS, { env: proxied, systemProxy: system('PROXY other:1') })).toEqual({
      kind: 'proxy',
      url: 'http://proxy.corp:3128',
      source: 'HTTPS_PROXY',
    });
  });

  it('goes direct for a NO_PROXY host even when the system has a proxy, and names NO_PROXY', async () => {
    const route = await proxyRouteFor(SQS, { env: { ...proxied, NO_PROXY: '.amazonaws.com' }, systemProxy: system('PROXY other:1') });
    expect(route).toEqual({ kind: 'direct', source: 'NO_PROXY (.amazonaws.com)' });
  });

  it('asks the system (PAC) when no variable is set, with the URL it connects to', async () => {
    const asked: string[] = [];
    const route = await proxyRouteFor(SQS, {
      env: {},
      systemProxy: async (url) => {
        asked.push(url);
        return 'PROXY pac.corp:8080; DIRECT';
      },
    });
    expect(asked).toEqual([SQS]);
    expect(route).toEqual({ kind: 'proxy', url: 'http://pac.corp:8080', source: 'system proxy settings' });
    expect(await proxyRouteFor(SQS, { env: {}, systemProxy: system('DIRECT') })).toEqual({ kind: 'direct', source: 'system proxy settings (DIRECT)' });
    expect(await proxyRouteFor(SQS, { env: {}, systemProxy: null })).toEqual({ kind: 'direct', source: 'no proxy configured' });
  });

  it('refuses a system proxy it cannot use, saying how to set one', async () => {
    const failure = await proxyRouteFor(SQS, { env: {}, systemProxy: system('SOCKS5 socks.corp:1080') }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).error).toMatchObject({ code: 'PROXY_FAILED', fix: expect.stringContaining('HTTPS_PROXY') });
  });
});

describe('redactProxyUrl', () => {
  it('never shows the user or password of a proxy URL', () => {
    expect(redactProxyUrl('http://alice:s3cret@proxy.corp:3128')).toBe('http://***@proxy.corp:3128');
    expect(redactProxyUrl('http://alice@proxy.corp:3128/')).toBe('http://***@proxy.corp:3128');
    expect(redactProxyUrl('http://proxy.corp:3128')).toBe('http://proxy.corp:3128');
    expect(redactProxyUrl('PROXY user:pw@host')).not.toContain('pw');
  });
});
