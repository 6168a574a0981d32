import { apiError, type ApiError } from '../../shared/contract/api-error';
import type { NetworkContext } from './retry/consistency-middleware';

/** OpenSSL's verification failures as Node reports them (err.code): the certificate chain is not one Node trusts. */
const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

interface Chained {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly errors?: ReadonlyArray<unknown>;
  readonly proxy?: unknown;
  readonly target?: unknown;
  readonly $network?: NetworkContext;
  readonly $metadata?: { readonly attempts?: number };
}

/** Every error in a failure's cause chain (the SDK and hpagent wrap the socket's error). */
function chainOf(err: unknown, depth = 0): ReadonlyArray<Chained> {
  if (typeof err !== 'object' || err === null || depth > 5) return [];
  const e = err as Chained;
  return [e, ...chainOf(e.cause, depth + 1), ...(e.errors ?? []).flatMap((x) => chainOf(x, depth + 1))];
}

function codeIn(chain: ReadonlyArray<Chained>, codes: ReadonlySet<string>): string | null {
  for (const e of chain) if (typeof e.code === 'string' && codes.has(e.code)) return e.code;
  return null;
}

const CA_SETTINGS = 'AWS_CA_BUNDLE, or ca_bundle in the profile of ~/.aws/config';

function certificateError(code: string, host: string, net: NetworkContext | undefined): ApiError {
  const via = net?.proxy ? ` through the proxy ${net.proxy}` : '';
  const what =
    code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID'
      ? `The certificate ${host} presented${via} is outside its validity period (${code}): check this computer's clock, or the proxy's certificate.`
      : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? `The certificate ${host} presented${via} is for another host name (${code}).`
        : `The certificate ${host} presented${via} is not trusted (${code}): it is signed by a certificate authority Node.js does not know, as a TLS-inspecting proxy or a private CA does.`;
  const fix = net?.caBundle
    ? `The CA bundle ${net.caBundle.path} (from ${net.caBundle.source}) does not hold the authority that signed it: add your organisation's root CA certificate (PEM) to that file. The wizard reads ${CA_SETTINGS}, as the AWS CLI does, and never turns certificate verification off.`
    : `Set ${CA_SETTINGS}, to a PEM file holding your organisation's root CA certificate (the AWS CLI reads the same two settings). The wizard never turns certificate verification off.`;
  return apiError('CERTIFICATE_UNTRUSTED', what, { fix });
}

function proxyError(e: Chained, net: NetworkContext | undefined): ApiError {
  const proxy = typeof e.proxy === 'string' ? e.proxy : (net?.proxy ?? 'the proxy');
  const target = typeof e.target === 'string' ? e.target : (net?.host ?? 'the AWS endpoint');
  const cause = chainOf(e.cause).find((c) => typeof c.code === 'string' || typeof c.message === 'string');
  const status = /Bad response: (\d+)/.exec(String(cause?.message ?? ''))?.[1];
  const fix = `Check HTTPS_PROXY / HTTP_PROXY (or the system proxy settings), and NO_PROXY for hosts to reach directly. A user and password in the proxy URL are used, never shown.`;
  if (status === '407')
    return apiError(
      'PROXY_FAILED',
      `The proxy ${proxy} asked for credentials it did not get or did not accept (HTTP 407) when asked to connect to ${target}.`,
      { fix },
    );
  if (status) return apiError('PROXY_FAILED', `The proxy ${proxy} refused to connect to ${target} (HTTP ${status}).`, { fix });
  const code = typeof cause?.code === 'string' ? cause.code : String(cause?.message ?? 'no answer');
  return apiError('PROXY_FAILED', `Could not reach the proxy ${proxy} to connect to ${target} (${code}).`, { fix });
}

function timeoutError(e: Chained, attempts: number | undefined, what: string, net: NetworkContext | undefined, endpoint: string): ApiError {
  const host = net?.host ?? endpoint;
  const tries = attempts && attempts > 1 ? `, ${attempts} tries` : '';
  const fix = `The call was stopped, as Cancel would stop it, and nothing waits forever. Check the network${net?.proxy ? ` and the proxy ${net.proxy}` : ''}, then retry; on a slow network raise SQS_S3_WIZARD_READ_TIMEOUT (seconds).`;
  if (/did not establish a connection|Proxy timeout/i.test(String(e.message ?? ''))) {
    return apiError('TIMED_OUT', `${what} could not open a connection to ${host} in time${tries}.`, { fix });
  }
  const seconds = net?.readTimeoutSeconds ?? null;
  return apiError('TIMED_OUT', `${what} stalled: ${host} sent nothing for ${seconds === null ? 'too long' : `${seconds} s`}${tries}.`, { fix });
}

/**
 * The error value for a failure of the network itself: an untrusted certificate, a proxy that refused or cannot be
 * reached, a stalled connection. Null for anything else (an AWS answer, an unreachable endpoint).
 */
export function networkError(thrown: unknown, what: string, endpoint: string): ApiError | null {
  const chain = chainOf(thrown);
  const net = chain.find((e) => e.$network)?.$network;
  const certificate = codeIn(chain, CERTIFICATE_CODES);
  if (certificate) return certificateError(certificate, net?.host ?? endpoint, net);
  const proxied = chain.find((e) => e.name === 'ProxyConnectError');
  if (proxied) return proxyError(proxied, net);
  // The SDK names a reset connection TimeoutError too (code ECONNRESET/EPIPE): that one is no stall.
  const timeout = chain.find((e) => e.name === 'TimeoutError' && e.code !== 'ECONNRESET' && e.code !== 'EPIPE');
  if (timeout) return timeoutError(timeout, (thrown as Chained).$metadata?.attempts, what, net, endpoint);
  return null;
}
