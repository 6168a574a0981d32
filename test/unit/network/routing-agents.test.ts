import { get } from 'node:https';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRoutingAgents, type RoutingAgents } from '../../../main/aws/network/routing-agents';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy';
import { makeTestCertificates } from '../../support/test-certificates';

const certificates = makeTestCertificates();
let server: Server;
let url: string;
let proxy: RecordingProxy;

/** One GET through the agents: the status, or the error code the TLS or proxy layer failed with. */
function fetchWith(agents: RoutingAgents): Promise<number | string> {
  return new Promise((resolve) => {
    const req = get(url, { agent: agents.httpsAgent }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.name));
  });
}

beforeAll(async () => {
  server = createServer({ key: certificates.keyPem, cert: certificates.certPem }, (_req, res) => res.end('ok'));
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://localhost:${(server.address() as AddressInfo).port}/`;
  proxy = await startRecordingProxy({ credentials: { user: 'alice', password: 's3cret' } });
});
afterAll(async () => {
  await proxy.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => proxy.clear());

describe('createRoutingAgents', () => {
  const withBundle = [...rootCertificates, certificates.caPem];
  const viaProxy = { HTTPS_PROXY: `http://alice:s3cret@127.0.0.1:0` };

  it('refuses a certificate of an unknown CA when no bundle is given, and never turns verification off', async () => {
    expect(await fetchWith(createRoutingAgents({ env: {}, systemProxy: null }, null))).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('trusts the bundle on a direct connection', async () => {
    expect(await fetchWith(createRoutingAgents({ env: {}, systemProxy: null }, withBundle))).toBe(200);
    expect(proxy.requests()).toEqual([]);
  });

  it('tunnels through the proxy with its credentials and applies the bundle to the AWS side of the tunnel', async () => {
    const env = { HTTPS_PROXY: viaProxy.HTTPS_PROXY.replace(':0', `:${proxy.port}`) };
    expect(await fetchWith(createRoutingAgents({ env, systemProxy: null }, withBundle))).toBe(200);
    expect(proxy.requests()).toEqual([
      { method: 'CONNECT', target: new URL(url).host, authorization: `Basic ${Buffer.from('alice:s3cret').toString('base64')}`, status: 200 },
    ]);
  });

  it('still refuses the certificate through the proxy without the bundle', async () => {
    const env = { HTTPS_PROXY: `http://alice:s3cret@127.0.0.1:${proxy.port}` };
    expect(await fetchWith(createRoutingAgents({ env, systemProxy: null }, null))).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(proxy.requests()).toHaveLength(1);
  });

  it('goes around the proxy for a NO_PROXY host', async () => {
    const env = { HTTPS_PROXY: `http://alice:s3cret@127.0.0.1:${proxy.port}`, NO_PROXY: 'localhost' };
    expect(await fetchWith(createRoutingAgents({ env, systemProxy: null }, withBundle))).toBe(200);
    expect(proxy.requests()).toEqual([]);
  });

  it('follows the system proxy (PAC answer) when no variable is set', async () => {
    const asked: string[] = [];
    const systemProxy = async (target: string) => {
      asked.push(target);
      return `PROXY 127.0.0.1:${proxy.port}`;
    };
    // The proxy requires credentials the system answer does not carry: the CONNECT is seen and refused.
    expect(await fetchWith(createRoutingAgents({ env: {}, systemProxy }, withBundle))).toBe('ProxyConnectError');
    expect(asked).toEqual([`https://${new URL(url).host}/`]);
    expect(proxy.requests().map((r) => r.status)).toEqual([407]);
  });
});
