import type { Setup } from '../setup/setup';

/** Where a saved setup stands: drafted, applied to the account, or proven by the live test. */
export type SetupStatus = 'draft' | 'applied' | 'verified';

/** A saved setup with its status and the values found when it was applied. */
export interface SetupRecord {
  readonly setup: Setup;
  readonly status: SetupStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly appliedAt?: string;
  readonly verifiedAt?: string;
  readonly accountId?: string;
  readonly queueUrl?: string;
  readonly queueArn?: string;
  readonly roleArn?: string;
}

/** One backup file as listed in the Backups view. */
export interface BackupEntry {
  readonly path: string;
  readonly file: string;
  /** queue, queue-policy, bucket-notification, role-trust-policy or role-permissions-policy. */
  readonly kind: string;
  readonly resource: string;
  readonly account: string;
  readonly region: string;
  readonly takenAt: string;
}
