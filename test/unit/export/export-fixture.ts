import type { ExportInput } from '../../../shared/export/export-input';
import { buildQueueConfiguration } from '../../../shared/policy/build-bucket-notification';
import { buildPermissionsPolicy } from '../../../shared/policy/build-permissions-policy';
import { buildQueuePolicy } from '../../../shared/policy/build-queue-policy';
import { buildTrustPolicy } from '../../../shared/policy/build-trust-policy';
import type { Setup } from '../../../shared/setup/setup';
import { SAMPLE, SAMPLE_SETUP_FILE } from '../shared/fixtures/sample-setup';

/** The sample setup as the export sees it. */
export const SETUP: Setup = { ...SAMPLE_SETUP_FILE };

/** The platform guide's four documents for the sample setup, straight from the builders. */
export const BUILT = {
  queuePolicy: buildQueuePolicy({ queueName: SAMPLE.queueName, queueArn: SAMPLE.queueArn, bucket: SAMPLE.bucket, accountId: SAMPLE.accountId }),
  bucketNotification: {
    QueueConfigurations: [buildQueueConfiguration({ queueName: SAMPLE.queueName, queueArn: SAMPLE.queueArn, prefix: SAMPLE.prefix, suffix: SAMPLE.suffix })],
  },
  trustPolicy: buildTrustPolicy(SAMPLE),
  permissionsPolicy: buildPermissionsPolicy({ bucket: SAMPLE.bucket, queueArn: SAMPLE.queueArn, prefix: SAMPLE.prefix }),
} as const;

/** An export input for the sample setup on a fresh account; `overrides` changes any field. */
export function exportInput(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    setup: SETUP,
    accountId: SAMPLE.accountId,
    merged: true,
    exportedAt: '2025-03-04T05:06:07.000Z',
    proposed: BUILT,
    base: { queuePolicy: null, bucketNotification: {}, trustPolicy: null, permissionsPolicy: null },
    registration: {
      region: SAMPLE.region,
      queueUrl: `https://sqs.us-east-1.amazonaws.com/${SAMPLE.accountId}/${SAMPLE.queueName}`,
      queueArn: SAMPLE.queueArn,
      roleArn: `arn:aws:iam::${SAMPLE.accountId}:role/${SETUP.roleName}`,
      externalId: SAMPLE.externalId,
      bucket: SAMPLE.bucket,
      prefix: SAMPLE.prefix,
      suffix: SAMPLE.suffix,
    },
    queueUrlPredicted: true,
    notes: [],
    ...overrides,
  };
}
