import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { endpointFor, type AwsService } from './endpoint';
import { environmentNetwork, type NetworkSettings } from './network/network-settings';
import { reportingRetryStrategy } from './retry/reporting-retry-strategy';

/** Everything a service client needs; built in main from the session, never sent to a front end. */
export interface AwsTarget {
  readonly region: string;
  readonly credentials: AwsCredentialIdentity;
  readonly env?: NodeJS.ProcessEnv;
  /** The connection's proxy, CA bundle, retries and timeouts (resolved at connect); from the environment alone when absent. */
  readonly network?: NetworkSettings;
}

/** The network a target's calls use: the connection's, else what the environment says. */
export function networkOf(target: AwsTarget): NetworkSettings {
  return target.network ?? environmentNetwork(target.env ?? process.env);
}

/**
 * Client options for one service: Region, credentials, endpoint override (S3 path-style with one), the connection's
 * request handler (proxy, CA bundle, timeouts) and its retries: AWS_MAX_ATTEMPTS/AWS_RETRY_MODE or the profile's
 * max_attempts/retry_mode, no longer a fixed 3 (docs/aws-behaviour.md#credentials-endpoints-and-networks).
 */
export function clientConfig(service: AwsService, target: AwsTarget, requestHandler: NodeHttpHandler) {
  const endpoint = endpointFor(service, target.env ?? process.env);
  const { retry } = networkOf(target);
  return {
    region: target.region,
    credentials: target.credentials,
    maxAttempts: retry.maxAttempts,
    retryStrategy: reportingRetryStrategy(retry, service),
    requestHandler,
    ...(endpoint ? { endpoint } : {}),
    ...(endpoint && service === 'S3' ? { forcePathStyle: true } : {}),
  };
}
