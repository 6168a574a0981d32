import {
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetBucketNotificationConfigurationCommand,
  ListBucketsCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  type NotificationConfiguration,
} from '@aws-sdk/client-s3';
import { bucketArn, partitionOfRegion } from '../../shared/policy/arns';
import type { BucketNotificationDocument } from '../../shared/policy/notification-document';
import type { AwsTarget } from './client-config';
import { awsFailure, clientsFor, isAwsError } from './clients';
import { notificationAsSent } from '../../shared/policy/notification-as-sent';

/** One bucket of the account, as ListBuckets names it. */
export interface BucketSummary {
  readonly name: string;
  readonly createdAt: string | null;
}

const NO_SUCH_BUCKET = ['NoSuchBucket'];
const NOTIFICATION_LISTS = ['QueueConfigurations', 'TopicConfigurations', 'LambdaFunctionConfigurations'] as const;

function arnOf(target: AwsTarget, bucket: string): string {
  return bucketArn(bucket, partitionOfRegion(target.region));
}

/** s3:ListAllMyBuckets, following ContinuationToken (ListBuckets pages since 2024). */
export async function listBuckets(target: AwsTarget, signal?: AbortSignal): Promise<ReadonlyArray<BucketSummary>> {
  const buckets: BucketSummary[] = [];
  let token: string | undefined;
  try {
    do {
      const out = await clientsFor(target).s3.send(new ListBucketsCommand({ ...(token ? { ContinuationToken: token } : {}) }), { abortSignal: signal });
      for (const b of out.Buckets ?? []) buckets.push({ name: b.Name ?? '', createdAt: b.CreationDate?.toISOString() ?? null });
      token = out.ContinuationToken;
    } while (token);
  } catch (err) {
    throw awsFailure(err, 's3:ListAllMyBuckets', '*');
  }
  return buckets;
}

/** GetBucketLocation's LocationConstraint as a Region: null/empty means us-east-1 and "EU" means eu-west-1 (S3 API doc). */
export function regionFromLocationConstraint(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

/** The bucket's Region (the queue must be in it: docs/aws-behaviour.md#s3-bucket-notifications), or null when the bucket does not exist. */
export async function getBucketRegion(target: AwsTarget, bucket: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const out = await clientsFor(target).s3.send(new GetBucketLocationCommand({ Bucket: bucket }), { abortSignal: signal });
    return regionFromLocationConstraint(out.LocationConstraint);
  } catch (err) {
    if (isAwsError(err, NO_SUCH_BUCKET)) return null;
    throw awsFailure(err, 's3:GetBucketLocation', arnOf(target, bucket));
  }
}

type RuleHolder = { Filter?: { Key?: { FilterRules?: Array<{ Name?: unknown }> } } };

/** Sets every filter rule name in a notification document (plain JSON copy) with `rename`. */
function renameRules(copy: Record<string, unknown>, rename: (name: string) => string): void {
  for (const list of NOTIFICATION_LISTS) {
    const configs = copy[list];
    if (!Array.isArray(configs)) continue;
    for (const config of configs as RuleHolder[]) {
      for (const rule of config.Filter?.Key?.FilterRules ?? []) {
        if (typeof rule.Name === 'string') rule.Name = rename(rule.Name);
      }
    }
  }
}

/** "prefix" -> "Prefix": the case AWS answers with (moto answers with the case it was sent), so both read the same. */
function awsRuleCase(name: string): string {
  const lower = name.toLowerCase();
  return lower === 'prefix' || lower === 'suffix' ? `${lower[0]?.toUpperCase() ?? ''}${lower.slice(1)}` : name;
}

/** Plain JSON copy of the SDK output: no `$metadata`, no undefined keys, no empty lists, rule names as AWS spells them. */
function plainNotification(out: object): BucketNotificationDocument {
  const copy = JSON.parse(JSON.stringify({ ...out, $metadata: undefined })) as Record<string, unknown>;
  for (const list of NOTIFICATION_LISTS) {
    const value = copy[list];
    if (Array.isArray(value) && value.length === 0) delete copy[list];
  }
  renameRules(copy, awsRuleCase);
  return copy as BucketNotificationDocument;
}

/** The whole notification document (it goes into diffs and backups), or null when the bucket does not exist. */
export async function getBucketNotification(target: AwsTarget, bucket: string, signal?: AbortSignal): Promise<BucketNotificationDocument | null> {
  try {
    const out = await clientsFor(target).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }), { abortSignal: signal });
    return plainNotification(out);
  } catch (err) {
    if (isAwsError(err, NO_SUCH_BUCKET)) return null;
    throw awsFailure(err, 's3:GetBucketNotification', arnOf(target, bucket));
  }
}

/** Replaces the whole document (PutBucketNotificationConfiguration deletes what is not sent); destinations are validated by S3. */
export async function putBucketNotification(target: AwsTarget, bucket: string, document: BucketNotificationDocument, signal?: AbortSignal): Promise<void> {
  try {
    const config = notificationAsSent(document) as NotificationConfiguration;
    await clientsFor(target).s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: config }), {
      abortSignal: signal,
    });
  } catch (err) {
    throw awsFailure(err, 's3:PutBucketNotification', arnOf(target, bucket));
  }
}

/** Uploads one object (the live test's test file); the ETag lets the check match the event to the upload. */
export async function putObject(
  target: AwsTarget,
  bucket: string,
  key: string,
  body: string | Uint8Array,
  signal?: AbortSignal,
): Promise<{ readonly etag: string }> {
  try {
    const out = await clientsFor(target).s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }), { abortSignal: signal });
    return { etag: out.ETag ?? '' };
  } catch (err) {
    throw awsFailure(err, 's3:PutObject', `${arnOf(target, bucket)}/${key}`);
  }
}

/** Deletes one object (the live test cleans up its test file); deleting a missing key succeeds, as on S3. */
export async function deleteObject(target: AwsTarget, bucket: string, key: string, signal?: AbortSignal): Promise<void> {
  try {
    await clientsFor(target).s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
  } catch (err) {
    throw awsFailure(err, 's3:DeleteObject', `${arnOf(target, bucket)}/${key}`);
  }
}
