import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, S3Client, type NotificationConfiguration } from '@aws-sdk/client-s3';
import { CreateAliasCommand, CreateKeyCommand, GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateQueueCommand, GetQueueAttributesCommand, GetQueueUrlCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { FAKE_KEYS } from './aws-profile-files';
import { createRuleDestinations } from './seed-destinations';

/** Direct SDK clients on moto, for seeding and checking state behind the app's back. */
export function motoClients(motoUrl: string, region = 'us-east-1') {
  const base = { region, endpoint: motoUrl, credentials: { accessKeyId: FAKE_KEYS.accessKeyId, secretAccessKey: FAKE_KEYS.secretAccessKey } };
  return { s3: new S3Client({ ...base, forcePathStyle: true }), sqs: new SQSClient(base), kms: new KMSClient(base) };
}

/** True when moto knows a queue of this name (GetQueueUrl answers). */
export async function queueExists(motoUrl: string, name: string): Promise<boolean> {
  return motoClients(motoUrl)
    .sqs.send(new GetQueueUrlCommand({ QueueName: name }))
    .then(
      () => true,
      () => false,
    );
}

/** Creates a bucket (with a location constraint outside us-east-1). */
export async function createBucket(motoUrl: string, bucket: string, region = 'us-east-1'): Promise<void> {
  const { s3 } = motoClients(motoUrl, region);
  await s3.send(
    new CreateBucketCommand({ Bucket: bucket, ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }) }),
  );
}

/** Puts a whole notification document, as another team's tooling would; its topics and functions exist, as they do for a working rule. */
export async function putNotification(motoUrl: string, bucket: string, doc: NotificationConfiguration): Promise<void> {
  await createRuleDestinations(motoUrl, doc);
  await motoClients(motoUrl).s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: doc }));
}

/** Creates a queue with a policy; returns its URL and ARN. */
export async function createQueueWithPolicy(motoUrl: string, name: string, policy?: object): Promise<{ url: string; arn: string }> {
  const { sqs } = motoClients(motoUrl);
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl ?? '';
  if (policy) await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify(policy) } }));
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn ?? '';
  return { url, arn };
}

/** Creates a customer managed KMS key (with its default key policy), optionally with an alias; returns its id and ARN. */
export async function createKmsKey(motoUrl: string, alias?: string): Promise<{ keyId: string; arn: string }> {
  const { kms } = motoClients(motoUrl);
  const meta = (await kms.send(new CreateKeyCommand({ Description: 'queue encryption' }))).KeyMetadata;
  const keyId = meta?.KeyId ?? '';
  if (alias) await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
  return { keyId, arn: meta?.Arn ?? '' };
}

/** A key's policy, parsed. */
export async function kmsKeyPolicy(motoUrl: string, keyId: string): Promise<{ Id?: string; Statement: Array<{ Sid?: string }> }> {
  const out = await motoClients(motoUrl).kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
  return JSON.parse(out.Policy ?? '{}');
}

/** Creates a queue with attributes (KmsMasterKeyId, ...); returns its URL. */
export async function createQueueWithAttributes(motoUrl: string, name: string, attributes: Record<string, string>): Promise<string> {
  return (await motoClients(motoUrl).sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl ?? '';
}

/** A valid setup for tests (docs/ARCHITECTURE.md#data-on-disk). */
export function sampleSetup(overrides: Record<string, unknown> = {}) {
  return {
    name: 'acme-raw',
    region: 'us-east-1',
    bucket: 'acme-raw',
    prefix: 'incoming/',
    suffix: '.csv',
    queueName: 'acme-raw-s3-events',
    roleName: 'platform-s3-sqs-consumer-role',
    platformSetupRoleArn: 'arn:aws:iam::111122223333:role/platform-setup',
    platformLoadRoleArn: 'arn:aws:iam::111122223333:role/platform-load',
    externalId: 'org-42',
    ...overrides,
  };
}
