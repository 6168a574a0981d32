import { bucketArn, partitionOfRegion, queueArnOf, type Partition } from '../policy/arns';
import type { Setup } from './setup';

/** The ARNs a setup implies in one account: the queue, the bucket and the role the wizard creates or checks. */
export interface SetupArns {
  readonly partition: Partition;
  /** The account that owns the bucket: the connected one, or the owner the admin confirmed; S3 calls send it as ExpectedBucketOwner, and the queue policy pins aws:SourceAccount to it. */
  readonly bucketOwner: string;
  readonly queueArn: string;
  readonly bucketArn: string;
  readonly roleArn: string;
}

/** Derives them once for every consumer (steps, offline export, diagnostics): the partition follows the Region. */
export function setupArns(setup: Pick<Setup, 'region' | 'bucket' | 'queueName' | 'roleName' | 'bucketOwner'>, accountId: string): SetupArns {
  const partition = partitionOfRegion(setup.region);
  return {
    partition,
    bucketOwner: setup.bucketOwner ?? accountId,
    queueArn: queueArnOf(setup.region, accountId, setup.queueName, partition),
    bucketArn: bucketArn(setup.bucket, partition),
    roleArn: `arn:${partition}:iam::${accountId}:role/${setup.roleName}`,
  };
}
