import {
  CreateBucketCommand,
  GetBucketNotificationConfigurationCommand,
  ListObjectsV2Command,
  PutBucketNotificationConfigurationCommand,
  S3Client,
  type NotificationConfiguration,
} from '@aws-sdk/client-s3';
import { CreateKeyCommand, GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { FAKE_KEYS } from '../../test/support/aws-profile-files';
import { createRuleDestinations } from '../../test/support/seed-destinations';

/** moto's default account. */
export const ACCOUNT = '123456789012';

/** SDK clients pointed at moto, for seeding state behind the UI's back and checking what the UI wrote. */
export interface SeedClients {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly iam: IAMClient;
  readonly kms: KMSClient;
  readonly motoUrl: string;
}

/** Clients for moto with the test profile's fake keys (S3 path-style, as moto serves it). */
export function seedClients(motoUrl: string, region = 'us-east-1'): SeedClients {
  const base = { region, endpoint: motoUrl, credentials: FAKE_KEYS };
  return { s3: new S3Client({ ...base, forcePathStyle: true }), sqs: new SQSClient(base), iam: new IAMClient(base), kms: new KMSClient(base), motoUrl };
}

/** Creates a bucket (in `region` when it is not us-east-1). */
export async function createBucket(c: SeedClients, bucket: string, region = 'us-east-1'): Promise<void> {
  await c.s3.send(
    new CreateBucketCommand({ Bucket: bucket, ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }) }),
  );
}

/** Creates a standard queue, optionally with a policy and other attributes; returns its URL and ARN. */
export async function createQueue(
  c: SeedClients,
  name: string,
  policy?: unknown,
  attributes: Record<string, string> = {},
): Promise<{ readonly url: string; readonly arn: string }> {
  const out = await c.sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: { ...attributes, ...(policy ? { Policy: JSON.stringify(policy) } : {}) } }),
  );
  const url = out.QueueUrl ?? '';
  const attrs = await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return { url, arn: attrs.Attributes?.QueueArn ?? '' };
}

/** A queue's policy, parsed (null when it has none). */
export async function queuePolicy(c: SeedClients, name: string): Promise<{ readonly Statement: ReadonlyArray<Record<string, unknown>> } | null> {
  const { QueueUrl } = await c.sqs.send(new GetQueueUrlCommand({ QueueName: name }));
  const attrs = await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Policy'] }));
  const text = attrs.Attributes?.Policy;
  return text ? (JSON.parse(text) as { Statement: ReadonlyArray<Record<string, unknown>> }) : null;
}

/** Replaces a queue's policy. */
export async function setQueuePolicy(c: SeedClients, name: string, policy: unknown): Promise<void> {
  const { QueueUrl } = await c.sqs.send(new GetQueueUrlCommand({ QueueName: name }));
  await c.sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: JSON.stringify(policy) } }));
}

/** Replaces a bucket's whole notification configuration. */
export async function putNotification(c: SeedClients, bucket: string, configuration: NotificationConfiguration): Promise<void> {
  // Another team's working rules have live destinations (a gone one blocks the plan: S3 would refuse the document).
  await createRuleDestinations(c.motoUrl, configuration);
  await c.s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: configuration }));
}

/** A bucket's notification configuration, without the SDK's metadata. */
export async function getNotification(c: SeedClients, bucket: string): Promise<NotificationConfiguration> {
  const { $metadata: _metadata, ...rest } = await c.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
  return rest;
}

/** A role's trust policy and the wizard's inline policy, parsed (IAM returns them URL-encoded). */
export async function roleDocuments(
  c: SeedClients,
  roleName: string,
  policyName = 'platform-s3-sqs-access',
): Promise<{ readonly trust: unknown; readonly permissions: unknown }> {
  const role = await c.iam.send(new GetRoleCommand({ RoleName: roleName }));
  const inline = await c.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
  const decode = (text: string | undefined): unknown => (text ? JSON.parse(decodeURIComponent(text)) : null);
  return { trust: decode(role.Role?.AssumeRolePolicyDocument), permissions: decode(inline.PolicyDocument) };
}

/** Creates a customer managed KMS key (KMS gives it its default key policy); returns its id and ARN. */
export async function createKmsKey(c: SeedClients): Promise<{ readonly keyId: string; readonly arn: string }> {
  const meta = (await c.kms.send(new CreateKeyCommand({ Description: 'queue encryption' }))).KeyMetadata;
  return { keyId: meta?.KeyId ?? '', arn: meta?.Arn ?? '' };
}

/** A KMS key's policy, parsed. */
export async function kmsKeyPolicy(c: SeedClients, keyId: string): Promise<{ readonly Statement: ReadonlyArray<Record<string, unknown>> }> {
  const out = await c.kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
  return JSON.parse(out.Policy ?? '{}') as { Statement: ReadonlyArray<Record<string, unknown>> };
}

/** A queue-policy statement that is not the wizard's: another team's access, which must survive every change. */
export function otherTeamStatement(queueArn: string): Record<string, unknown> {
  return {
    Sid: 'AllowOpsTeamRead',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
    Action: 'sqs:ReceiveMessage',
    Resource: queueArn,
  };
}

/** Keys of a bucket under a prefix (the live test must leave none of its objects behind). */
export async function listKeys(c: SeedClients, bucket: string, prefix = ''): Promise<ReadonlyArray<string>> {
  const out = await c.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key ?? '');
}

/** Sends one message to a queue (the platform's data, or a message shaped like S3's). */
export async function sendMessage(c: SeedClients, queueName: string, body: unknown): Promise<void> {
  const { QueueUrl } = await c.sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
  await c.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: typeof body === 'string' ? body : JSON.stringify(body) }));
}

/** The s3:TestEvent S3 sends to a destination when a notification rule is written (docs/aws-behaviour.md#s3-event-messages). */
export function s3TestEvent(bucket: string): Record<string, string> {
  return { Service: 'Amazon S3', Event: 's3:TestEvent', Time: new Date().toISOString(), Bucket: bucket, RequestId: 'E2E0TEST', HostId: 'e2e' };
}
