import { apiError, type ApiError } from '../contract/api-error';
import type { ChangeSummary } from '../diff/change-summary';
import { isJsonObject, type JsonObject } from '../diff/json-object';
import { documentsEqual } from '../diff/semantic-form';
import { mergeQueuePolicy } from '../policy/merge-queue-policy';
import { mergeStatementsBySid, statementsOf } from '../policy/merge-statements-by-sid';
import { POLICY_VERSION, type PolicyDocument } from '../policy/policy-document';
import type { FanOutDesign, PlannedSubscription } from './fan-out-design';
import { buildTopicPolicy, buildTopicToQueuePolicy, TOPIC_TO_FUNCTION_STATEMENT_ID, topicToQueueSid } from './fan-out-policies';

/** One subscription of the topic as the plan shows it: who receives, raw or wrapped, and its body filter. */
export interface SubscriptionState {
  readonly Protocol: string;
  readonly Endpoint: string;
  readonly RawMessageDelivery: boolean;
  readonly FilterPolicyScope: string | null;
  readonly FilterPolicy: unknown;
}

/**
 * Everything an SNS fan-out changes besides the bucket's rules, as one document so it is planned, diffed, backed up,
 * drift-checked and read back like every other step: the topic (null: absent) and its policy, its subscriptions, and
 * the policies of the other teams' queues and functions that the topic must be allowed to reach.
 */
export interface FanOutDocument {
  readonly Topic: { readonly Policy: unknown } | null;
  readonly Subscriptions: ReadonlyArray<SubscriptionState>;
  /** Other teams' queues (this setup's own queue policy is the queue policy step's), by queue ARN; null: no policy. */
  readonly QueuePolicies: Readonly<Record<string, unknown>>;
  /** Lambda functions' resource policies, by function ARN; null: no policy. */
  readonly FunctionPolicies: Readonly<Record<string, unknown>>;
}

/** A document with nothing: no topic, no subscription. */
export const NO_FAN_OUT: FanOutDocument = { Topic: null, Subscriptions: [], QueuePolicies: {}, FunctionPolicies: {} };

/** Where a subscription goes, as SNS identifies it within a topic. */
export function subscriptionKey(s: Pick<SubscriptionState, 'Protocol' | 'Endpoint'>): string {
  return `${s.Protocol} ${s.Endpoint}`;
}

function stateOf(planned: PlannedSubscription): SubscriptionState {
  return {
    Protocol: planned.protocol,
    Endpoint: planned.endpoint,
    RawMessageDelivery: planned.protocol === 'sqs',
    FilterPolicyScope: 'MessageBody',
    FilterPolicy: planned.filterPolicy,
  };
}

function sameSubscription(a: SubscriptionState, b: SubscriptionState): boolean {
  return a.RawMessageDelivery === b.RawMessageDelivery && a.FilterPolicyScope === b.FilterPolicyScope && documentsEqual(a.FilterPolicy, b.FilterPolicy);
}

/** Lets the topic invoke a function (Lambda Developer Guide, "Invoking Lambda functions with Amazon SNS notifications"). */
function topicToFunctionPolicy(topicArn: string, functionArn: string): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: TOPIC_TO_FUNCTION_STATEMENT_ID,
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: functionArn,
        Condition: { ArnLike: { 'AWS:SourceArn': topicArn } },
      },
    ],
  };
}

/** What the fan-out step proposes: the document, its summary, and what to say; or why it cannot be written. */
export type FanOutProposal =
  | { readonly ok: true; readonly document: FanOutDocument; readonly summary: ChangeSummary; readonly changed: boolean; readonly notes: ReadonlyArray<string> }
  | { readonly ok: false; readonly error: ApiError };

/**
 * The live fan-out with the design in place: the topic with S3's publish statement merged by Sid, one subscription
 * per former destination (raw delivery to queues, the body filter of its rule), and a statement letting the topic
 * reach each other team's queue or function added beside theirs. Subscriptions of others are kept as they are.
 */
