import { isJsonObject } from '../diff/json-object';
import { prefixesOverlap, sharedEventTypes, suffixesOverlap } from './event-type-overlap';
import { CONFIGURATION_LISTS, keyFilterOf, type BucketNotificationDocument, type ConfigurationKind, type QueueConfiguration } from './notification-document';
import type { OverlapWhy, RuleScope } from './rule-scope';

/** An existing configuration that stands in the way of ours, and why in words. */
export interface ConflictingConfiguration {
  readonly kind: ConfigurationKind;
  readonly id: string | null;
  /** Position in its list, for configurations without an Id. */
  readonly index: number;
  readonly arn: string;
  readonly reason: string;
}

/** An existing rule that overlaps ours: what it matches, and why they overlap, part by part. */
export interface RuleOverlap extends ConflictingConfiguration {
  readonly theirs: RuleScope;
  readonly why: OverlapWhy;
}

/** How an existing configuration is named in messages and summaries. */
export function configurationLabel(kind: ConfigurationKind, id: string | null | undefined, index: number): string {
  return id ? `${kind} "${id}"` : `${kind} [${index}] (no Id)`;
}

function quote(value: string): string {
  return value === '' ? '(none)' : `"${value}"`;
}

function prefixReason(ours: string, theirs: string): string {
  if (theirs === '' || ours === '') return `${theirs === '' ? 'its' : 'our'} empty prefix matches every key`;
  if (ours === theirs) return `both use prefix "${ours}"`;
  return ours.startsWith(theirs) ? `our prefix "${ours}" starts with its prefix "${theirs}"` : `its prefix "${theirs}" starts with ours, "${ours}"`;
}

function suffixReason(ours: string, theirs: string): string {
  if (theirs === '' || ours === '') return `${theirs === '' ? 'its' : 'our'} empty suffix matches every key`;
  if (ours === theirs) return `both use suffix "${ours}"`;
  return ours.endsWith(theirs) ? `our suffix "${ours}" ends with its suffix "${theirs}"` : `its suffix "${theirs}" ends with ours, "${ours}"`;
}

type AnyConfiguration = { readonly Id?: string; readonly Events: ReadonlyArray<string>; readonly Filter?: QueueConfiguration['Filter'] };

function eachConfiguration(
  doc: BucketNotificationDocument,
  visit: (kind: ConfigurationKind, config: AnyConfiguration, arn: string, index: number) => void,
): void {
  for (const { list, kind, arnKey } of CONFIGURATION_LISTS) {
    const configs: unknown = doc[list];
    if (!Array.isArray(configs)) continue;
    configs.forEach((config: unknown, index) => {
      if (!isJsonObject(config) || !Array.isArray(config['Events'])) return;
      const arn = config[arnKey];
      visit(kind, config as unknown as AnyConfiguration, typeof arn === 'string' ? arn : '', index);
    });
  }
}

/**
 * Existing configurations S3 would call "ambiguously defined" next to ours: a shared event type (wildcards included),
 * overlapping prefixes and overlapping suffixes (docs/aws-behaviour.md#s3-bucket-notifications). Our own configuration (same Id) is skipped.
 */
export function findOverlaps(candidate: QueueConfiguration, existing: BucketNotificationDocument): ReadonlyArray<RuleOverlap> {
  const ours = keyFilterOf(candidate.Filter);
  const found: RuleOverlap[] = [];
  eachConfiguration(existing, (kind, config, arn, index) => {
    if (kind === 'QueueConfiguration' && candidate.Id !== undefined && config.Id === candidate.Id) return;
    const shared = sharedEventTypes(candidate.Events, config.Events);
    const theirs = keyFilterOf(config.Filter);
    if (shared.length === 0 || !prefixesOverlap(ours.prefix, theirs.prefix) || !suffixesOverlap(ours.suffix, theirs.suffix)) return;
    const why = {
      events: `both receive ${shared.join(', ')}`,
      prefix: prefixReason(ours.prefix, theirs.prefix),
      suffix: suffixReason(ours.suffix, theirs.suffix),
    };
    const reason = `${why.events}; ${why.prefix}; ${why.suffix} (its filter: prefix ${quote(theirs.prefix)}, suffix ${quote(theirs.suffix)})`;
    found.push({ kind, id: config.Id ?? null, index, arn, reason, theirs: { events: [...config.Events], prefix: theirs.prefix, suffix: theirs.suffix }, why });
  });
  return found;
}

/** Queue configurations already sending to our queue under another Id: reported, so a re-run never adds a duplicate. */
export function findOurConfigurationsUnderOtherIds(
  candidate: QueueConfiguration,
  existing: BucketNotificationDocument,
): ReadonlyArray<ConflictingConfiguration> {
  const found: ConflictingConfiguration[] = [];
  eachConfiguration(existing, (kind, config, arn, index) => {
    if (kind !== 'QueueConfiguration' || arn !== candidate.QueueArn || config.Id === candidate.Id) return;
    const reason = `it already sends ${config.Events.join(', ')} to our queue ${arn} under Id ${quote(config.Id ?? '')}`;
    found.push({ kind, id: config.Id ?? null, index, arn, reason });
  });
  return found;
}
