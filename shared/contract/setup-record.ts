import type { SetupOwnership } from '../setup/ownership';
import type { Setup } from '../setup/setup';

/**
 * Where a saved setup stands: drafted, applied, proven by the live test, failing its latest diagnostics or live test
 * (needs attention), or taken out of the account again (removed; it can be applied again or deleted).
 */
export type SetupStatus = 'draft' | 'applied' | 'verified' | 'needs-attention' | 'removed';

/** Every status, for the saved record's schema. */
export const SETUP_STATUSES = ['draft', 'applied', 'verified', 'needs-attention', 'removed'] as const satisfies ReadonlyArray<SetupStatus>;

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
  /** What the setup owns in the account and whether it created it (recorded as each step is applied). */
  readonly ownership?: SetupOwnership;
  /** With status needs-attention: the failing checks (or the live test's diagnosis), in words. */
  readonly attention?: ReadonlyArray<string>;
  /** When it was removed from the account. */
  readonly removedAt?: string;
}

/** One backup file as listed in the Backups view. */
export interface BackupEntry {
  readonly path: string;
  readonly file: string;
  /** queue, queue-policy, kms-key-policy, bucket-notification, role-trust-policy or role-permissions-policy. */
  readonly kind: string;
  readonly resource: string;
  readonly account: string;
  readonly region: string;
  readonly takenAt: string;
}
