import { prefixesOverlap, sharedEventTypes, suffixesOverlap } from './event-type-overlap';
import type { RuleScope } from './rule-scope';

/** One way out of an overlap: which part changes, whether it can work at all, in words, and an example value that works. */
export interface NonOverlapOption {
  readonly change: 'our-prefix' | 'our-suffix' | 'their-rule';
  readonly possible: boolean;
  readonly text: string;
  /** A value of that part that would not overlap this rule (checked with the same overlap rules), or null. */
  readonly example: string | null;
}

function quote(value: string): string {
  return `"${value}"`;
}

/** Example prefixes of our own, tried in order: one named for this setup, one beside theirs, one under a folder of the platform's. */
function prefixCandidates(theirs: string, name: string): ReadonlyArray<string> {
  const stem = theirs.replace(/\/+$/, '');
  return [`${name}/`, `${stem}-${name}/`, `platform/${name}/`, `data/${name}/`];
}

/**
 * What would not overlap one existing rule (S3: two rules overlap when they share an event type, their prefixes overlap
 * and their suffixes overlap; docs/aws-behaviour.md#overlapping-rules). Ours always needs every ObjectCreated event, so
 * our side can only move its prefix or its suffix away from theirs; an empty prefix or suffix of theirs matches every
 * key, so that way is closed. Their owner can also narrow their rule. `name` shapes the example prefix (this setup's).
 */
export function whatWouldNotOverlap(ours: RuleScope, theirs: RuleScope, name: string): ReadonlyArray<NonOverlapOption> {
  const byPrefix: NonOverlapOption =
    theirs.prefix === ''
      ? { change: 'our-prefix', possible: false, text: 'No prefix of ours: their rule has no prefix, so it matches every key.', example: null }
      : {
          change: 'our-prefix',
          possible: true,
          text: `A prefix of ours that neither starts with ${quote(theirs.prefix)} nor is the start of it (the platform's objects under a folder of their own).`,
          example: prefixCandidates(theirs.prefix, name).find((p) => !prefixesOverlap(p, theirs.prefix)) ?? null,
        };
  const bySuffix: NonOverlapOption =
    theirs.suffix === ''
      ? { change: 'our-suffix', possible: false, text: 'No suffix of ours: their rule has no suffix, so it matches every key.', example: null }
      : {
          change: 'our-suffix',
          possible: true,
          text: `A suffix of ours that neither ends with ${quote(theirs.suffix)} nor ends it (only if the platform's files end differently).`,
          example: null,
        };
  const shared = sharedEventTypes(ours.events, theirs.events);
  const theirSide: NonOverlapOption = {
    change: 'their-rule',
    possible: true,
    text: `Their rule narrowed by its owner: without ${shared.join(', ')}, or with a prefix or suffix apart from ours (${describeScope(ours)}).`,
    example: null,
  };
  return [byPrefix, bySuffix, theirSide];
}

/** A scope in words: `prefix "incoming/", suffix ".csv"`, "(none)" for an empty part. */
export function describeScope(scope: Pick<RuleScope, 'prefix' | 'suffix'>): string {
  const part = (value: string) => (value === '' ? '(none)' : quote(value));
  return `prefix ${part(scope.prefix)}, suffix ${part(scope.suffix)}`;
}

/** True when two scopes overlap as S3 judges rules (shared event type, overlapping prefixes and suffixes). */
export function scopesOverlap(a: RuleScope, b: RuleScope): boolean {
  return sharedEventTypes(a.events, b.events).length > 0 && prefixesOverlap(a.prefix, b.prefix) && suffixesOverlap(a.suffix, b.suffix);
}
