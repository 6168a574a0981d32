import { fanOutTopicArn, topicToQueueSid } from '../fanout/fan-out-policies';
import { partitionOfRegion } from '../policy/arns';
import type { BucketNotificationDocument } from '../policy/notification-document';
import { keyFilterOf } from '../policy/notification-document';
import { QUEUE_POLICY_SID } from '../policy/build-queue-policy';
import type { Setup } from '../setup/setup';
import type { SetupArns } from '../setup/setup-arns';
import { createdByThisSetup, savedSetupsUsing, taggedByOther } from './neighbour-setups';
import type { Neighbour, Neighbourhood } from './neighbourhood';
import { conditionValues, listOf, readableStatements, s3SourcesOf } from './policy-statements';
import { isJsonObject, type JsonObject } from '../diff/json-object';

/** What the queue checks need to know about the setup. */
export interface QueueContext extends Pick<SetupArns, 'queueArn' | 'bucketArn'> {
  readonly setup: Setup;
  readonly accountId: string;
  readonly neighbourhood: Neighbourhood;
}

/** True when the queue is this setup's: it created it, or its record says it applied the queue policy statement. */
export function queueIsOwn(ctx: QueueContext): boolean {
  const n = ctx.neighbourhood;
  return createdByThisSetup(ctx.setup, n, n.own?.ownership?.queue?.created, n.queueTags) || n.own?.ownership?.queuePolicySid === QUEUE_POLICY_SID;
}

/**
 * Who else uses this setup's queue: another saved setup naming it, another setup's tag on it, or the queue policy
 * letting S3 (or a topic) send from another source (live wiring). Our own statement for an earlier bucket of an owned
 * queue is ours, and so is the statement the wizard writes for a fan-out topic (its Sid names the topic).
 */
export function otherQueueUsers(ctx: QueueContext, queuePolicy: unknown): ReadonlyArray<Neighbour> {
  const { setup, neighbourhood: n } = ctx;
  const own = queueIsOwn(ctx);
  // The setup's own fan-out topic (recorded, or the one the wizard names for this bucket) sends on the setup's behalf.
  const topics = [n.own?.ownership?.fanOut?.topicArn, fanOutTopicArn(setup.bucket, setup.region, ctx.accountId, partitionOfRegion(setup.region))];
  const wired = s3SourcesOf(queuePolicy)
    .filter(
      (s) => s.sourceArn !== ctx.bucketArn && !(own && s.sid === QUEUE_POLICY_SID) && !topics.includes(s.sourceArn) && s.sid !== topicToQueueSid(s.sourceArn),
    )
    .map((s) => ({ who: `bucket ${s.sourceArn}`, via: 'queue policy' as const }));
  return [...savedSetupsUsing(setup, n, ctx.accountId, (o) => o.setup.queueName === setup.queueName), ...taggedByOther(setup, n, n.queueTags), ...wired];
}

/** "OtherTeam: arn:aws:iam::444455556666:root may sqs:GetQueueAttributes": who a statement lets do what, in a few words. */
function describeStatement(statement: JsonObject): string {
  const sid = typeof statement['Sid'] === 'string' ? `statement ${statement['Sid']}` : 'a statement without Sid';
  const principal = statement['Principal'];
  const who = isJsonObject(principal) ? Object.values(principal).flatMap((p) => listOf(p)) : listOf(principal);
  const effect = statement['Effect'] === 'Deny' ? 'may not' : 'may';
  const what = listOf(statement['Action']);
  return `${sid} (${who.join(', ') || 'no principal'} ${effect} ${what.join(', ') || 'no action'})`;
}

/**
 * Statements of the queue policy that are not this setup's: any other Sid, whatever it allows (another account's
 * read access, another team's consumer), and our Sid for another bucket on a queue that is not ours. Each one means
 * someone else uses the queue, so removing the setup takes out only its own statement and keeps the queue.
 */
export function otherQueuePolicyStatements(ctx: QueueContext, queuePolicy: unknown): ReadonlyArray<Neighbour> {
  const own = queueIsOwn(ctx);
  return readableStatements(queuePolicy)
    .filter((s) => !(s['Sid'] === QUEUE_POLICY_SID && (own || conditionValues(s, 'aws:SourceArn').includes(ctx.bucketArn))))
    .map((s) => ({ who: describeStatement(s), via: 'queue policy' as const }));
}

/**
 * Rules of the bucket that send to this setup's queue but are not this setup's: another Id, or our Id with another
 * scope on a queue that is not ours (a rule with our Id on our own queue is our earlier scope, replaced by the plan).
 */
export function otherRulesToQueue(ctx: QueueContext, notification: BucketNotificationDocument | null): ReadonlyArray<Neighbour> {
  const own = queueIsOwn(ctx) || ctx.neighbourhood.own?.ownership?.notificationId === ctx.setup.queueName;
  const ourScope = { prefix: ctx.setup.prefix, suffix: ctx.setup.suffix };
  return (notification?.QueueConfigurations ?? [])
    .filter((c) => c.QueueArn === ctx.queueArn)
    .filter((c) => {
      if (c.Id !== ctx.setup.queueName) return true;
      const scope = keyFilterOf(c.Filter);
      return !own && (scope.prefix !== ourScope.prefix || scope.suffix !== ourScope.suffix);
    })
    .map((c) => {
      const scope = keyFilterOf(c.Filter);
      return { who: `rule ${c.Id ?? '(no Id)'} for "${scope.prefix}*${scope.suffix}"`, via: 'bucket notification' as const };
    });
}

/** A dedicated queue name to offer instead: the setup's name added, at most 80 characters of [A-Za-z0-9_-] (SQS CreateQueue). */
export function dedicatedQueueName(setup: Pick<Setup, 'name' | 'queueName'>): string {
  return `${setup.queueName}-${setup.name}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 80);
}
