/**
 * The seed's AWS-side steps, in the order they must run: the queue policy before the bucket notification, because S3
 * validates the destination when the notification is put (AWS-NOTES "Destination validation").
 */
export const STEP_IDS = ['queue', 'queuePolicy', 'bucketNotification', 'roleTrust', 'rolePermissions'] as const;

/** One step of the guided apply. */
export type StepId = (typeof STEP_IDS)[number];

/** What the admin reads for each step. */
export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  queue: 'SQS queue',
  queuePolicy: 'Queue policy',
  bucketNotification: 'Bucket notification',
  roleTrust: 'Role trust policy',
  rolePermissions: 'Role permissions policy',
};

/** Backup kind of each step's document (DESIGN.md "Backups"). */
export const STEP_BACKUP_KIND: Readonly<Record<StepId, string>> = {
  queue: 'queue',
  queuePolicy: 'queue-policy',
  bucketNotification: 'bucket-notification',
  roleTrust: 'role-trust-policy',
  rolePermissions: 'role-permissions-policy',
};

/** The step a backup kind belongs to, for restore. */
export function stepOfBackupKind(kind: string): StepId | null {
  const found = STEP_IDS.find((id) => STEP_BACKUP_KIND[id] === kind);
  return found ?? null;
}
