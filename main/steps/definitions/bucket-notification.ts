import { apiError, ApiFailure } from '../../../shared/contract/api-error';
import { summarizeChanges } from '../../../shared/diff/summarize-changes';
import { describeNeighbours } from '../../../shared/neighbours/neighbourhood';
import { dedicatedQueueName, otherRulesToQueue, queueIsOwn } from '../../../shared/neighbours/queue-users';
import { buildQueueConfiguration } from '../../../shared/policy/build-bucket-notification';
import { mergeBucketNotification } from '../../../shared/policy/merge-bucket-notification';
import type { BucketNotificationDocument } from '../../../shared/policy/notification-document';
import {
  staleRules,
  staleRulesBlocker,
  uncheckedDestinations,
  withoutRules,
  type DestinationCheck,
  type StaleRule,
} from '../../../shared/policy/notification-destinations';
import { withoutOurRules } from '../../../shared/policy/remove-ours';
import { getBucketNotification, getBucketRegion } from '../../aws/s3';
import { checkDestinations } from '../check-destinations';
import { clearTestEvents } from '../clear-test-events';
import { putNotificationDocument } from '../put-notification';
import { nameInResource } from '../resource-name';
import type { PlanContext } from '../step-context';
import type { StepDefinition } from '../step-definition';
import { FAN_OUT_OFFER, proposeWithFanOut, removeFanOutRule } from '../../../shared/fanout/fan-out-notification';
import { fanOutChoiceOf, fanOutUnwinds } from './sns-fan-out';

/** The bucket, the Region it is in (the queue must be in the same one), and whether each rule's destination still exists. */
interface BucketFacts {
  readonly bucket: string;
  readonly region: string;
  /** By destination ARN: exists, missing (S3 would refuse the whole document), or unchecked and why. */
  readonly destinations: Readonly<Record<string, DestinationCheck>>;
}

/** The setup's own rule Id: the one it recorded, else the guide's (the queue name). */
function ourRuleId(ctx: PlanContext): string {
  return ctx.neighbourhood.own?.ownership?.notificationId ?? ctx.setup.queueName;
}

/** Notes about destinations the plan could not check, and about stale rules the admin chose to remove. */
function destinationNotes(document: BucketNotificationDocument | null, facts: BucketFacts, stale: ReadonlyArray<StaleRule>): ReadonlyArray<string> {
  const unchecked = uncheckedDestinations(document, facts.destinations);
  return [
    ...stale
      .filter((r) => r.removed)
      .map((r) => `Rule "${r.ruleId}" (to ${r.kind} ${r.arn}, which ${r.detail}) is removed at your choice; the backup keeps it.`),
    ...(unchecked.length > 0 ? [`Could not check whether these destinations exist: ${unchecked.join('; ')}.`] : []),
  ];
}

/**
 * Platform guide step 3: add our queue configuration to the bucket's notification document, keeping every other
 * configuration and EventBridge (PutBucketNotificationConfiguration replaces the whole document:
 * docs/aws-behaviour.md#s3-bucket-notifications). S3 validates every destination on each write, so a kept rule
 * whose destination was deleted blocks the plan, unless the admin chooses to remove that rule.
 */
