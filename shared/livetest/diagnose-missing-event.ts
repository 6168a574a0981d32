import { eventCovers } from '../policy/event-type-overlap';
import type { AwsStepId } from '../steps/aws-steps';
import { keyFilterOf, type BucketNotificationDocument } from '../policy/notification-document';
import { queuePolicyAllowsS3 } from '../policy-eval/queue-policy-allows-s3';
import { queuePolicyAllowsTopic, topicPolicyAllowsS3 } from '../policy-eval/fan-out-hops';
import { eventKeyForms } from '../fanout/event-key-encoding';
import { snsFilterMatches } from '../fanout/sns-filter-matches';

/** The live state read after a live test timed out. */
export interface DeliveryState {
  readonly bucketRegion: string | null;
  readonly notification: BucketNotificationDocument | null;
  readonly queuePolicy: unknown;
  readonly kmsMasterKeyId: string | null;
  /** When no rule sends to the queue directly: the topic rule covering the setup, the topic's policy and the queue's subscription. */
  readonly fanOut?: {
    readonly topicArn: string;
    readonly topicPolicy: unknown;
    readonly subscription: { readonly raw: boolean; readonly filterPolicy: unknown } | null;
  } | null;
}

/** What the live test expected to happen. */
export interface DeliveryExpectation {
  readonly region: string;
  readonly bucketArn: string;
  readonly queueArn: string;
  readonly accountId: string;
  readonly key: string;
}

/** Where a live test's fix is made: an AWS step, or the scope (the Region). */
export type FixStep = AwsStepId | 'scope';

/** The hop that most likely failed, in words, and the fix. */
export interface Diagnosis {
  readonly hop: 'region' | 'notification-missing' | 'notification-filter' | 'fan-out' | 'queue-policy' | 'kms' | 'unknown';
  readonly message: string;
  readonly fix: string;
}

/** The wizard step whose plan makes each hop's fix (null: no step can; wait and run again). */
export const FIX_STEP_OF_HOP: Readonly<Record<Diagnosis['hop'], FixStep | null>> = {
  region: 'scope',
  'notification-missing': 'bucketNotification',
  'notification-filter': 'bucketNotification',
  'fan-out': 'snsFanOut',
  'queue-policy': 'queuePolicy',
  kms: 'kmsKeyPolicy',
  unknown: null,
};

/**
 * Why an upload's event did not reach the queue, from the live state, checking each hop from S3 to SQS in order:
 * Region, a notification configuration for the queue, its events and filter against the key, the queue policy
 * (semantic check), and the queue's KMS key (docs/aws-behaviour.md#sqs-queues).
 */
export function diagnoseMissingEvent(state: DeliveryState, expected: DeliveryExpectation): Diagnosis {
  if (state.bucketRegion !== null && state.bucketRegion !== expected.region) {
    return {
      hop: 'region',
      message: `The bucket is in ${state.bucketRegion} but the queue is in ${expected.region}: S3 cannot notify a queue in another Region.`,
      fix: `Use a queue in ${state.bucketRegion} (set the setup's Region to it and apply again).`,
    };
  }
  const ours = (state.notification?.QueueConfigurations ?? []).filter((c) => c.QueueArn === expected.queueArn);
  if (ours.length === 0 && state.fanOut) return diagnoseFanOut(state, state.fanOut, expected);
  if (ours.length === 0) {
    return {
      hop: 'notification-missing',
      message: `The bucket's notification configuration has no rule sending to ${expected.queueArn}.`,
      fix: 'Apply the bucket notification step again (it adds the rule and keeps the others).',
    };
  }
  const matching = ours.filter((c) => c.Events.some((e) => eventCovers(e, 's3:ObjectCreated:Put')));
  if (matching.length === 0) {
    return {
      hop: 'notification-filter',
      message: `The rule for the queue does not include ObjectCreated events (it has ${ours.flatMap((c) => c.Events).join(', ')}).`,
      fix: 'Apply the bucket notification step again to set s3:ObjectCreated:*.',
    };
  }
  const covers = matching.some((c) => {
    const { prefix, suffix } = keyFilterOf(c.Filter);
    return expected.key.startsWith(prefix) && expected.key.endsWith(suffix);
  });
  if (!covers) {
    const filters = matching.map((c) => JSON.stringify(keyFilterOf(c.Filter))).join(', ');
    return {
      hop: 'notification-filter',
      message: `The rule's filter ${filters} does not match the test key "${expected.key}".`,
      fix: "Make the setup's prefix/suffix and the rule agree: apply the bucket notification step again.",
    };
  }
  const decision = queuePolicyAllowsS3({
    policy: state.queuePolicy,
    queueArn: expected.queueArn,
    bucketArn: expected.bucketArn,
    accountId: expected.accountId,
  });
  // Only a refusal is a cause; an answer that depends on what cannot be known is left to the next hops.
  if (decision.status === 'denied') {
    return {
      hop: 'queue-policy',
      message: `The queue policy does not let S3 send from ${expected.bucketArn}: ${decision.reason}`,
      fix: 'Apply the queue policy step again.',
    };
  }
  return afterTheQueuePolicy(state);
}

