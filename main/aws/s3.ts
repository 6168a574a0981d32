import {
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetBucketNotificationConfigurationCommand,
  ListBucketsCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  type NotificationConfiguration,
  S3Client,
} from '@aws-sdk/client-s3';
import { bucketArn, partitionOfRegion } from '../../shared/policy/arns';
import type { BucketNotificationDocument } from '../../shared/policy/notification-document';
import type { AwsTarget } from './client-config';
import { awsFailure, isAwsError, serviceClient } from './clients';
import { notificationAsSent } from '../../shared/policy/notification-as-sent';
import { ApiFailure } from '../../shared/contract/api-error';
import { destinationRejections } from './s3-destination-rejections';

/** The target's S3 client; a bucket in another Region answers 301/400 with its Region, and following it lets reads name the real Region. */
export function s3Client(target: AwsTarget): S3Client {
  return serviceClient(target, 'S3', (config) => new S3Client({ ...config, followRegionRedirects: true }));
}

/** A bucket as the wizard addresses it: its name and the account that must own it, sent as ExpectedBucketOwner on every call. */
export interface BucketRef {
  readonly name: string;
  /** The connected account, or the bucket owner the admin confirmed (setup "bucketOwner"): S3 answers 403 for any other owner. */
  readonly owner: string;
}

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

/**
 * A failed call on the setup's bucket; a refusal may also mean that another account owns a bucket of that name
 * (ExpectedBucketOwner: docs/aws-behaviour.md#s3-buckets), so the message says both.
 */
function bucketFailure(err: unknown, action: string, target: AwsTarget, bucket: BucketRef, object?: string): ApiFailure {
  const failure = awsFailure(err, action, `${arnOf(target, bucket.name)}${object === undefined ? '' : `/${object}`}`);
  if (failure.error.code !== 'ACCESS_DENIED') return failure;
  return new ApiFailure({
    ...failure.error,
    message: `${failure.error.message} S3 also answers so when bucket ${bucket.name} is not owned by account ${bucket.owner} (the wizard sends ExpectedBucketOwner).`,
    fix: `${failure.error.fix ?? ''} If another account you trust owns the bucket, confirm that account as the bucket owner (setup field "bucketOwner").`.trim(),
  });
}

/** s3:ListAllMyBuckets, following ContinuationToken (ListBuckets pages since 2024). */
export async function listBuckets(target: AwsTarget, signal?: AbortSignal): Promise<ReadonlyArray<BucketSummary>> {
  const buckets: BucketSummary[] = [];
  let token: string | undefined;
  try {
    do {
      const out = await s3Client(target).send(new ListBucketsCommand({ ...(token ? { ContinuationToken: token } : {}) }), { abortSignal: signal });
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
export async function getBucketRegion(target: AwsTarget, bucket: BucketRef, signal?: AbortSignal): Promise<string | null> {
  try {
    const out = await s3Client(target).send(new GetBucketLocationCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }), {
      abortSignal: signal,
    });
    return regionFromLocationConstraint(out.LocationConstraint);
  } catch (err) {
    if (isAwsError(err, NO_SUCH_BUCKET)) return null;
    throw bucketFailure(err, 's3:GetBucketLocation', target, bucket);
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
export async function getBucketNotification(target: AwsTarget, bucket: BucketRef, signal?: AbortSignal): Promise<BucketNotificationDocument | null> {
  try {
    const out = await s3Client(target).send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }), {
      abortSignal: signal,
    });
    return plainNotification(out);
  } catch (err) {
    if (isAwsError(err, NO_SUCH_BUCKET)) return null;
    throw bucketFailure(err, 's3:GetBucketNotification', target, bucket);
  }
}

/**
 * Replaces the whole document (PutBucketNotificationConfiguration deletes what is not sent); S3 validates every
 * destination, and a refusal names each with S3's reason. The SDK error is thrown as it is when S3 could not validate
 * a destination (destinationRejections reads it), so the caller can wait or explain.
 */
export async function putBucketNotification(target: AwsTarget, bucket: BucketRef, document: BucketNotificationDocument, signal?: AbortSignal): Promise<void> {
  try {
    const config = notificationAsSent(document) as NotificationConfiguration;
    await s3Client(target).send(
      new PutBucketNotificationConfigurationCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner, NotificationConfiguration: config }),
      { abortSignal: signal },
    );
  } catch (err) {
    if (destinationRejections(err) !== null) throw err;
    throw bucketFailure(err, 's3:PutBucketNotification', target, bucket);
  }
}

/** Uploads one object (the live test's test file); the ETag lets the check match the event to the upload. */
export async function putObject(
  target: AwsTarget,
  bucket: BucketRef,
  key: string,
  body: string | Uint8Array,
  signal?: AbortSignal,
): Promise<{ readonly etag: string }> {
  try {
    const out = await s3Client(target).send(new PutObjectCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner, Key: key, Body: body }), {
      abortSignal: signal,
    });
    return { etag: out.ETag ?? '' };
  } catch (err) {
    throw bucketFailure(err, 's3:PutObject', target, bucket, key);
  }
}

/** Deletes one object (the live test cleans up its test file); deleting a missing key succeeds, as on S3. */
export async function deleteObject(target: AwsTarget, bucket: BucketRef, key: string, signal?: AbortSignal): Promise<void> {
  try {
    await s3Client(target).send(new DeleteObjectCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner, Key: key }), { abortSignal: signal });
  } catch (err) {
    throw bucketFailure(err, 's3:DeleteObject', target, bucket, key);
  }
}
