/** Names of the export folder's files: apply.sh reads the documents by these names, README.md explains each. */
export const EXPORT_FILE_NAMES = {
  readme: 'README.md',
  applyScript: 'apply.sh',
  queuePolicy: 'queue-policy.json',
  bucketNotification: 'bucket-notification.json',
  trustPolicy: 'trust-policy.json',
  permissionsPolicy: 'permissions-policy.json',
  registration: 'platform-registration.json',
} as const;

/** Folder of the live documents the export was merged with; apply.sh compares the live account against them. */
export const BASE_FOLDER = 'base';

/** The four document files, in the order of the platform guide's steps 2-5. */
export const DOCUMENT_FILES = [
  { key: 'queuePolicy', name: EXPORT_FILE_NAMES.queuePolicy },
  { key: 'bucketNotification', name: EXPORT_FILE_NAMES.bucketNotification },
  { key: 'trustPolicy', name: EXPORT_FILE_NAMES.trustPolicy },
  { key: 'permissionsPolicy', name: EXPORT_FILE_NAMES.permissionsPolicy },
] as const;

/** The file name apply.sh must be executable under (the CLI writes it with mode 0755). */
export function isExecutableExportFile(name: string): boolean {
  return name === EXPORT_FILE_NAMES.applyScript;
}