/** Through an SNS fan-out: the topic policy, the subscription (raw delivery, its filter against the test key), the queue policy for the topic. */
function diagnoseFanOut(state: DeliveryState, f: NonNullable<DeliveryState['fanOut']>, expected: DeliveryExpectation): Diagnosis {
  const fix = 'Apply the SNS fan-out step again (it writes the topic policy and the subscription).';
  const publish = topicPolicyAllowsS3({ policy: f.topicPolicy, topicArn: f.topicArn, bucketArn: expected.bucketArn, accountId: expected.accountId });
  if (publish.status === 'denied') return { hop: 'fan-out', message: `The topic policy of ${f.topicArn} does not let S3 publish: ${publish.reason}`, fix };
  if (f.subscription === null) return { hop: 'fan-out', message: `Queue ${expected.queueArn} is not subscribed to topic ${f.topicArn}.`, fix };
  const message = (key: string) => ({ Records: [{ eventName: 'ObjectCreated:Put', s3: { object: { key } } }] });
  if (!eventKeyForms(expected.key).some((key) => snsFilterMatches(f.subscription?.filterPolicy, message(key))))
    return { hop: 'fan-out', message: `The subscription's filter of ${expected.queueArn} drops the test key "${expected.key}".`, fix };
  const send = queuePolicyAllowsTopic({ policy: state.queuePolicy, queueArn: expected.queueArn, topicArn: f.topicArn, accountId: expected.accountId });
  if (send.status === 'denied')
    return {
      hop: 'queue-policy',
      message: `The queue policy does not let topic ${f.topicArn} send: ${send.reason}`,
      fix: 'Apply the queue policy step again.',
    };
  if (!f.subscription.raw)
    return { hop: 'fan-out', message: 'Raw message delivery is off: the queue receives SNS envelopes the platform cannot read as S3 events.', fix };
  return afterTheQueuePolicy(state);
}

/** The hops after the queue policy: the queue's KMS key, then nothing left to blame. */
function afterTheQueuePolicy(state: DeliveryState): Diagnosis {
  if (state.kmsMasterKeyId) {
    return {
      hop: 'kms',
      message: `The queue is encrypted with KMS key ${state.kmsMasterKeyId}; S3 needs kms:GenerateDataKey and kms:Decrypt on it.`,
      fix: 'Apply the KMS key policy step (it adds the statement S3 needs to the key policy), or switch the queue to SSE-SQS.',
    };
  }
  return {
    hop: 'unknown',
    message: 'Every hop looks right: the configuration may not have taken effect yet (on AWS this can take a few minutes).',
    fix: 'Run the live test again with a longer timeout.',
  };
}