export function proposeFanOut(live: FanOutDocument, design: FanOutDesign, ownQueueArn: string, bucket: string, accountId: string): FanOutProposal {
  const summary: Array<ChangeSummary[number]> = [];
  const notes: string[] = [];
  let topic = live.Topic;
  if (design.mode === 'new-topic') {
    const merged = mergeStatementsBySid(live.Topic?.Policy ?? null, buildTopicPolicy(design.topicArn, bucket, accountId), 'topic policy');
    if (!merged.ok) return merged;
    if (live.Topic === null) summary.push({ kind: 'added', label: `Topic ${design.topicArn}` });
    else if (merged.changed) summary.push({ kind: 'replaced', label: `Topic policy of ${design.topicArn}` });
    topic = { Policy: merged.document };
  }
  const subscriptions = [...live.Subscriptions];
  for (const planned of design.subscriptions) {
    const wanted = stateOf(planned);
    const at = subscriptions.findIndex((s) => subscriptionKey(s) === subscriptionKey(wanted));
    if (at < 0) {
      subscriptions.push(wanted);
      summary.push({ kind: 'added', label: `Subscription ${planned.endpoint} (${planned.forRule})` });
    } else if (!sameSubscription(subscriptions[at] as SubscriptionState, wanted)) {
      subscriptions[at] = wanted;
      summary.push({ kind: 'replaced', label: `Subscription ${planned.endpoint} (${planned.forRule})` });
    }
  }
  const queuePolicies: Record<string, unknown> = { ...live.QueuePolicies };
  const functionPolicies: Record<string, unknown> = { ...live.FunctionPolicies };
  for (const planned of design.subscriptions.filter((s) => !s.ours && s.endpoint !== ownQueueArn)) {
    if (planned.protocol === 'sqs') {
      const merged = mergeQueuePolicy(live.QueuePolicies[planned.endpoint] ?? null, buildTopicToQueuePolicy(design.topicArn, planned.endpoint));
      if (!merged.ok) return { ok: false, error: { ...merged.error, message: `Queue ${planned.endpoint}: ${merged.error.message}` } };
      queuePolicies[planned.endpoint] = merged.document;
      if (merged.changed) summary.push({ kind: 'added', label: `Statement ${topicToQueueSid(design.topicArn)} in the policy of queue ${planned.endpoint}` });
    } else {
      const merged = mergeStatementsBySid(
        live.FunctionPolicies[planned.endpoint] ?? null,
        topicToFunctionPolicy(design.topicArn, planned.endpoint),
        'function policy',
      );
      if (!merged.ok) return merged;
      functionPolicies[planned.endpoint] = merged.document;
      if (merged.changed) summary.push({ kind: 'added', label: `Permission ${TOPIC_TO_FUNCTION_STATEMENT_ID} of function ${planned.endpoint}` });
    }
  }
  if (design.mode === 'reuse-topic') notes.push(`Topic ${design.topicArn} already receives this setup's events from the bucket: only a subscription is added.`);
  const document: FanOutDocument = { Topic: topic, Subscriptions: subscriptions, QueuePolicies: queuePolicies, FunctionPolicies: functionPolicies };
  return { ok: true, document, summary, changed: summary.length > 0, notes };
}

/** True when two fan-out documents mean the same: each policy compared as a policy, each subscription by its attributes. */
export function sameFanOut(a: FanOutDocument, b: FanOutDocument): boolean {
  const policies = (x: Readonly<Record<string, unknown>>, y: Readonly<Record<string, unknown>>) =>
    Object.keys(x).length === Object.keys(y).length && Object.entries(x).every(([arn, p]) => arn in y && documentsEqual(p, y[arn]));
  const subs = (x: ReadonlyArray<SubscriptionState>, y: ReadonlyArray<SubscriptionState>) =>
    x.length === y.length && x.every((s) => y.some((t) => subscriptionKey(s) === subscriptionKey(t) && sameSubscription(s, t)));
  return (
    (a.Topic === null) === (b.Topic === null) &&
    (a.Topic === null || documentsEqual(a.Topic.Policy, b.Topic?.Policy)) &&
    subs(a.Subscriptions, b.Subscriptions) &&
    policies(a.QueuePolicies, b.QueuePolicies) &&
    policies(a.FunctionPolicies, b.FunctionPolicies)
  );
}

/** A policy without the statements of these Sids (null when nothing is left, so the policy can be removed). */
function withoutSids(policy: unknown, sids: ReadonlyArray<string>): unknown {
  if (!isJsonObject(policy)) return policy;
  const statements = statementsOf(policy as JsonObject) ?? [];
  const kept = statements.filter((s) => !(isJsonObject(s) && typeof s['Sid'] === 'string' && sids.includes(s['Sid'])));
  if (kept.length === statements.length) return policy;
  return kept.length === 0 ? null : { ...policy, Statement: kept };
}

/** What removing a setup does to its fan-out: its subscription only, or the whole fan-out when nothing but the original rules uses it. */
export type FanOutRemoval =
  | { readonly kind: 'write'; readonly document: FanOutDocument; readonly summary: ChangeSummary; readonly notes: ReadonlyArray<string> }
  | { readonly kind: 'keep'; readonly notes: ReadonlyArray<string> };

