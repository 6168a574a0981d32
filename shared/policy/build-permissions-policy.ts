import { bucketArn, objectArnPattern, type Partition } from './arns';
import { POLICY_VERSION, type PolicyDocument, type PolicyStatement } from './policy-document';

/** The inline policy name the platform guide attaches with put-role-policy (guide step 5). */
export const PERMISSIONS_POLICY_NAME = 'platform-s3-sqs-access';

/** Sids of the permissions statements; the delete statement exists only when the option is on. */
export const PERMISSIONS_POLICY_SIDS = {
  bucket: 'S3BucketMetadataAccess',
  read: 'S3ObjectReadAccess',
  delete: 'S3ObjectDeleteAccess',
  queue: 'SQSConsumeAccess',
} as const;

/** Inputs of the permissions policy; the two options go beyond the platform guide and default to its behaviour. */
export interface PermissionsPolicyInput {
  readonly bucket: string;
  readonly queueArn: string;
  readonly prefix: string;
  /** 'prefix' narrows object reads to keys under the prefix; the platform guide's 'bucket' allows every object. */
  readonly objectReadScope?: 'bucket' | 'prefix';
  /** For platform tasks that delete source files after ingestion (guide step 5 checklist). */
  readonly allowDeleteObject?: boolean;
  readonly partition?: Partition;
}

/** Bucket metadata, object read and queue consume access (guide step 5), plus the opt-in scope and delete options. */
export function buildPermissionsPolicy(input: PermissionsPolicyInput): PolicyDocument {
  const partition = input.partition ?? 'aws';
  const keyPrefix = input.objectReadScope === 'prefix' ? input.prefix : '';
  const objects = objectArnPattern(input.bucket, keyPrefix, partition);
  const statements: PolicyStatement[] = [
    {
      Sid: PERMISSIONS_POLICY_SIDS.bucket,
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation', 's3:ListBucket'],
      Resource: bucketArn(input.bucket, partition),
    },
    { Sid: PERMISSIONS_POLICY_SIDS.read, Effect: 'Allow', Action: ['s3:GetObject'], Resource: objects },
  ];
  if (input.allowDeleteObject === true) {
    statements.push({ Sid: PERMISSIONS_POLICY_SIDS.delete, Effect: 'Allow', Action: ['s3:DeleteObject'], Resource: objects });
  }
  statements.push({
    Sid: PERMISSIONS_POLICY_SIDS.queue,
    Effect: 'Allow',
    Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
    Resource: input.queueArn,
  });
  return { Version: POLICY_VERSION, Statement: statements };
}

/** The permissions policy of a setup: the platform guide's statements plus the setup's two options (one source for apply and checks). */
export function permissionsPolicyForSetup(
  setup: { readonly bucket: string; readonly prefix: string; readonly objectReadScope?: 'bucket' | 'prefix'; readonly allowDeleteObject?: boolean },
  queueArn: string,
  partition: Partition,
): PolicyDocument {
  return buildPermissionsPolicy({
    bucket: setup.bucket,
    queueArn,
    prefix: setup.prefix,
    objectReadScope: setup.objectReadScope ?? 'bucket',
    allowDeleteObject: setup.allowDeleteObject ?? false,
    partition,
  });
}
