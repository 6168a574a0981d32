import { eventKeyForms } from './event-key-encoding';

/** What one notification rule receives: its event types and its key prefix and suffix (empty: any). */
export interface RuleScope {
  readonly events: ReadonlyArray<string>;
  readonly prefix: string;
  readonly suffix: string;
}

/** A subscription's filter policy on the message body (SNS FilterPolicyScope "MessageBody"). */
export type FilterPolicy = Readonly<Record<string, unknown>>;

/** SNS caps a filter policy's combinations of values at 150 (SNS Developer Guide, "Filter policy constraints"). */
const MAX_COMBINATIONS = 150;

/** A rule's event type as S3 writes it in a message's eventName: "s3:ObjectCreated:*" is every name starting "ObjectCreated:". */
function eventNameCondition(event: string): string | { readonly prefix: string } {
  const name = event.replace(/^s3:/, '');
  return name.endsWith('*') ? { prefix: name.slice(0, -1) } : name;
}

/**
 * The body filter that makes a subscription of the fan-out topic receive exactly what `rule` received from S3, given
 * that the topic's rule already narrows every message to `topic` (SNS Developer Guide, "Message body filtering";
 * S3 event structure). SNS cannot AND a prefix and a suffix on one key, so a rule needing both beyond the topic's own
 * filter cannot be reproduced: that is refused with the reason, never approximated.
 */
export function filterPolicyFor(
  rule: RuleScope,
  topic: RuleScope,
): { readonly ok: true; readonly policy: FilterPolicy } | { readonly ok: false; readonly reason: string } {
  const needsPrefix = rule.prefix !== topic.prefix;
  const needsSuffix = rule.suffix !== topic.suffix;
  if (needsPrefix && needsSuffix) {
    return {
      ok: false,
      reason: `it needs both prefix "${rule.prefix}" and suffix "${rule.suffix}" beyond the shared rule's, and an SNS filter cannot require both on one key`,
    };
  }
  const key = needsPrefix
    ? eventKeyForms(rule.prefix).map((prefix) => ({ prefix }))
    : needsSuffix
      ? eventKeyForms(rule.suffix).map((suffix) => ({ suffix }))
      : null;
  // The event names are always filtered: they keep S3's s3:TestEvent (which has no Records) out of every subscription.
  const events = [...new Set(rule.events)].map(eventNameCondition);
  const policy: FilterPolicy = { Records: { eventName: events, ...(key ? { s3: { object: { key } } } : {}) } };
  const combinations = events.length * (key?.length ?? 1);
  if (combinations > MAX_COMBINATIONS)
    return { ok: false, reason: `its filter would need ${combinations} combinations of values, and SNS allows ${MAX_COMBINATIONS}` };
  return { ok: true, policy };
}
