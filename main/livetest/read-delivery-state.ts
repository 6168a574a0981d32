import type { DeliveryState } from '../../shared/livetest/diagnose-missing-event';
import { getBucketNotification, getBucketRegion } from '../aws/s3';
import { getQueueAttributes } from '../aws/sqs';
import { getTopicPolicy, listTopicSubscriptions } from '../aws/sns';
import { topicRuleCovering } from '../../shared/fanout/fan-out-design';
import { buildQueueConfiguration } from '../../shared/policy/build-bucket-notification';
import type { StepContext } from '../steps/step-context';

/** Reads each hop's live state (concurrently) to explain a live test that timed out. */
export async function readDeliveryState(ctx: StepContext, queueUrl: string): Promise<DeliveryState> {
  const [bucketRegion, notification, attrs] = await Promise.all([
    getBucketRegion(ctx.target, { name: ctx.setup.bucket, owner: ctx.bucketOwner }),
    getBucketNotification(ctx.target, { name: ctx.setup.bucket, owner: ctx.bucketOwner }),
    getQueueAttributes(ctx.target, queueUrl, ['Policy', 'KmsMasterKeyId']),
  ]);
  // No rule to the queue directly: follow the topic rule that covers the setup (an SNS fan-out).
  const direct = (notification?.QueueConfigurations ?? []).some((q) => q.QueueArn === ctx.queueArn);
  const ours = buildQueueConfiguration({ queueName: ctx.setup.queueName, queueArn: ctx.queueArn, prefix: ctx.setup.prefix, suffix: ctx.setup.suffix });
  const rule = !direct && notification ? topicRuleCovering(notification, ours, ctx.accountId, ctx.setup.region) : null;
  const fanOut = rule ? await readFanOut(ctx, rule.destination) : null;
  return { bucketRegion, notification, queuePolicy: attrs.Policy ?? null, kmsMasterKeyId: attrs.KmsMasterKeyId ?? null, fanOut };
}

async function readFanOut(ctx: StepContext, topicArn: string): Promise<NonNullable<DeliveryState['fanOut']>> {
  const [topic, subscriptions] = await Promise.all([getTopicPolicy(ctx.target, topicArn), listTopicSubscriptions(ctx.target, topicArn)]);
  const mine = subscriptions.find((s) => s.protocol === 'sqs' && s.endpoint === ctx.queueArn);
  const filter = mine?.attributes['FilterPolicy'];
  return {
    topicArn,
    topicPolicy: topic?.policy ?? null,
    subscription: mine ? { raw: mine.attributes['RawMessageDelivery'] === 'true', filterPolicy: filter ? (JSON.parse(filter) as unknown) : null } : null,
  };
}
