import type { ListingNetwork, NetworkSummary } from '../../../shared/contract/network-summary';
import { noProxyList } from './proxy-from-environment';
import { proxyRouteFor, type ProxySources } from './proxy-route';
import { redactProxyUrl } from './redact-proxy-url';
import type { NetworkSettings } from './network-settings';

/** The connection's network as the admin sees it: the route to `endpoint`, the CA bundle, retries and the read timeout. */
export async function describeNetwork(settings: NetworkSettings, endpoint: string): Promise<NetworkSummary> {
  const route = await proxyRouteFor(endpoint, settings);
  const bundle = settings.caBundle;
  return {
    endpoint,
    proxy: route.kind === 'proxy' ? redactProxyUrl(route.url) : null,
    proxySource: route.source,
    caBundle: bundle ? { path: bundle.path, source: bundle.source, certificates: bundle.certificates.length } : null,
    retry: { ...settings.retry },
    readTimeoutSeconds: settings.timeouts.readMs / 1000,
  };
}

/** Before a profile is chosen: the proxy for `endpoint`, NO_PROXY, and AWS_CA_BUNDLE (profiles list, first screen). */
export async function describeListingNetwork(sources: ProxySources, endpoint: string): Promise<ListingNetwork> {
  const route = await proxyRouteFor(endpoint, sources).catch(() => null);
  return {
    proxy: route?.kind === 'proxy' ? redactProxyUrl(route.url) : null,
    proxySource: route?.source ?? 'the system proxy settings could not be used',
    noProxy: noProxyList(sources.env),
    caBundle: sources.env['AWS_CA_BUNDLE']?.trim() || null,
  };
}
