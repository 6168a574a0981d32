import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SNSClient } from '@aws-sdk/client-sns';
import { ApiFailure } from '../../shared/contract/api-error';
import { toApiError, type CallContext } from './aws-errors';
import { clientConfig, networkOf, type AwsTarget } from './client-config';
import type { AwsService } from './endpoint';
import { requestHandlerFor } from './network/request-handler';
import { consistencyMiddleware } from './retry/consistency-middleware';

/** The service clients of one target; a plan/apply run reuses their connections instead of opening new ones per call. */
export interface ServiceClients {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly iam: IAMClient;
  readonly sts: STSClient;
  readonly organizations: OrganizationsClient;
  readonly sns: SNSClient;
  readonly lambda: LambdaClient;
  readonly kms: KMSClient;
}

/** A target's clients, each created on first use (a command that never calls IAM never builds an IAM client). */
interface ClientSet extends ServiceClients {
  /** Closes the clients created so far. */
  destroy(): void;
}

const cache = new WeakMap<AwsTarget, ClientSet>();

/** A client with the wizard's middleware: eventual-consistency retries around the SDK's own, and the network context on failures. */
function wired<C extends { middlewareStack: { addRelativeTo: (...args: never[]) => void } }>(client: C, service: AwsService, target: AwsTarget): C {
  (client.middlewareStack as unknown as { addRelativeTo: (mw: unknown, options: object) => void }).addRelativeTo(
    consistencyMiddleware(service, networkOf(target)),
    { relation: 'before', toMiddleware: 'retryMiddleware', name: 'wizardConsistencyMiddleware' },
  );
  return client;
}

function createClients(target: AwsTarget): ClientSet {
  type Made = {
    s3?: S3Client;
    sqs?: SQSClient;
    iam?: IAMClient;
    sts?: STSClient;
    organizations?: OrganizationsClient;
    sns?: SNSClient;
    lambda?: LambdaClient;
    kms?: KMSClient;
  };
  const made: Made = {};
  // One handler (and so one pair of agents: proxy routes, CA bundle, keep-alive pools) for all the target's clients.
  let handler: ReturnType<typeof requestHandlerFor> | undefined;
  const config = (service: AwsService) => clientConfig(service, target, (handler ??= requestHandlerFor(networkOf(target))));
  return {
    // A bucket in another Region answers 301/400 with its Region; following it lets reads name the real Region.
    get s3() {
      return (made.s3 ??= wired(new S3Client({ ...config('S3'), followRegionRedirects: true }), 'S3', target));
    },
    get sqs() {
      return (made.sqs ??= wired(new SQSClient(config('SQS')), 'SQS', target));
    },
    get iam() {
      return (made.iam ??= wired(new IAMClient(config('IAM')), 'IAM', target));
    },
    get sts() {
      return (made.sts ??= wired(new STSClient(config('STS')), 'STS', target));
    },
    // Organizations is a global service answered in us-east-1 (aws partition).
    get organizations() {
      return (made.organizations ??= wired(new OrganizationsClient(config('ORGANIZATIONS')), 'ORGANIZATIONS', target));
    },
    get sns() {
      return (made.sns ??= wired(new SNSClient(config('SNS')), 'SNS', target));
    },
    get lambda() {
      return (made.lambda ??= wired(new LambdaClient(config('LAMBDA')), 'LAMBDA', target));
    },
    get kms() {
      return (made.kms ??= wired(new KMSClient(config('KMS')), 'KMS', target));
    },
    destroy() {
      for (const client of Object.values(made)) client.destroy();
    },
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
  known.destroy();
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
export function awsFailure(err: unknown, action: string, resource: string | undefined, caller: Pick<CallContext, 'profile' | 'endpoint'> = {}): ApiFailure {
  return new ApiFailure(toApiError(err, { ...caller, action, ...(resource === undefined ? {} : { resource }) }));
}