export const bucketNotificationStep: StepDefinition<BucketNotificationDocument, BucketFacts> = {
  id: 'bucketNotification',
  // Its write changes the bucket's rules.
  changesNeighbourhood: ['notification'],
  resource: (ctx) => ctx.bucketArn,
  async read(call, resource) {
    const bucket = { name: nameInResource(resource, 'bucket'), owner: call.bucketOwner };
    call.progress(`Reading bucket ${bucket.name}: its Region and notification configuration`);
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
        apiError('NOT_FOUND', `Bucket ${bucket.name} does not exist (NoSuchBucket) or is not visible to ${call.callerArn}.`, {
          fix: 'Check the bucket name in the setup, and that this account owns it.',
        }),
      );
    }
    if (notification.error) throw notification.error;
    call.progress(`Checking that the destinations of bucket ${bucket.name}'s rules still exist`);
    const destinations = await checkDestinations(call, notification.document, region);
    return { resource, document: notification.document, facts: { bucket: bucket.name, region, destinations } };
  },
  offlineLive: (ctx) => ({ resource: ctx.bucketArn, document: {}, facts: { bucket: ctx.setup.bucket, region: ctx.setup.region, destinations: {} } }),
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
    const ours = buildQueueConfiguration({ queueName: ctx.setup.queueName, queueArn: ctx.queueArn, prefix: ctx.setup.prefix, suffix: ctx.setup.suffix });
    const stale = staleRules(live.document, ourRuleId(ctx), live.facts.destinations, ctx.choices.removeStaleRules);
    const blocked = staleRulesBlocker(stale, ctx.setup.bucket);
    if (blocked) {
      // The diff shows where our rule would go (a draft, never written), as for an overlap.
      const draft = ctx.setup.overlapResolution === undefined ? mergeBucketNotification(live.document ?? {}, ours, ctx.setup.name) : null;
      return { ok: false, error: blocked, staleRules: stale, ...(draft?.ok ? { draft: draft.document } : {}) };
    }
    const removed = stale.map((r) => r.ruleId);
    const base = removed.length > 0 ? withoutRules(live.document ?? {}, removed) : (live.document ?? {});
    const choice = fanOutChoiceOf(ctx, base);
    if (choice.kind === 'design') return { ...proposeWithFanOut(live.document ?? {}, choice.design), staleRules: stale };
    const merged = mergeBucketNotification(base, ours, ctx.setup.name);
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
    const notes = [...merged.notes, ...destinationNotes(live.document, live.facts, stale)];
    if (removed.length === 0) return { ...merged, notes, warnings: [], staleRules: stale };
    return { ...merged, changed: true, summary: summarizeChanges(live.document, merged.document), notes, warnings: [], staleRules: stale };
  },
  proposeRemoval(live, ctx) {
    const fanOut = ctx.neighbourhood.own?.ownership?.fanOut ?? null;
    if (fanOut) return removeFanOutRule(live.document, fanOut, fanOutUnwinds(ctx));
    const id = ourRuleId(ctx);
    const removal = withoutOurRules(live.document, (c) => c.Id === id && c.QueueArn === ctx.queueArn);
    if (!removal.ok) return { kind: 'blocked', error: removal.error };
    if (!removal.removed) return { kind: 'keep', notes: [`The bucket has no rule ${id} sending to queue ${ctx.setup.queueName}.`] };
    // Removing our rule is one more write of the whole document, so S3 validates the other rules' destinations again.
    const stale = staleRules(live.document, id, live.facts.destinations, ctx.choices.removeStaleRules);
    const blocked = staleRulesBlocker(stale, ctx.setup.bucket);
    if (blocked) return { kind: 'blocked', error: blocked };
    const removed = stale.map((r) => r.ruleId);
    const document = removed.length > 0 && removal.document ? withoutRules(removal.document, removed) : removal.document;
    const notes = ['Every other rule, and EventBridge, is written back as it is.', ...destinationNotes(live.document, live.facts, stale)];
    return { kind: 'write', document, summary: summarizeChanges(live.document, document), notes };
  },
  async write(call, live, document) {
    call.progress(`Writing the notification configuration of bucket ${live.facts.bucket}`);
    const bucket = { name: live.facts.bucket, owner: call.bucketOwner, arn: live.resource, region: live.facts.region };
    await putNotificationDocument(call, bucket, document ?? {});
    return 'updated';
  },
  // With a fan-out, the setup's events arrive through the topic rule: it owns no rule of its own.
  owns: (ctx) => ({ notificationId: fanOutChoiceOf(ctx).kind === 'design' ? null : ctx.setup.queueName }),
  // S3 answers a put with an s3:TestEvent; on the setup's own queue it is deleted so the platform never reads it as data.
  async afterWrite(ctx) {
    if (queueIsOwn(ctx)) await clearTestEvents(ctx);
  },
};
