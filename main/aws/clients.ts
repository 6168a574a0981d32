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
import { clientConfig, type AwsTarget } from './client-config';

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

function createClients(target: AwsTarget): ClientSet {
  const made: {
    s3?: S3Client;
    sqs?: SQSClient;
    iam?: IAMClient;
    sts?: STSClient;
    organizations?: OrganizationsClient;
    sns?: SNSClient;
    lambda?: LambdaClient;
    kms?: KMSClient;
  } = {};
  return {
    // A bucket in another Region answers 301/400 with its Region; following it lets reads name the real Region.
    get s3() {
      return (made.s3 ??= new S3Client({ ...clientConfig('S3', target), followRegionRedirects: true }));
    },
    get sqs() {
      return (made.sqs ??= new SQSClient(clientConfig('SQS', target)));
    },
    get iam() {
      return (made.iam ??= new IAMClient(clientConfig('IAM', target)));
    },
    get sts() {
      return (made.sts ??= new STSClient(clientConfig('STS', target)));
    },
    // Organizations is a global service answered in us-east-1 (aws partition).
    get organizations() {
      return (made.organizations ??= new OrganizationsClient(clientConfig('ORGANIZATIONS', target)));
    },
    get sns() {
      return (made.sns ??= new SNSClient(clientConfig('SNS', target)));
    },
    get lambda() {
      return (made.lambda ??= new LambdaClient(clientConfig('LAMBDA', target)));
    },
    get kms() {
      return (made.kms ??= new KMSClient(clientConfig('KMS', target)));
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
