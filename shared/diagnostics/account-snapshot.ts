import type { BucketNotificationDocument } from '../policy/notification-document';

/** IAM's answer for one action/resource pair, when SimulatePrincipalPolicy is available. */
export interface SimulatedDecision {
  readonly action: string;
  readonly resource: string;
  readonly decision: string;
}

/** Everything diagnostics read from the live account, in one object, read concurrently by main/. */
export interface AccountSnapshot {
  readonly callerAccount: string;
  readonly callerArn: string;
  /** The account the saved setup was applied in, when known. */
  readonly expectedAccount: string | null;
  /** undefined: not read (NoSuchBucket is null). */
  readonly bucketRegion: string | null;
  readonly notification: BucketNotificationDocument | null;
  readonly queueUrl: string | null;
  readonly queueAttributes: Readonly<Record<string, string>> | null;
  readonly role: { readonly arn: string; readonly trustPolicy: unknown } | null;
  readonly permissionsPolicy: unknown;
  readonly simulation: { readonly available: true; readonly results: ReadonlyArray<SimulatedDecision> } | { readonly available: false; readonly reason: string };
}
