import { describe, expect, it } from 'vitest';
import { documentsEqual } from '../../../../shared/diff/semantic-form';
import { buildQueueConfiguration } from '../../../../shared/policy/build-bucket-notification';
import { buildPermissionsPolicy, PERMISSIONS_POLICY_NAME } from '../../../../shared/policy/build-permissions-policy';
import { buildQueuePolicy } from '../../../../shared/policy/build-queue-policy';
import { buildTrustPolicy } from '../../../../shared/policy/build-trust-policy';
import { seedJqFixture } from '../fixtures/load-fixture';
import { SAMPLE } from '../fixtures/sample-setup';
import { SEED_BUCKET_NOTIFICATION, SEED_PERMISSIONS_POLICY, SEED_QUEUE_POLICY, SEED_TRUST_POLICY } from '../fixtures/seed-documents';

/** The guide's bucket-notification.json: our one configuration, before any merge with existing ones. */
const notification = (prefix: string, suffix: string) => ({
  QueueConfigurations: [buildQueueConfiguration({ queueName: SAMPLE.queueName, queueArn: SAMPLE.queueArn, prefix, suffix })],
});

const permissions = (extra: { objectReadScope?: 'bucket' | 'prefix'; allowDeleteObject?: boolean } = {}) =>
  buildPermissionsPolicy({ bucket: SAMPLE.bucket, queueArn: SAMPLE.queueArn, prefix: SAMPLE.prefix, ...extra });

describe('builders match the platform guide (jq output of steps 2-5)', () => {
  it('queue policy', () => {
    const built = buildQueuePolicy({ queueName: SAMPLE.queueName, queueArn: SAMPLE.queueArn, bucket: SAMPLE.bucket, accountId: SAMPLE.accountId });
    expect(built).toEqual(seedJqFixture('queue-policy.json'));
    expect(built).toEqual(SEED_QUEUE_POLICY);
  });

  it('bucket notification with prefix and suffix, prefix only, suffix only and no filter', () => {
    expect(notification(SAMPLE.prefix, SAMPLE.suffix)).toEqual(seedJqFixture('bucket-notification.json'));
    expect(notification(SAMPLE.prefix, SAMPLE.suffix)).toEqual(SEED_BUCKET_NOTIFICATION);
    expect(notification(SAMPLE.prefix, '')).toEqual(seedJqFixture('bucket-notification-prefix-only.json'));
    expect(notification('', SAMPLE.suffix)).toEqual(seedJqFixture('bucket-notification-suffix-only.json'));
    expect(notification('', '')).toEqual(seedJqFixture('bucket-notification-no-filter.json'));
  });

  it('trust policy', () => {
    const built = buildTrustPolicy(SAMPLE);
    expect(built).toEqual(seedJqFixture('trust-policy.json'));
    expect(built).toEqual(SEED_TRUST_POLICY);
  });

  it('permissions policy with the options off', () => {
    expect(permissions()).toEqual(seedJqFixture('permissions-policy.json'));
    expect(permissions({ objectReadScope: 'bucket', allowDeleteObject: false })).toEqual(SEED_PERMISSIONS_POLICY);
    expect(PERMISSIONS_POLICY_NAME).toBe('platform-s3-sqs-access');
  });

  it('key order does not matter to the semantic comparison', () => {
    const reordered = { Statement: SEED_QUEUE_POLICY.Statement, Id: SEED_QUEUE_POLICY.Id, Version: '2012-10-17' };
    expect(documentsEqual(reordered, seedJqFixture('queue-policy.json'))).toBe(true);
  });
});

describe('options beyond the platform guide', () => {
  it('scopes object reads to the prefix', () => {
    const statement = permissions({ objectReadScope: 'prefix' }).Statement.find((s) => s.Sid === 'S3ObjectReadAccess');
    expect(statement?.Resource).toBe('arn:aws:s3:::acme-raw/incoming/*');
  });

  it('adds s3:DeleteObject as its own statement on the same object path', () => {
    const policy = permissions({ objectReadScope: 'prefix', allowDeleteObject: true });
    expect(policy.Statement.map((s) => s.Sid)).toEqual(['S3BucketMetadataAccess', 'S3ObjectReadAccess', 'S3ObjectDeleteAccess', 'SQSConsumeAccess']);
    expect(policy.Statement[2]).toEqual({
      Sid: 'S3ObjectDeleteAccess',
      Effect: 'Allow',
      Action: ['s3:DeleteObject'],
      Resource: 'arn:aws:s3:::acme-raw/incoming/*',
    });
  });

  it('uses the partition for bucket ARNs, in the permissions and the queue policy', () => {
    const queueArn = 'arn:aws-cn:sqs:cn-north-1:123456789012:orders-events';
    const policy = buildPermissionsPolicy({ bucket: 'b', queueArn, prefix: '', partition: 'aws-cn' });
    expect(policy.Statement[0]?.Resource).toBe('arn:aws-cn:s3:::b');
    const queue = buildQueuePolicy({ queueName: 'orders-events', queueArn, bucket: 'b', accountId: '123456789012' });
    expect(queue.Statement[0]?.Condition?.['ArnLike']?.['aws:SourceArn']).toBe('arn:aws-cn:s3:::b');
  });
});
