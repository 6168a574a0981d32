import type { ApiError } from '../contract/api-error';
import type { BucketNotificationDocument } from '../policy/notification-document';

/** IAM's answer for one action/resource pair, when SimulatePrincipalPolicy is available. */
export interface SimulatedDecision {
  readonly action: string;
  readonly resource: string;
  readonly decision: string;
}

/** The independent reads of a snapshot: one failing (e.g. AccessDenied) fails only the checks that need it. */
export type SnapshotRead = 'bucket' | 'notification' | 'queue' | 'role' | 'permissions' | 'kms' | 'fanOut';

/** One inline policy of the role, by name (the permissions check evaluates them all, so a Deny in any of them is seen). */
export interface InlinePolicy {
  readonly name: string;
  readonly document: unknown;
}

/** Everything diagnostics read from the live account, in one object, read concurrently by main/. */
export interface AccountSnapshot {
  readonly callerAccount: string;
  readonly callerArn: string;
  /** The account the saved setup was applied in, when known. */
  readonly expectedAccount: string | null;
  /** null: NoSuchBucket, or not read (see readErrors.bucket). */
  readonly bucketRegion: string | null;
  readonly notification: BucketNotificationDocument | null;
  readonly queueUrl: string | null;
  readonly queueAttributes: Readonly<Record<string, string>> | null;
  readonly role: { readonly arn: string; readonly trustPolicy: unknown } | null;
  /** Every inline policy of the role; null when the role does not exist or they were not read (see readErrors.permissions). */
  readonly inlinePolicies: ReadonlyArray<InlinePolicy> | null;
  /** The role's attached managed policies (customer and AWS managed), named by ARN; null when not read. */
  readonly managedPolicies: ReadonlyArray<InlinePolicy> | null;
  /** The role's permissions boundary, named by ARN; null when it has none. */
  readonly boundary: InlinePolicy | null;
  /** The queue's KMS key when it has one (DescribeKey, and GetKeyPolicy for a customer managed key); null: none, or not read (see readErrors.kms). */
  readonly kmsKey: { readonly arn: string; readonly manager: 'AWS' | 'CUSTOMER'; readonly state: string; readonly policy: unknown } | null;
  /**
   * When the bucket sends the setup's events through an SNS topic (a fan-out): the topic rule, the topic's policy and
   * the setup queue's subscription (null: not subscribed). null: no such topic rule, or not read (see readErrors.fanOut).
   */
  readonly fanOut: {
    readonly topicArn: string;
    readonly ruleId: string | null;
    readonly ruleScope: { readonly events: ReadonlyArray<string>; readonly prefix: string; readonly suffix: string };
    readonly topicPolicy: unknown;
    readonly subscription: { readonly raw: boolean; readonly scope: string | null; readonly filterPolicy: unknown } | null;
  } | null;
  /** Whether the account is in an AWS Organization, whose control policies a member account cannot read. */
  readonly organization: 'member' | 'none' | 'unknown';
  readonly simulation:
    { readonly available: true; readonly results: ReadonlyArray<SimulatedDecision> } | { readonly available: false; readonly reason: string };
  /** Reads that failed, with AWS's error: the checks that need them fail with it instead of guessing from a null. */
  readonly readErrors: Partial<Record<SnapshotRead, ApiError>>;
}
