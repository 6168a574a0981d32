import { NodeHttpHandler } from '@smithy/node-http-handler';
import { trustedCertificates, type NetworkSettings } from './network-settings';
import { createRoutingAgents } from './routing-agents';

/**
 * The one request handler of a connection's clients (and of the credential providers' inner STS/SSO clients): proxy
 * routing and the CA bundle on every socket, a connect timeout, and a read timeout after which a stalled call fails
 * instead of waiting until the admin cancels (socketTimeout: inactivity, so a 20 s long poll is not a stall).
 */
export function requestHandlerFor(settings: NetworkSettings): NodeHttpHandler {
  const { httpAgent, httpsAgent } = createRoutingAgents(settings, trustedCertificates(settings));
  return new NodeHttpHandler({ httpAgent, httpsAgent, connectionTimeout: settings.timeouts.connectMs, socketTimeout: settings.timeouts.readMs });
}
