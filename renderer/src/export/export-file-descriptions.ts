import { BASE_FOLDER, EXPORT_FILE_NAMES as F } from '../../../shared/export/export-file-names';

/** What each file of the export folder is (the README section "Export for change control", and the folder's README.md). */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  [F.readme]: 'Explains each file, whether the documents were merged with the live account, and how to run apply.sh.',
  [F.applyScript]:
    'The same changes as AWS CLI commands: backs up every live document first, stops if one changed since the export, merges instead of replacing, reads back. Needs bash, the AWS CLI and jq.',
  [F.queuePolicy]: "The queue's access policy (sqs set-queue-attributes, Policy): S3 may send from this bucket of this account only.",
  [F.bucketNotification]:
    "The bucket's whole notification configuration as it would be put (s3api put-bucket-notification-configuration): every configuration the bucket keeps is in it.",
  [F.trustPolicy]: "The role's trust policy: the platform's roles may assume it only with the external ID.",
  [F.permissionsPolicy]: "The role's inline policy platform-s3-sqs-access: read the bucket and its objects, consume the queue.",
  [F.registration]: 'The values to register on the platform: Region, queue URL and ARN, role ARN, external ID, bucket, prefix and suffix.',
};

/** True for the live documents the export was merged with (apply.sh's drift guard reads them from base/). */
export function isBaseFile(name: string): boolean {
  return name.startsWith(`${BASE_FOLDER}/`);
}

/** A short description of one export file, for the list. */
export function describeExportFile(name: string): string {
  if (isBaseFile(name)) {
    const document = name.slice(BASE_FOLDER.length + 1);
    return `The live ${document} this export was merged with (null: absent). apply.sh compares the account with it before writing anything.`;
  }
  return DESCRIPTIONS[name] ?? 'Part of the export folder.';
}

/** The name a file is saved under: a download cannot create folders, so base/NAME becomes base-NAME. */
export function downloadName(name: string): string {
  return name.replace(/\//g, '-');
}

/** The MIME type of a download, from the file's extension. */
export function mimeTypeOf(name: string): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.md')) return 'text/markdown';
  if (name.endsWith('.sh')) return 'text/x-shellscript';
  return 'text/plain';
}
