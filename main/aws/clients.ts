import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ApiFailure } from '../../shared/contract/api-error';
import { toApiError } from './aws-errors';
import { clientConfig, type AwsTarget } from './client-config';

/** The service clients of one target; a plan/apply run reuses their connections instead of opening new ones per call. */
export interface ServiceClients {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly iam: IAMClient;
}

const cache = new WeakMap<AwsTarget, ServiceClients>();

function createClients(target: AwsTarget): ServiceClients {
  return {
    // A bucket in another Region answers 301/400 with its Region; following it lets reads name the real Region.
    s3: new S3Client({ ...clientConfig('S3', target), followRegionRedirects: true }),
    sqs: new SQSClient(clientConfig('SQS', target)),
    iam: new IAMClient(clientConfig('IAM', target)),
  };
}

/** The clients for a target, created on first use and kept while the target object lives (WeakMap). */
export function clientsFor(target: AwsTarget): ServiceClients {
  const known = cache.get(target);
  if (known) return known;
  const created = createClients(target);
  cache.set(target, created);
  return created;
}

/** Closes a target's clients (their idle sockets) when a session ends or its credentials change. */
export function releaseClients(target: AwsTarget): void {
  const known = cache.get(target);
  if (!known) return;
  cache.delete(target);
  known.s3.destroy();
  known.sqs.destroy();
  known.iam.destroy();
}

/** True when the SDK error's name or wire code is one of `names` (v3 exception names and query-protocol codes differ). */
export function isAwsError(err: unknown, names: ReadonlyArray<string>): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { readonly name?: unknown; readonly Code?: unknown; readonly code?: unknown };
  return [e.name, e.Code, e.code].some((v) => typeof v === 'string' && names.includes(v));
}

/** The HTTP status of a failed call, if the SDK recorded one. */
export function awsHttpStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  return (err as { readonly $metadata?: { readonly httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/** Wraps an AWS failure so its message names the action and resource, i.e. which permission the admin lacks. */
export function awsFailure(err: unknown, action: string, resource: string): ApiFailure {
  return new ApiFailure(toApiError(err, { action, resource }));
}
