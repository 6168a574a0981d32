import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { endpointFor, type AwsService } from './endpoint';

/** Everything a service client needs; built in main from the session, never sent to a front end. */
export interface AwsTarget {
  readonly region: string;
  readonly credentials: AwsCredentialIdentity;
  readonly env?: NodeJS.ProcessEnv;
}

/** Seconds to wait for a TCP connection before calling an endpoint unreachable (the SDK default waits forever). */
const CONNECTION_TIMEOUT_MS = 5_000;

/** Client options for one service: Region, credentials, endpoint override and, with an override, S3 path-style URLs. */
export function clientConfig(service: AwsService, target: AwsTarget) {
  const endpoint = endpointFor(service, target.env ?? process.env);
  return {
    region: target.region,
    credentials: target.credentials,
    maxAttempts: 3,
    requestHandler: new NodeHttpHandler({ connectionTimeout: CONNECTION_TIMEOUT_MS }),
    ...(endpoint ? { endpoint } : {}),
    ...(endpoint && service === 'S3' ? { forcePathStyle: true } : {}),
  };
}
