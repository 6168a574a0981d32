import { apiError, ApiFailure } from '../../shared/contract/api-error';
import { buildQueueConfiguration } from '../../shared/policy/build-bucket-notification';
import { mergeBucketNotification } from '../../shared/policy/merge-bucket-notification';
import { getBucketNotification, getBucketRegion, putBucketNotification } from '../aws/s3';
import type { StepDefinition } from './step-definition';

/**
 * Seed step 3: add our queue configuration to the bucket's notification document, keeping every other configuration
 * and EventBridge (PutBucketNotificationConfiguration replaces the whole document: AWS-NOTES).
 */
export const bucketNotificationStep: StepDefinition = {
  id: 'bucketNotification',
  async read(ctx) {
    ctx.progress(`Reading bucket ${ctx.setup.bucket}: its Region and notification configuration`);
    // Independent reads run together; the notification read's error only matters when the bucket exists.
    const [region, notification] = await Promise.all([
      getBucketRegion(ctx.target, ctx.setup.bucket, ctx.signal),
      getBucketNotification(ctx.target, ctx.setup.bucket, ctx.signal).then(
        (document) => ({ document, error: null }),
        (error: unknown) => ({ document: null, error }),
      ),
    ]);
    if (region === null) {
      throw new ApiFailure(
        apiError('NOT_FOUND', `Bucket ${ctx.setup.bucket} does not exist (NoSuchBucket) or is not visible to ${ctx.callerArn}.`, {
          fix: 'Check the bucket name in the setup, and that this account owns it.',
        }),
      );
    }
    if (region !== ctx.setup.region) {
      throw new ApiFailure(
        apiError('CONFLICT', `Bucket ${ctx.setup.bucket} is in ${region}, but the setup's Region is ${ctx.setup.region}: S3 can only notify a queue in the bucket's Region.`, {
          fix: `Set the setup's Region to ${region} (the queue is created there).`,
        }),
      );
    }
    if (notification.error) throw notification.error;
    return { resource: ctx.bucketArn, document: notification.document, facts: { region } };
  },
  propose(live, ctx) {
    const ours = buildQueueConfiguration({ queueName: ctx.setup.queueName, queueArn: ctx.queueArn, prefix: ctx.setup.prefix, suffix: ctx.setup.suffix });
    const merged = mergeBucketNotification(live.document ?? {}, ours);
    if (!merged.ok) return merged;
    return { ...merged, warnings: [] };
  },
  async write(proposed, _live, ctx) {
    ctx.progress(`Writing the notification configuration of bucket ${ctx.setup.bucket}`);
    await putBucketNotification(ctx.target, ctx.setup.bucket, proposed as never, ctx.signal);
    return 'updated';
  },
};
