import { IAMClient, GetRolePolicyCommand, ListRolePoliciesCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { GetBucketLocationCommand, GetBucketNotificationConfigurationCommand, ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ListQueuesCommand } from '@aws-sdk/client-sqs';
import { FAKE_KEYS } from './aws-profile-files';
import { motoClients } from './moto-seed';

/** Everything the wizard could change on moto, read through the SDK: equal before and after means nothing was written. */
export interface MotoState {
  /** Queue URL -> all attributes (Policy, LastModifiedTimestamp and the message counts included). */
  readonly queues: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Bucket -> its Region constraint, notification document and object keys. */
  readonly buckets: Readonly<Record<string, { readonly location: string | null; readonly notification: unknown; readonly keys: ReadonlyArray<string> }>>;
  /** Role name -> its trust policy as IAM returns it and its inline policies by name. */
  readonly roles: Readonly<Record<string, { readonly trust: string; readonly inline: Readonly<Record<string, string>> }>>;
}

/** Regions a test may put queues in; S3 buckets and IAM roles are listed account-wide. */
const QUEUE_REGIONS = ['us-east-1', 'eu-west-1'] as const;

async function queues(motoUrl: string): Promise<MotoState['queues']> {
  const out: Record<string, Record<string, string>> = {};
  for (const region of QUEUE_REGIONS) {
    const { sqs } = motoClients(motoUrl, region);
    for (const url of (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []) {
      out[url] = { ...(await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes };
    }
  }
  return out;
}

async function buckets(motoUrl: string): Promise<MotoState['buckets']> {
  const { s3 } = motoClients(motoUrl);
  const out: Record<string, MotoState['buckets'][string]> = {};
  for (const { Name } of (await s3.send(new ListBucketsCommand({}))).Buckets ?? []) {
    if (!Name) continue;
    const location = (await s3.send(new GetBucketLocationCommand({ Bucket: Name }))).LocationConstraint ?? null;
    const { $metadata: _metadata, ...notification } = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: Name }));
    const keys = ((await s3.send(new ListObjectsV2Command({ Bucket: Name }))).Contents ?? []).map((o) => o.Key ?? '');
    out[Name] = { location, notification, keys };
  }
  return out;
}

async function roles(motoUrl: string): Promise<MotoState['roles']> {
  const iam = new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials: { ...FAKE_KEYS } });
  const out: Record<string, MotoState['roles'][string]> = {};
  for (const role of (await iam.send(new ListRolesCommand({}))).Roles ?? []) {
    const name = role.RoleName ?? '';
    const inline: Record<string, string> = {};
    for (const policy of (await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames ?? []) {
      inline[policy] = (await iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policy }))).PolicyDocument ?? '';
    }
    out[name] = { trust: role.AssumeRolePolicyDocument ?? '', inline };
  }
  return out;
}

/** Captures moto's queues, buckets (notification, objects) and roles (trust, inline policies). */
export async function captureMotoState(motoUrl: string): Promise<MotoState> {
  const [q, b, r] = await Promise.all([queues(motoUrl), buckets(motoUrl), roles(motoUrl)]);
  return { queues: q, buckets: b, roles: r };
}
