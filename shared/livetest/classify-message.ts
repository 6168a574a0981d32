import { decodeEventKey } from './test-object-key';

/** What the live test expects to see: the test object's bucket, key and Region. */
export interface ExpectedEvent {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
}

/** How one received SQS message relates to the live test. */
export type MessageClass =
  | { readonly kind: 'test-event'; readonly bucket: string | null }
  | { readonly kind: 'ours'; readonly eventName: string; readonly eventTime: string | null }
  | { readonly kind: 'ours-but-wrong'; readonly problem: string }
  | { readonly kind: 'foreign' };

interface S3Record {
  readonly eventSource?: unknown;
  readonly eventName?: unknown;
  readonly awsRegion?: unknown;
  readonly eventTime?: unknown;
  readonly s3?: { readonly bucket?: { readonly name?: unknown }; readonly object?: { readonly key?: unknown } };
}

/**
 * Classifies a message body: S3's `s3:TestEvent` (sent after a notification is put; no Records), an event for the test
 * object (matched on bucket and decoded key, then checked: eventSource aws:s3, eventName ObjectCreated:*, awsRegion),
 * or anything else, which belongs to the platform and must be released untouched.
 */
export function classifyMessage(body: string, expected: ExpectedEvent): MessageClass {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'foreign' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'foreign' };
  const doc = parsed as { Event?: unknown; Records?: unknown; Bucket?: unknown };
  if (doc.Event === 's3:TestEvent') return { kind: 'test-event', bucket: typeof doc.Bucket === 'string' ? doc.Bucket : null };
  if (!Array.isArray(doc.Records)) return { kind: 'foreign' };
  for (const record of doc.Records as ReadonlyArray<S3Record>) {
    const bucket = record.s3?.bucket?.name;
    const key = record.s3?.object?.key;
    if (bucket !== expected.bucket || typeof key !== 'string' || decodeEventKey(key) !== expected.key) continue;
    if (record.eventSource !== 'aws:s3') return { kind: 'ours-but-wrong', problem: `eventSource is ${String(record.eventSource)}, expected aws:s3` };
    if (typeof record.eventName !== 'string' || !record.eventName.startsWith('ObjectCreated:')) {
      return { kind: 'ours-but-wrong', problem: `eventName is ${String(record.eventName)}, expected ObjectCreated:*` };
    }
    if (record.awsRegion !== expected.region)
      return { kind: 'ours-but-wrong', problem: `awsRegion is ${String(record.awsRegion)}, expected ${expected.region}` };
    return { kind: 'ours', eventName: record.eventName, eventTime: typeof record.eventTime === 'string' ? record.eventTime : null };
  }
  return { kind: 'foreign' };
}

/** True for S3's s3:TestEvent about this bucket: sent when a notification rule is written, never the platform's data (docs/aws-behaviour.md#s3-event-messages). */
export function isTestEventFor(body: string, bucket: string): boolean {
  const kind = classifyMessage(body, { bucket, key: '', region: '' });
  return kind.kind === 'test-event' && kind.bucket === bucket;
}
