import type { NetworkSummary } from '../../../shared/contract/network-summary';

/** The connection's network in the Connected panel: endpoint, proxy (never its credentials), CA bundle, retries, read timeout. */
export function NetworkFacts({ network }: { readonly network: NetworkSummary }) {
  return (
    <>
      <dt>Endpoint</dt>
      <dd>
        <code data-testid="network-endpoint">{network.endpoint}</code>
      </dd>
      <dt>Proxy</dt>
      <dd data-testid="network-proxy">
        {network.proxy ? (
          <>
            <code>{network.proxy}</code> (from {network.proxySource})
          </>
        ) : (
          <>None: direct connection ({network.proxySource})</>
        )}
      </dd>
      <dt>CA bundle</dt>
      <dd data-testid="network-ca-bundle">
        {network.caBundle ? (
          <>
            <code>{network.caBundle.path}</code> (from {network.caBundle.source}; {network.caBundle.certificates} certificate(s) added to the default roots)
          </>
        ) : (
          'None: the default certificate authorities'
        )}
      </dd>
      <dt>Retries</dt>
      <dd>
        {network.retry.maxAttempts} tries per call, {network.retry.mode} mode ({network.retry.source}); a call with no answer for {network.readTimeoutSeconds} s
        fails
        {network.retry.note ? <p className="muted">{network.retry.note}</p> : null}
      </dd>
    </>
  );
}
