import { whatWouldNotOverlap, type NonOverlapOption } from './non-overlapping-scope';
import { configurationLabel, type RuleOverlap } from './notification-overlap';
import { keyFilterOf, type QueueConfiguration } from './notification-document';
import type { OverlapWhy, RuleScope } from './rule-scope';

/**
 * One existing rule that blocks ours, as a blocked plan carries it to the screens: the rule and its destination, both
 * filters, why they overlap part by part, and what would not overlap (shown as a table beside "Edit scope" and the fan-out).
 */
export interface OverlapConflict {
  readonly rule: string;
  readonly destination: string;
  readonly theirs: RuleScope;
  readonly ours: RuleScope & { readonly id: string };
  readonly why: OverlapWhy;
  readonly wouldNotOverlap: ReadonlyArray<NonOverlapOption>;
}

/** The conflicts of our configuration with the rules findOverlaps found; `name` shapes the example prefix (this setup's). */
export function overlapConflicts(candidate: QueueConfiguration, overlaps: ReadonlyArray<RuleOverlap>, name: string): ReadonlyArray<OverlapConflict> {
  const filter = keyFilterOf(candidate.Filter);
  const ours = { id: candidate.Id ?? '', events: [...candidate.Events], prefix: filter.prefix, suffix: filter.suffix };
  return overlaps.map((o) => ({
    rule: configurationLabel(o.kind, o.id, o.index),
    destination: o.arn,
    theirs: o.theirs,
    ours,
    why: o.why,
    wouldNotOverlap: whatWouldNotOverlap(ours, o.theirs, name),
  }));
}
