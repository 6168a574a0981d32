import { buildQueueConfiguration } from '../policy/build-bucket-notification';
import type { BucketNotificationDocument } from '../policy/notification-document';
import { findOverlaps } from '../policy/notification-overlap';
import type { Setup } from '../setup/setup';
import { designFanOut, type FanOutDesign } from './fan-out-design';
import { fanOutTopicArn } from './fan-out-policies';

/** Where a setup stands with an SNS fan-out: nothing overlaps; it overlaps and the admin has not chosen; refused; or the design. */
export type FanOutChoice =
  | { readonly kind: 'no-overlap' }
  | { readonly kind: 'not-chosen' }
  | { readonly kind: 'refused'; readonly reasons: ReadonlyArray<string> }
  | { readonly kind: 'design'; readonly design: FanOutDesign };

/** What the choice needs to know of the setup and where it lives. */
export interface FanOutChoiceInput {
  readonly setup: Setup;
  readonly accountId: string;
  readonly queueArn: string;
  readonly partition: string;
  /** True when the setup's saved record holds a fan-out it applied: a re-run keeps it without being asked again. */
  readonly recorded: boolean;
}

/**
 * The fan-out of a setup over the bucket's live rules, when the admin chose it (setup.overlapResolution = "fan-out")
 * and its rule overlaps another, or when the bucket already sends its events through a topic the wizard can reuse.
 * Every step that takes part (the topic, the notification, the setup's own queue policy) asks this same question.
 */
export function fanOutChoice(input: FanOutChoiceInput, live: BucketNotificationDocument | null): FanOutChoice {
  if (live === null) return { kind: 'no-overlap' };
  const ours = buildQueueConfiguration({ queueName: input.setup.queueName, queueArn: input.queueArn, prefix: input.setup.prefix, suffix: input.setup.suffix });
  if (findOverlaps(ours, live).length === 0) return { kind: 'no-overlap' };
  if (input.setup.overlapResolution !== 'fan-out' && !input.recorded) return { kind: 'not-chosen' };
  const result = designFanOut({
    live,
    ours,
    account: input.accountId,
    region: input.setup.region,
    newTopicArn: fanOutTopicArn(input.setup.bucket, input.setup.region, input.accountId, input.partition),
  });
  return result.ok ? { kind: 'design', design: result.design } : { kind: 'refused', reasons: result.refusal.reasons };
}
