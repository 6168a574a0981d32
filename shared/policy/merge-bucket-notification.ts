import { apiError, type ApiError } from '../contract/api-error';
import { sameConfiguration } from '../diff/semantic-form';
import { summarizeChanges } from '../diff/summarize-changes';
import type { MergeResult } from './merge-result';
import type { BucketNotificationDocument, QueueConfiguration } from './notification-document';
import { configurationLabel, findOurConfigurationsUnderOtherIds, findOverlaps, type ConflictingConfiguration } from './notification-overlap';
import { overlapConflicts } from './overlap-conflict';
import { readNotificationDocument } from './read-notification-document';

const WRITE_NOTES: ReadonlyArray<string> = [
  'S3 checks the queue policy when this configuration is written, so the queue policy must be applied first.',
  'After the change S3 sends an s3:TestEvent message (without Records) to the queue; consumers should ignore it.',
];

const CONFLICT_FIX =
  'Narrow our prefix or suffix so no object key matches both rules, or change or delete the other configuration ' +
  '(S3 console > bucket > Properties > Event notifications), then plan again.';

function conflict(
  message: string,
  found: ReadonlyArray<ConflictingConfiguration>,
  fix: string,
  extra: Omit<ApiError, 'code' | 'message'> = {},
): { ok: false; error: ApiError } {
  const details = found.map((c) => `${configurationLabel(c.kind, c.id, c.index)} (${c.arn}): ${c.reason}`).join('; ');
  return { ok: false, error: apiError('CONFLICT', `${message} ${details}.`, { fix, ...extra }) };
}

function oursAsList(ours: QueueConfiguration | BucketNotificationDocument): ReadonlyArray<QueueConfiguration> {
  return 'QueueArn' in ours ? [ours as QueueConfiguration] : ((ours as BucketNotificationDocument).QueueConfigurations ?? []);
}

function checkOne(mine: QueueConfiguration, live: BucketNotificationDocument, name: string): { ok: false; error: ApiError } | null {
  const id = mine.Id ?? '';
  const sameIdElsewhere = [
    ...(live.QueueConfigurations ?? []).flatMap((c, index) =>
      c.Id === id && c.QueueArn !== mine.QueueArn ? [{ kind: 'QueueConfiguration' as const, id, index, arn: c.QueueArn }] : [],
    ),
    ...(live.TopicConfigurations ?? []).flatMap((c, index) => (c.Id === id ? [{ kind: 'TopicConfiguration' as const, id, index, arn: c.TopicArn }] : [])),
    ...(live.LambdaFunctionConfigurations ?? []).flatMap((c, index) =>
      c.Id === id ? [{ kind: 'LambdaFunctionConfiguration' as const, id, index, arn: c.LambdaFunctionArn }] : [],
    ),
  ].map((c) => ({ ...c, reason: `it already uses the Id "${id}" for another destination, and Ids must be unique in a bucket's notification configuration` }));
  if (sameIdElsewhere.length > 0) {
    return conflict(`Our configuration Id "${id}" is taken:`, sameIdElsewhere, 'Rename the other configuration, or use a different queue name.');
  }
  const duplicates = findOurConfigurationsUnderOtherIds(mine, live);
  if (duplicates.length > 0) {
    return conflict(
      `The bucket already sends events to queue ${mine.QueueArn} under another Id, so adding "${id}" would duplicate it:`,
      duplicates,
      `Delete the other configuration (S3 console > bucket > Properties > Event notifications) so this wizard manages it as "${id}", then plan again.`,
    );
  }
  const overlaps = findOverlaps(mine, live);
  if (overlaps.length > 0) {
    return conflict(
      `Our configuration "${id}" overlaps ${overlaps.length === 1 ? 'an existing configuration' : `${overlaps.length} existing configurations`}, ` +
        'and S3 would reject the document ("Configuration is ambiguously defined"):',
      overlaps,
      CONFLICT_FIX,
      { overlaps: overlapConflicts(mine, overlaps, name) },
    );
  }
  return null;
}

/**
 * Puts our queue configuration into the bucket's live notification document. PutBucketNotificationConfiguration
 * replaces the whole document, so every other Queue/Topic/Lambda configuration and EventBridgeConfiguration is kept
 * unchanged and in order; ours is replaced by Id; overlaps and duplicates are refused with the reason (docs/aws-behaviour.md#s3-bucket-notifications).
 * A refusal carries the document with our rule placed as a draft (the blocked plan's diff shows it; it is never
 * written) and, for an overlap, each rule in the way with what would not overlap it (`name`: this setup's, for examples).
 */
export function mergeBucketNotification(
  current: unknown,
  ours: QueueConfiguration | BucketNotificationDocument,
  name?: string,
): MergeResult<BucketNotificationDocument> {
  const read = readNotificationDocument(current);
  if (!read.ok) return read;
  const live = read.document;
  const mine = oursAsList(ours);
  if (mine.some((c) => !c.Id)) {
    return { ok: false, error: apiError('INTERNAL', 'Our queue configuration has no Id, so it could not be found again on a re-run.') };
  }
  for (const config of mine) {
    const problem = checkOne(config, live, name ?? config.Id ?? '');
    if (problem) return { ...problem, draft: placeOurs(live, mine) };
  }
  const merged = placeOurs(live, mine);
  const ourLabels = new Set(mine.map((c) => `QueueConfiguration ${c.Id}`));
  // Only QueueConfigurations differ between the two, so the summary alone says whether anything changes.
  const summary = summarizeChanges(live, merged, ourLabels);
  const changed = summary.some((item) => item.kind === 'added' || item.kind === 'replaced' || item.kind === 'removed');
  return {
    ok: true,
    document: merged,
    summary,
    changed,
    notes: changed ? WRITE_NOTES : [],
  };
}

/** The live document with our configurations in place: each replaces its Id where it stands (once), the others are appended. */
function placeOurs(live: BucketNotificationDocument, mine: ReadonlyArray<QueueConfiguration>): BucketNotificationDocument {
  const byId = new Map(mine.map((c) => [c.Id, c] as const));
  const placed = new Set<string>();
  const queues: unknown[] = [];
  for (const config of live.QueueConfigurations ?? []) {
    const replacement = config.Id === undefined ? undefined : byId.get(config.Id);
    if (replacement === undefined || config.Id === undefined) queues.push(config);
    else if (!placed.has(config.Id)) {
      placed.add(config.Id);
      queues.push(sameConfiguration(config, replacement) ? config : replacement);
    }
  }
  for (const config of mine) if (!placed.has(config.Id ?? '')) queues.push(config);
  const document = { QueueConfigurations: queues, ...live } as Record<string, unknown>;
  document['QueueConfigurations'] = queues;
  return document as BucketNotificationDocument;
}
