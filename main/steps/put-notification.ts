import type { BucketNotificationDocument } from '../../shared/policy/notification-document';
import { ApiFailure } from '../../shared/contract/api-error';
import { networkOf } from '../aws/client-config';
import { retryWithinBound } from '../aws/retry/bounded-retry';
import { putBucketNotification, type BucketRef } from '../aws/s3';
import { destinationRejections, type DestinationRejection } from '../aws/s3-destination-rejections';
import { judgeRejection, rejectionError, type RefusedBucket, type RejectionFinding } from './explain-rejection';
import type { AwsCallContext } from './step-context';

/**
 * The notification step's one write. When S3 cannot validate a destination right after our queue policy was written
 * and that policy allows the bucket, it is S3 not seeing the policy yet: the write is tried again with backoff within
 * the consistency wait, each wait in the progress. Otherwise, or once the wait is over, the error names each refused
 * destination with S3's reason and the real cause (policy, KMS key, Region, a deleted destination).
 */
export async function putNotificationDocument(
  call: AwsCallContext,
  bucket: BucketRef & { readonly arn: string; readonly region: string },
  document: BucketNotificationDocument,
): Promise<void> {
  const refused: RefusedBucket = { arn: bucket.arn, region: bucket.region, owner: bucket.owner };
  // The findings of the last refusal judged while deciding to wait: the final message reuses them.
  let last: { readonly err: unknown; readonly findings: ReadonlyArray<RejectionFinding> } | null = null;
  const started = Date.now();
  try {
    await retryWithinBound(() => putBucketNotification(call.target, bucket, document, call.signal), {
      reasonToWait: async (err) => {
        const rejections = destinationRejections(err);
        if (rejections === null) return null;
        const findings = await Promise.all(rejections.map((r) => judgeRejection(call, r, refused)));
        last = { err, findings };
        const settling = findings.filter((f): f is Extract<RejectionFinding, { kind: 'settling' }> => f.kind === 'settling');
        if (rejections.length === 0 || settling.length !== findings.length) return null;
        return `S3 could not validate ${rejections.map((r) => r.arn).join(', ')} yet; its queue policy, written ${Math.min(...settling.map((s) => s.ageSeconds))} s ago, lets the bucket send, and S3 may not see it yet`;
      },
      boundMs: networkOf(call.target).timeouts.consistencyWaitMs,
      what: `s3:PutBucketNotification on ${bucket.arn}`,
      signal: call.signal,
    });
  } catch (err) {
    const rejections = destinationRejections(err);
    if (rejections === null) throw err;
    const judged = last as { readonly err: unknown; readonly findings: ReadonlyArray<RejectionFinding> } | null;
    const findings =
      judged !== null && judged.err === err
        ? judged.findings
        : await Promise.all(rejections.map((r: DestinationRejection) => judgeRejection(call, r, refused)));
    const waited = (err as { $waitedOut?: unknown }).$waitedOut ? Math.round((Date.now() - started) / 1000) : null;
    throw new ApiFailure(rejectionError(refused, rejections, findings, waited));
  }
}
