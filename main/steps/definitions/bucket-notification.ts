import { apiError, ApiFailure } from '../../../shared/contract/api-error';
import { describeNeighbours } from '../../../shared/neighbours/neighbourhood';
import { dedicatedQueueName, otherRulesToQueue, queueIsOwn } from '../../../shared/neighbours/queue-users';
import { buildQueueConfiguration } from '../../../shared/policy/build-bucket-notification';
import { mergeBucketNotification } from '../../../shared/policy/merge-bucket-notification';
import type { BucketNotificationDocument } from '../../../shared/policy/notification-document';
import { withoutOurRules } from '../../../shared/policy/remove-ours';
import { getBucketNotification, getBucketRegion, putBucketNotification } from '../../aws/s3';
import { clearTestEvents } from '../clear-test-events';
import { nameInResource } from '../resource-name';
import type { StepDefinition } from '../step-definition';
import { FAN_OUT_OFFER, proposeWithFanOut, removeFanOutRule } from '../../../shared/fanout/fan-out-notification';
import { fanOutChoiceOf, fanOutUnwinds } from './sns-fan-out';

/** The bucket and the Region it is in (the queue must be in the same one). */
interface BucketFacts {
  readonly bucket: string;
  readonly region: string;
}

/**
 * Platform guide step 3: add our queue configuration to the bucket's notification document, keeping every other
 * configuration and EventBridge (PutBucketNotificationConfiguration replaces the whole document:
 * docs/aws-behaviour.md#s3-bucket-notifications).
 */
export const bucketNotificationStep: StepDefinition<BucketNotificationDocument, BucketFacts> = {
  id: 'bucketNotification',
  resource: (ctx) => ctx.bucketArn,
  async read(call, resource) {
    const bucket = nameInResource(resource, 'bucket');
    call.progress(`Reading bucket ${bucket}: its Region and notification configuration`);
    // Independent reads run together; the notification read's error only matters when the bucket exists.
    const [region, notification] = await Promise.all([
      getBucketRegion(call.target, bucket, call.signal),
      getBucketNotification(call.target, bucket, call.signal).then(
        (document) => ({ document, error: null }),
        (error: unknown) => ({ document: null, error }),
      ),
    ]);
    if (region === null) {
      throw new ApiFailure(
        apiError('NOT_FOUND', `Bucket ${bucket} does not exist (NoSuchBucket) or is not visible to ${call.callerArn}.`, {
          fix: 'Check the bucket name in the setup, and that this account owns it.',
        }),
      );
    }
    if (notification.error) throw notification.error;
    return { resource, document: notification.document, facts: { bucket, region } };
  },
  offlineLive: (ctx) => ({ resource: ctx.bucketArn, document: {}, facts: { bucket: ctx.setup.bucket, region: ctx.setup.region } }),
  propose(live, ctx) {
    if (live.facts.region !== ctx.setup.region) {
      const error = apiError(
        'CONFLICT',
        `Bucket ${ctx.setup.bucket} is in ${live.facts.region}, but the setup's Region is ${ctx.setup.region}: S3 can only notify a queue in the bucket's Region.`,
        { fix: `Set the setup's Region to ${live.facts.region} (the queue is created there).` },
      );
      return { ok: false, error };
    }
    const neighbours = otherRulesToQueue(ctx, live.document);
    if (neighbours.length > 0) {
      const error = apiError(
        'CONFLICT',
        `The bucket already sends events to queue ${ctx.setup.queueName} for another scope: ${describeNeighbours(neighbours)}. The platform guide asks for a dedicated queue per data source, and this setup would take that rule over.`,
        { fix: `Choose another queue name for this setup (Edit scope), e.g. ${dedicatedQueueName(ctx.setup)}.` },
      );
      return { ok: false, error };
    }
    const choice = fanOutChoiceOf(ctx, live.document ?? {});
    if (choice.kind === 'design') return proposeWithFanOut(live.document ?? {}, choice.design);
    const ours = buildQueueConfiguration({ queueName: ctx.setup.queueName, queueArn: ctx.queueArn, prefix: ctx.setup.prefix, suffix: ctx.setup.suffix });
    const merged = mergeBucketNotification(live.document ?? {}, ours, ctx.setup.name);
    if (!merged.ok) {
      if (choice.kind === 'refused')
        return {
          ...merged,
          error: { ...merged.error, message: `${merged.error.message} An SNS fan-out cannot resolve it exactly: ${choice.reasons.join('; ')}.` },
        };
      // The wizard can resolve an overlap itself, once the admin chooses to (CLI: --resolve-overlap fan-out).
      return choice.kind === 'not-chosen'
        ? { ...merged, error: { ...merged.error, fix: `${merged.error.fix ?? ''} ${FAN_OUT_OFFER}`.trim(), resolutions: ['fan-out'] } }
        : merged;
    }
    return { ...merged, warnings: [] };
  },
  proposeRemoval(live, ctx) {
    const fanOut = ctx.neighbourhood.own?.ownership?.fanOut ?? null;
    if (fanOut) return removeFanOutRule(live.document, fanOut, fanOutUnwinds(ctx));
    const id = ctx.neighbourhood.own?.ownership?.notificationId ?? ctx.setup.queueName;
    const removal = withoutOurRules(live.document, (c) => c.Id === id && c.QueueArn === ctx.queueArn);
    if (!removal.ok) return { kind: 'blocked', error: removal.error };
    if (!removal.removed) return { kind: 'keep', notes: [`The bucket has no rule ${id} sending to queue ${ctx.setup.queueName}.`] };
    return { kind: 'write', document: removal.document, summary: removal.summary, notes: ['Every other rule, and EventBridge, is written back as it is.'] };
  },
  async write(call, live, document) {
    call.progress(`Writing the notification configuration of bucket ${live.facts.bucket}`);
    await putBucketNotification(call.target, live.facts.bucket, document ?? {}, call.signal);
    return 'updated';
  },
  // With a fan-out, the setup's events arrive through the topic rule: it owns no rule of its own.
  owns: (ctx) => ({ notificationId: fanOutChoiceOf(ctx).kind === 'design' ? null : ctx.setup.queueName }),
  // S3 answers a put with an s3:TestEvent; on the setup's own queue it is deleted so the platform never reads it as data.
  async afterWrite(ctx) {
    if (queueIsOwn(ctx)) await clearTestEvents(ctx);
  },
};
