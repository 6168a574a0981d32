/** The documents the wizard changes, one backup kind each (DESIGN.md "Backups"). */
export const BACKUP_KINDS = ['queue', 'queue-policy', 'bucket-notification', 'role-trust-policy', 'role-permissions-policy'] as const;

/** Which document a backup holds. */
export type BackupKind = (typeof BACKUP_KINDS)[number];
