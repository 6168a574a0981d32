import { isJsonObject } from '../diff/json-object';
import { summarizeChanges } from '../diff/summarize-changes';
import type { ChangeSummary } from '../policy/merge-result';
import { CONFIGURATION_LISTS, type BucketNotificationDocument } from '../policy/notification-document';
import { readNotificationDocument } from '../policy/read-notification-document';
import type { FanOutOwnership } from '../setup/ownership';
import { FAN_OUT_RULE_ID, type FanOutDesign } from './fan-out-design';

/** What the overlap blocker adds to its fix, so the admin knows the wizard can resolve it (GUI button, CLI flag). */
export const FAN_OUT_OFFER =
  'Or let the wizard resolve it with an SNS fan-out ("Resolve with an SNS fan-out"; CLI: --resolve-overlap fan-out): every rule keeps receiving exactly what it receives today.';

/** The bucket notification step's proposal with a fan-out: the design's document, and what becomes of each rule it replaces. */
export function proposeWithFanOut(live: BucketNotificationDocument, design: FanOutDesign) {
  const summary = summarizeChanges(live, design.notification, new Set([`TopicConfiguration ${FAN_OUT_RULE_ID}`]));
  const changed = summary.some((item) => item.kind === 'added' || item.kind === 'replaced' || item.kind === 'removed');
  const notes =
    design.mode === 'reuse-topic'
      ? [`Topic rule ${design.topicRule.Id ?? ''} already sends this setup's events to topic ${design.topicArn}: the bucket's rules stay as they are.`]
      : [
          `Topic rule ${FAN_OUT_RULE_ID} sends to ${design.topicArn} everything the rules it replaces received; each of them now receives the same events through its subscription (SNS fan-out step).`,
          ...design.absorbed.map((r) => `${r.label} is replaced: its destination ${r.destination} is subscribed with a filter reproducing it.`),
        ];
  return { ok: true as const, document: design.notification, summary, changed, notes, warnings: design.warnings };
}

/**
 * Removing a setup that resolved an overlap with a fan-out: when the whole fan-out unwinds, its topic rule gives way to
 * the rules it replaced, exactly as they were (appended to their lists); otherwise the topic rule stays (others receive
 * through it) and the setup's subscription alone is removed (SNS fan-out step).
 */
export function removeFanOutRule(
  current: unknown,
  record: FanOutOwnership,
  unwind: boolean,
):
  | { readonly kind: 'write'; readonly document: BucketNotificationDocument; readonly summary: ChangeSummary; readonly notes: ReadonlyArray<string> }
  | { readonly kind: 'keep'; readonly notes: ReadonlyArray<string> } {
  const read = readNotificationDocument(current ?? {});
  if (!read.ok) return { kind: 'keep', notes: [read.error.message] };
  const live = read.document;
  const hasRule = (live.TopicConfigurations ?? []).some((c) => c.Id === FAN_OUT_RULE_ID && c.TopicArn === record.topicArn);
  if (!unwind || !hasRule) {
    const why = hasRule
      ? `other subscriptions of topic ${record.topicArn} still receive through it`
      : `the bucket has no rule ${FAN_OUT_RULE_ID} sending to ${record.topicArn}`;
    return { kind: 'keep', notes: [`The fan-out's topic rule is kept: ${why}. This setup's subscription is removed in the SNS fan-out step.`] };
  }
  const out: Record<string, unknown> = { ...live };
  for (const { list, kind } of CONFIGURATION_LISTS) {
    const configs: unknown[] = Array.isArray(live[list]) ? [...(live[list] as unknown[])] : [];
    const kept = configs.filter((c) => !(kind === 'TopicConfiguration' && isJsonObject(c) && c['Id'] === FAN_OUT_RULE_ID));
    const restored = [...kept, ...record.originalRules.filter((r) => r.kind === kind).map((r) => r.config)];
    if (restored.length > 0) out[list] = restored;
    else delete out[list];
  }
  const document = out as BucketNotificationDocument;
  return {
    kind: 'write',
    document,
    summary: summarizeChanges(live, document),
    notes: [`The rules the fan-out replaced are put back as they were (${record.originalRules.length}); S3 again sends to each destination directly.`],
  };
}
