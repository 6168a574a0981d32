/** AWS partitions the wizard supports (see validation/role-arn.ts). */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** A Region's partition decides every ARN's prefix (AWS General Reference, "ARN format"). */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** S3 bucket ARNs have no Region or account (S3 User Guide, "Policy resources"). */
export function bucketArn(bucket: string, partition: Partition = 'aws'): string {
  return `arn:${partition}:s3:::${bucket}`;
}

/** Object ARN pattern for keys starting with `keyPrefix` ("arn:aws:s3:::bucket/prefix*"); the platform guide uses "/*". */
export function objectArnPattern(bucket: string, keyPrefix: string, partition: Partition = 'aws'): string {
  return `${bucketArn(bucket, partition)}/${keyPrefix}*`;
}

/** SQS queue ARN, as GetQueueAttributes(QueueArn) returns it. */
export function queueArnOf(region: string, account: string, queueName: string, partition: Partition = partitionOfRegion(region)): string {
  return `arn:${partition}:sqs:${region}:${account}:${queueName}`;
}

/** The parts of an ARN (arn:partition:service:region:account:resource); the resource may itself contain ":". */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN, or null when the text is not one. */
export function parseArn(arn: string): ArnParts | null {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return null;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** The partition an ARN belongs to, so derived ARNs (the bucket's, say) stay in it; unknown ones fall back to "aws". */
export function partitionOfArn(arn: string): Partition {
  const partition = parseArn(arn)?.partition;
  return partition === 'aws-cn' || partition === 'aws-us-gov' ? partition : 'aws';
}

/** The name an ARN ends with: the queue, the bucket, or the role without its path ("role/path/name"); null when not an ARN. */
export function arnResourceName(arn: string): string | null {
  const resource = parseArn(arn)?.resource;
  if (!resource) return null;
  return resource.split('/').pop() || null;
}