/**
 * Takes this setup's subscription off the topic; when `unwind` (the wizard created the topic, the bucket's rule is
 * still the fan-out's, and every subscription left is one it made for the original rules), also removes those
 * subscriptions, the statements it added to the other teams' queues and functions, and the topic.
 */
export function removeFanOut(live: FanOutDocument, ownQueueArn: string, topicArn: string, unwind: boolean): FanOutRemoval {
  const ours = live.Subscriptions.filter((s) => s.Endpoint === ownQueueArn);
  if (!unwind) {
    if (ours.length === 0) return { kind: 'keep', notes: [`Topic ${topicArn} has no subscription for this setup's queue.`] };
    const document = { ...live, Subscriptions: live.Subscriptions.filter((s) => s.Endpoint !== ownQueueArn) };
    return {
      kind: 'write',
      document,
      summary: [{ kind: 'removed', label: `Subscription ${ownQueueArn}` }],
      notes: ['Every other subscription of the topic stays.'],
    };
  }
  const queuePolicies = Object.fromEntries(Object.entries(live.QueuePolicies).map(([arn, p]) => [arn, withoutSids(p, [topicToQueueSid(topicArn)])]));
  const functionPolicies = Object.fromEntries(Object.entries(live.FunctionPolicies).map(([arn, p]) => [arn, withoutSids(p, [TOPIC_TO_FUNCTION_STATEMENT_ID])]));
  const summary: Array<ChangeSummary[number]> = [
    ...live.Subscriptions.map((s) => ({ kind: 'removed' as const, label: `Subscription ${s.Endpoint}` })),
    ...Object.keys(live.QueuePolicies).map((arn) => ({
      kind: 'removed' as const,
      label: `Statement ${topicToQueueSid(topicArn)} in the policy of queue ${arn}`,
    })),
    ...Object.keys(live.FunctionPolicies).map((arn) => ({
      kind: 'removed' as const,
      label: `Permission ${TOPIC_TO_FUNCTION_STATEMENT_ID} of function ${arn}`,
    })),
    ...(live.Topic ? [{ kind: 'removed' as const, label: `Topic ${topicArn}` }] : []),
  ];
  const document: FanOutDocument = { Topic: null, Subscriptions: [], QueuePolicies: queuePolicies, FunctionPolicies: functionPolicies };
  if (sameFanOut(document, live)) return { kind: 'keep', notes: [`Topic ${topicArn} and everything the fan-out added are already gone.`] };
  return {
    kind: 'write',
    document,
    summary: summary.filter((item) => !summaryIsStale(item, live, topicArn)),
    notes: ["The bucket's original rules are put back first, so each team's queue or function receives from S3 directly again."],
  };
}

/** A removal line for something already gone (a statement no longer in the policy). */
function summaryIsStale(item: ChangeSummary[number], live: FanOutDocument, topicArn: string): boolean {
  const queue = Object.entries(live.QueuePolicies).find(([arn]) => item.label.endsWith(`queue ${arn}`));
  if (queue) return withoutSids(queue[1], [topicToQueueSid(topicArn)]) === queue[1];
  const fn = Object.entries(live.FunctionPolicies).find(([arn]) => item.label.endsWith(`function ${arn}`));
  if (fn) return withoutSids(fn[1], [TOPIC_TO_FUNCTION_STATEMENT_ID]) === fn[1];
  return false;
}

/** Refuses a fan-out to a queue SNS cannot deliver to as it is (FIFO, or encrypted with a key SNS may not use). */
export function destinationProblem(queueArn: string, attributes: Readonly<Record<string, string>> | null): ApiError | null {
  if (attributes === null)
    return apiError('NOT_FOUND', `Queue ${queueArn}, the destination of a rule to fan out, does not exist.`, {
      fix: 'Remove the stale rule from the bucket, or recreate the queue, then plan again.',
    });
  const key = attributes['KmsMasterKeyId'];
  if (key)
    return apiError(
      'CONFLICT',
      `Queue ${queueArn} is encrypted with KMS key ${key}; SNS can deliver to it only if that key's policy lets sns.amazonaws.com use it, and the wizard does not change another team's key.`,
      {
        fix: "Ask the queue's owner to allow sns.amazonaws.com kms:GenerateDataKey and kms:Decrypt on the key (or use SSE-SQS), then plan again.",
      },
    );
  return null;
}
