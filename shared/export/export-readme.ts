import { PERMISSIONS_POLICY_NAME } from '../policy/build-permissions-policy';
import { FAN_OUT_FILES } from './fan-out-script';
import { BASE_FOLDER, EXPORT_FILE_NAMES as F } from './export-file-names';
import type { ExportInput } from './export-input';

function mergeSection(input: ExportInput): string {
  if (input.merged) {
    return (
      `The queue policy, bucket notification and trust policy were **merged with the live documents** of account ` +
      `${input.accountId}, read at ${input.exportedAt}: every statement and notification configuration that is not ` +
      `this setup's is kept. Those live documents are in \`${BASE_FOLDER}/\`.`
    );
  }
  return (
    `**Offline export: the queue policy, bucket notification and trust policy were NOT merged with the live documents** ` +
    `(made at ${input.exportedAt} without credentials, for account ${input.accountId}). They hold only this setup's ` +
    `statements and configuration, so \`${F.applyScript}\` runs only where the queue policy, the bucket's notification ` +
    `configuration and the role do not exist yet (or already are as exported); otherwise it stops and asks for an ` +
    `export made with credentials.`
  );
}

/** README.md of the export folder: what each file is, where it goes, and how to run apply.sh (README, "Export"). */
export function exportReadme(input: ExportInput): string {
  const s = input.setup;
  const r = input.registration;
  const lines = [
    `# AWS change: S3 -> SQS events for setup "${s.name}"`,
    '',
    'An SQS standard queue that receives S3 ObjectCreated events from one bucket, and an IAM role the data platform ' +
      'assumes with an external ID, as in the platform guide (steps 1-5).',
    '',
    '| | |',
    '|---|---|',
    `| Account | ${input.accountId} |`,
    `| Region | ${s.region} |`,
    `| Bucket | ${s.bucket} (prefix "${s.prefix}", suffix "${s.suffix}") |`,
    `| Queue | ${s.queueName} (${r.queueArn}) |`,
    `| Role | ${s.roleName} (${r.roleArn}), inline policy ${PERMISSIONS_POLICY_NAME} |`,
    '',
    '## Merged with the live account?',
    '',
    mergeSection(input),
    '',
    '## Files',
    '',
    `- \`${F.queuePolicy}\`: the queue's access policy, written with sqs set-queue-attributes (Policy). Lets S3 send ` +
      'from this bucket of this account only.',
    `- \`${F.bucketNotification}\`: the bucket's whole notification configuration, written with s3api ` +
      'put-bucket-notification-configuration, which replaces the whole document: every configuration the bucket keeps is in it.',
    `- \`${F.trustPolicy}\`: the role's trust policy (create-role, or update-assume-role-policy when the role exists): ` +
      'the platform roles may assume it only with the external ID.',
    `- \`${F.permissionsPolicy}\`: the role's inline policy ${PERMISSIONS_POLICY_NAME} (put-role-policy): read the ` +
      'bucket and its objects, consume the queue.',
    `- \`${F.registration}\`: the values to enter on the platform` +
      (input.queueUrlPredicted ? ' (the queue URL is the standard form, not read from the account; apply.sh prints the real one).' : '.'),
    `- \`${BASE_FOLDER}/\`: ` +
      (input.merged ? 'the live documents the files above were merged with' : 'what this offline export assumes is live: nothing') +
      ' (`null`: absent). apply.sh compares the live account with them before writing anything.',
    `- \`${F.applyScript}\`: the same changes as AWS CLI commands.`,
    ...(input.fanOut
      ? [
          `- \`${FAN_OUT_FILES.document}\`: the SNS fan-out that resolves the overlap: topic ${input.fanOut.topicArn} and its policy, one subscription ` +
            "per former destination (raw delivery, the body filter of its rule) and the statements letting the topic reach the other teams' queues or functions.",
          `- \`${FAN_OUT_FILES.script}\`: the fan-out's commands; apply.sh runs them (after checking the other queues' policies against ` +
            `\`${BASE_FOLDER}/${FAN_OUT_FILES.document}\`) before it writes the bucket notification.`,
        ]
      : []),
    '',
    '## Running apply.sh',
    '',
    'Needs bash, the AWS CLI (v1 or v2) and jq. Run it from anywhere; it reads the files next to it:',
    '',
    '```sh',
    `AWS_PROFILE=<profile for account ${input.accountId}> ./${F.applyScript}`,
    '```',
    '',
    '1. It checks that the credentials are for the account above.',
    '2. It backs up every live document into `backups/` next to the script (`*.backup.<UTC time>.json`) before any change.',
    `3. It stops, writing nothing, if any live document differs from \`${BASE_FOLDER}/\` (someone changed it since this ` +
      'export) unless it already is the exported one: then export again, so nothing of anyone else is lost.',
    '4. It creates the queue if needed, then writes the queue policy, the bucket notification, the role (created, or its ' +
      'trust policy updated) and the inline policy, in that order, skipping documents that are already as exported.',
    '5. It reads every document back and prints the values to register on the platform.',
    '',
    'To run against another endpoint (a test server), set `AWS_ENDPOINT_URL`; the script passes it to every aws call.',
    '',
  ];
  if (input.notes.length > 0) lines.push('## Notes', '', ...input.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
