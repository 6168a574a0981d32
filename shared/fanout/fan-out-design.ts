import { isJsonObject } from '../diff/json-object';
import { parseArn } from '../policy/arns';
import { eventCovers, prefixesOverlap, sharedEventTypes, suffixesOverlap } from '../policy/event-type-overlap';
import {
  CONFIGURATION_LISTS,
  keyFilterOf,
  type BucketNotificationDocument,
  type ConfigurationKind,
  type QueueConfiguration,
  type TopicConfiguration,
} from '../policy/notification-document';
import { configurationLabel } from '../policy/notification-overlap';
import { filterPolicyFor, type FilterPolicy, type RuleScope } from './subscription-filter';

/** One rule of the bucket's document, where it stands (its list and position) and what it sends where. */
export interface NotificationRule {
  readonly kind: ConfigurationKind;
  readonly index: number;
  readonly label: string;
  /** The configuration exactly as read, so a restore can put it back as it was. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly destination: string;
  readonly scope: RuleScope;
}

/** A subscription the fan-out topic needs: one per former destination, with the filter that reproduces its rule. */
export interface PlannedSubscription {
  readonly protocol: 'sqs' | 'lambda';
  readonly endpoint: string;
  readonly filterPolicy: FilterPolicy;
  /** The rule it stands in for ("ours" for this setup's). */
  readonly forRule: string;
  readonly ours: boolean;
}

/** The fan-out that resolves an overlap: the topic, the rule that feeds it, the rules it replaces and the subscriptions. */
export interface FanOutDesign {
  /** "new-topic": one TopicConfiguration replaces the overlapping rules; "reuse-topic": an existing topic rule already covers ours. */
  readonly mode: 'new-topic' | 'reuse-topic';
  readonly topicArn: string;
  readonly topicRule: TopicConfiguration;
  /** The rules the topic rule replaces (empty when reusing), as they were. */
  readonly absorbed: ReadonlyArray<NotificationRule>;
  readonly subscriptions: ReadonlyArray<PlannedSubscription>;
  /** The bucket's notification document with the fan-out in place (unchanged when reusing). */
  readonly notification: BucketNotificationDocument;
  /** Things the admin must know (a Lambda function now receives the event inside an SNS message). */
  readonly warnings: ReadonlyArray<string>;
}

/** What the design needs: the live document, this setup's rule, and where the topic would live. */
export interface FanOutInput {
  readonly live: BucketNotificationDocument;
  readonly ours: QueueConfiguration;
  readonly account: string;
  readonly region: string;
  /** The topic the wizard creates when no existing topic rule can be reused. */
  readonly newTopicArn: string;
}

/** Why a fan-out cannot resolve this overlap exactly: named rules and reasons, never a silent approximation. */
export interface FanOutRefusal {
  readonly reasons: ReadonlyArray<string>;
}

/** The TopicConfiguration Id the wizard gives the fan-out rule (found again by it on a re-run, a restore or a remove). */
export const FAN_OUT_RULE_ID = 'sqs-s3-wizard-fan-out';

/** Every Queue/Topic/Lambda rule of a document, in document order. */
export function rulesOf(doc: BucketNotificationDocument): ReadonlyArray<NotificationRule> {
  return CONFIGURATION_LISTS.flatMap(({ list, kind, arnKey }) => {
    const configs: unknown = doc[list];
    if (!Array.isArray(configs)) return [];
    return configs.flatMap((config: unknown, index): NotificationRule[] => {
      if (!isJsonObject(config) || !Array.isArray(config['Events'])) return [];
      const { prefix, suffix } = keyFilterOf(config['Filter'] as QueueConfiguration['Filter']);
      const id = typeof config['Id'] === 'string' ? config['Id'] : null;
      const destination = typeof config[arnKey] === 'string' ? (config[arnKey] as string) : '';
      return [
        { kind, index, label: configurationLabel(kind, id, index), config, destination, scope: { events: config['Events'] as string[], prefix, suffix } },
      ];
    });
  });
}

function overlaps(a: RuleScope, b: RuleScope): boolean {
  return sharedEventTypes(a.events, b.events).length > 0 && prefixesOverlap(a.prefix, b.prefix) && suffixesOverlap(a.suffix, b.suffix);
}

/** True when `outer` receives everything `inner` does: its events cover them and its filter is no narrower. */
function covers(outer: RuleScope, inner: RuleScope): boolean {
  return inner.events.every((e) => outer.events.some((o) => eventCovers(o, e))) && inner.prefix.startsWith(outer.prefix) && inner.suffix.endsWith(outer.suffix);
}

function commonPrefix(values: ReadonlyArray<string>): string {
  return values.reduce((acc, v) => {
    let i = 0;
    while (i < acc.length && i < v.length && acc[i] === v[i]) i++;
    return acc.slice(0, i);
  });
}

function commonSuffix(values: ReadonlyArray<string>): string {
  const reversed = values.map((v) => [...v].reverse().join(''));
  return [...commonPrefix(reversed)].reverse().join('');
}

/** The narrowest scope that covers all of them: every event type, the common prefix and the common suffix. */
function widestCommon(scopes: ReadonlyArray<RuleScope>): RuleScope {
  return {
    events: [...new Set(scopes.flatMap((s) => s.events))],
    prefix: commonPrefix(scopes.map((s) => s.prefix)),
    suffix: commonSuffix(scopes.map((s) => s.suffix)),
  };
}

function topicConfiguration(topicArn: string, scope: RuleScope): TopicConfiguration {
  const rules = [...(scope.prefix ? [{ Name: 'prefix', Value: scope.prefix }] : []), ...(scope.suffix ? [{ Name: 'suffix', Value: scope.suffix }] : [])];
  return { Id: FAN_OUT_RULE_ID, TopicArn: topicArn, Events: [...scope.events], ...(rules.length > 0 ? { Filter: { Key: { FilterRules: rules } } } : {}) };
}

/**
 * The topic rule that carries this setup's events once a fan-out is in place: a TopicConfiguration in this account and
 * Region whose events and filter cover the setup's rule (diagnostics and the live test follow the events through it).
 */
export function topicRuleCovering(live: BucketNotificationDocument, ours: QueueConfiguration, account: string, region: string): NotificationRule | null {
  const scope: RuleScope = { events: ours.Events, ...keyFilterOf(ours.Filter) };
  return (
    rulesOf(live).find((r) => {
      const arn = parseArn(r.destination);
      return r.kind === 'TopicConfiguration' && covers(r.scope, scope) && arn?.account === account && arn.region === region;
    }) ?? null
  );
}

/** Where a former destination can be subscribed from a topic in this account and Region, or why not. */
function subscriptionTarget(rule: NotificationRule, input: FanOutInput): { readonly protocol: 'sqs' | 'lambda' } | { readonly refused: string } {
  const arn = parseArn(rule.destination);
  if (!arn) return { refused: `${rule.label}: its destination "${rule.destination}" is not an ARN` };
  if (arn.account !== input.account || arn.region !== input.region)
    return { refused: `${rule.label}: its destination ${rule.destination} is in another account or Region, whose policies this account cannot change` };
  if (rule.kind === 'QueueConfiguration') return { protocol: 'sqs' };
  if (rule.kind === 'LambdaFunctionConfiguration') return { protocol: 'lambda' };
  return { refused: `${rule.label}: it sends to topic ${rule.destination}, and SNS cannot subscribe one topic to another` };
}

/** The one existing topic rule that already covers ours, in this account and Region: then only a subscription is added. */
function reusableTopicRule(overlapping: ReadonlyArray<NotificationRule>, ours: RuleScope, input: FanOutInput): NotificationRule | null {
  const [only] = overlapping;
  if (overlapping.length !== 1 || only?.kind !== 'TopicConfiguration' || !covers(only.scope, ours)) return null;
  const arn = parseArn(only.destination);
  return arn && arn.account === input.account && arn.region === input.region ? only : null;
}

function subscriptionFor(
  rule: RuleScope,
  label: string,
  protocol: 'sqs' | 'lambda',
  endpoint: string,
  topic: RuleScope,
  ours: boolean,
): { readonly refused: string } | { readonly subscription: PlannedSubscription } {
  const filter = filterPolicyFor(rule, topic);
  if (!filter.ok) return { refused: `${label}: ${filter.reason}` };
  return { subscription: { protocol, endpoint, filterPolicy: filter.policy, forRule: label, ours } };
}

/**
 * Resolves an overlap the way Snowflake's, Sumo Logic's and Cribl's guides do by hand: one SNS topic rule replaces the
 * overlapping rules (and any rule its wider filter would overlap), and each former destination is subscribed with raw
 * delivery and a body filter reproducing its own rule exactly. Rules that do not overlap, their order and
 * EventBridge stay as they are. Refused, with every reason, when something cannot be reproduced exactly.
 */
export function designFanOut(
  input: FanOutInput,
): { readonly ok: true; readonly design: FanOutDesign } | { readonly ok: false; readonly refusal: FanOutRefusal } {
  const ours: RuleScope = { events: input.ours.Events, ...keyFilterOf(input.ours.Filter) };
  const all = rulesOf(input.live).filter((r) => !(r.kind === 'QueueConfiguration' && r.config['Id'] === input.ours.Id));
  const first = all.filter((r) => overlaps(r.scope, ours));
  const oursLabel = `this setup's rule ${input.ours.Id ?? ''}`.trim();
  const reuse = reusableTopicRule(first, ours, input);
  if (reuse) {
    const sub = subscriptionFor(ours, oursLabel, 'sqs', input.ours.QueueArn, reuse.scope, true);
    if ('refused' in sub) return { ok: false, refusal: { reasons: [sub.refused] } };
    const design: FanOutDesign = {
      mode: 'reuse-topic',
      topicArn: reuse.destination,
      topicRule: reuse.config as unknown as TopicConfiguration,
      absorbed: [],
      subscriptions: [sub.subscription],
      notification: input.live,
      warnings: [],
    };
    return { ok: true, design };
  }
  // Absorb every rule the widened topic rule would overlap, until none is left.
  const absorbed = [...first];
  let topic = widestCommon([ours, ...absorbed.map((r) => r.scope)]);
  for (let more = all.filter((r) => !absorbed.includes(r) && overlaps(r.scope, topic)); more.length > 0;) {
    absorbed.push(...more);
    topic = widestCommon([ours, ...absorbed.map((r) => r.scope)]);
    more = all.filter((r) => !absorbed.includes(r) && overlaps(r.scope, topic));
  }
  const reasons: string[] = [];
  const subscriptions: PlannedSubscription[] = [];
  const warnings: string[] = [];
  for (const rule of absorbed) {
    const target = subscriptionTarget(rule, input);
    if ('refused' in target) {
      reasons.push(target.refused);
      continue;
    }
    const sub = subscriptionFor(rule.scope, rule.label, target.protocol, rule.destination, topic, false);
    if ('refused' in sub) reasons.push(sub.refused);
    else subscriptions.push(sub.subscription);
    if (target.protocol === 'lambda')
      warnings.push(
        `Function ${rule.destination} (${rule.label}) will receive each S3 event inside an SNS message (event.Records[0].Sns.Message holds the S3 event as text): its code must read it from there.`,
      );
  }
  const own = subscriptionFor(ours, oursLabel, 'sqs', input.ours.QueueArn, topic, true);
  if ('refused' in own) reasons.push(own.refused);
  else subscriptions.push(own.subscription);
  const endpoints = subscriptions.map((s) => s.endpoint);
  for (const endpoint of new Set(endpoints.filter((e, i) => endpoints.indexOf(e) !== i)))
    reasons.push(`two of the rules send to ${endpoint}, and a topic holds one subscription per endpoint, so their filters could not be kept apart`);
  if (reasons.length > 0) return { ok: false, refusal: { reasons } };
  const topicRule = topicConfiguration(input.newTopicArn, topic);
  const design: FanOutDesign = {
    mode: 'new-topic',
    topicArn: input.newTopicArn,
    topicRule,
    absorbed,
    subscriptions,
    notification: withFanOut(input.live, absorbed, topicRule),
    warnings,
  };
  return { ok: true, design };
}

/** The document with the absorbed rules taken out (every other rule in its place) and the topic rule added last among the topics. */
function withFanOut(live: BucketNotificationDocument, absorbed: ReadonlyArray<NotificationRule>, topicRule: TopicConfiguration): BucketNotificationDocument {
  const out: Record<string, unknown> = { ...live };
  for (const { list, kind } of CONFIGURATION_LISTS) {
    const configs: unknown = live[list];
    const kept = Array.isArray(configs) ? configs.filter((_c, index) => !absorbed.some((r) => r.kind === kind && r.index === index)) : [];
    const next = list === 'TopicConfigurations' ? [...kept.filter((c) => !(isJsonObject(c) && c['Id'] === FAN_OUT_RULE_ID)), topicRule] : kept;
    if (next.length > 0) out[list] = next;
    else delete out[list];
  }
  return out as BucketNotificationDocument;
}
