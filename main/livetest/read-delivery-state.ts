import type { DeliveryState } from '../../shared/livetest/diagnose-missing-event';
import { getBucketNotification, getBucketRegion } from '../aws/s3';
import { getQueueAttributes } from '../aws/sqs';
import type { StepContext } from '../steps/step-context';

/** Reads each hop's live state (concurrently) to explain a live test that timed out. */
export async function readDeliveryState(ctx: StepContext, queueUrl: string): Promise<DeliveryState> {
  const [bucketRegion, notification, attrs] = await Promise.all([
    getBucketRegion(ctx.target, { name: ctx.setup.bucket, owner: ctx.bucketOwner }),
    getBucketNotification(ctx.target, { name: ctx.setup.bucket, owner: ctx.bucketOwner }),
    getQueueAttributes(ctx.target, queueUrl, ['Policy', 'KmsMasterKeyId']),
  ]);
  return { bucketRegion, notification, queuePolicy: attrs.Policy ?? null, kmsMasterKeyId: attrs.KmsMasterKeyId ?? null };
}
