import { describe, expect, it } from 'vitest';
import { offlineExport } from '../../../../main/export/build-export';
import type { ExportBuild } from '../../../../shared/export/export-build';
import { runChecks } from '../../../../shared/diagnostics/run-checks';
import type { AccountSnapshot } from '../../../../shared/diagnostics/account-snapshot';
import { diagnosticContext } from '../../../../shared/diagnostics/diagnostic-context';
import { requiredPermissions } from '../../../../shared/diagnostics/required-permissions';
import { queuePolicyAllowsS3 } from '../../../../shared/policy-eval/queue-policy-allows-s3';
import { buildQueueConfiguration } from '../../../../shared/policy/build-bucket-notification';
import { permissionsPolicyForSetup } from '../../../../shared/policy/build-permissions-policy';
import { buildQueuePolicy } from '../../../../shared/policy/build-queue-policy';
import { buildTrustPolicy } from '../../../../shared/policy/build-trust-policy';
import { regionalEndpoint, servicePrincipal } from '../../../../shared/policy/partition';
import type { Setup } from '../../../../shared/setup/setup';
import { setupArns } from '../../../../shared/setup/setup-arns';
import { validateSetup } from '../../../../shared/setup/validate-setup';
import { kmsKeyStatementForS3 } from '../../../../shared/policy/build-kms-key-statement';

const ACCOUNT = '123456789012';

/** The same setup in China (Beijing) and in GovCloud (US-West), the platform's roles in the same partition. */
const CASES = [
  { region: 'cn-north-1', partition: 'aws-cn', sqsHost: 'sqs.cn-north-1.amazonaws.com.cn', stsHost: 'sts.cn-north-1.amazonaws.com.cn' },
  { region: 'us-gov-west-1', partition: 'aws-us-gov', sqsHost: 'sqs.us-gov-west-1.amazonaws.com', stsHost: 'sts.us-gov-west-1.amazonaws.com' },
] as const;

function setupIn(region: string, partition: string): Setup {
  return {
    name: 'orders',
    region,
    bucket: 'orders-landing',
    prefix: 'incoming/',
    suffix: '.csv',
    queueName: 'orders-events',
    roleName: 'platform-s3-sqs-consumer-role',
    platformSetupRoleArn: `arn:${partition}:iam::111122223333:role/platform-setup`,
    platformLoadRoleArn: `arn:${partition}:iam::111122223333:role/platform-load`,
    externalId: 'org-42',
  };
}

/** Every ARN-looking string in a document. */
function arnsIn(document: unknown): ReadonlyArray<string> {
  return JSON.stringify(document).match(/arn:[a-z-]+:[^"]*/g) ?? [];
}

describe.each(CASES)('partition of $region', ({ region, partition, sqsHost, stsHost }) => {
  const setup = setupIn(region, partition);
  const arns = setupArns(setup, ACCOUNT);
  const queueArn = `arn:${partition}:sqs:${region}:${ACCOUNT}:orders-events`;
  const bucketArn = `arn:${partition}:s3:::orders-landing`;

  it('derives every ARN of the setup in the partition', () => {
    expect(arns).toEqual({
      partition,
      bucketOwner: ACCOUNT,
      queueArn,
      bucketArn,
      roleArn: `arn:${partition}:iam::${ACCOUNT}:role/platform-s3-sqs-consumer-role`,
    });
  });

  it('builds the four documents with ARNs of the partition only, and S3 as the service principal', () => {
    const documents = [
      buildQueuePolicy({ queueName: 'orders-events', queueArn, bucket: 'orders-landing', accountId: ACCOUNT }),
      buildQueueConfiguration({ queueName: 'orders-events', queueArn, prefix: 'incoming/', suffix: '.csv' }),
      buildTrustPolicy(setup),
      permissionsPolicyForSetup(setup, queueArn, arns.partition),
      kmsKeyStatementForS3(bucketArn, ACCOUNT),
    ];
    for (const document of documents) {
      const found = arnsIn(document);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((arn) => arn.startsWith(`arn:${partition}:`))).toBe(true);
    }
    const statement = buildQueuePolicy({ queueName: 'orders-events', queueArn, bucket: 'orders-landing', accountId: ACCOUNT }).Statement[0];
    expect(statement).toMatchObject({ Principal: { Service: 's3.amazonaws.com' }, Condition: { ArnLike: { 'aws:SourceArn': bucketArn } } });
    expect(servicePrincipal('s3', arns.partition)).toBe('s3.amazonaws.com');
  });

  it("names the partition's endpoints", () => {
    expect(regionalEndpoint('sqs', region)).toBe(`https://${sqsHost}`);
    expect(regionalEndpoint('sts', region)).toBe(`https://${stsHost}`);
  });

  it('checks the queue policy in the partition, and refuses a bucket ARN of another partition', () => {
    const ours = buildQueuePolicy({ queueName: 'orders-events', queueArn, bucket: 'orders-landing', accountId: ACCOUNT });
    expect(queuePolicyAllowsS3({ policy: ours, queueArn, bucketArn, accountId: ACCOUNT }).allowed).toBe(true);
    const wrongPartition = JSON.parse(JSON.stringify(ours).replaceAll(`arn:${partition}:s3:::`, 'arn:aws:s3:::'));
    expect(queuePolicyAllowsS3({ policy: wrongPartition, queueArn, bucketArn, accountId: ACCOUNT }).allowed).toBe(false);
  });

  it('asks the permissions check about resources of the partition', () => {
    const needed = requiredPermissions(diagnosticContext(setup, ACCOUNT));
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.every((n) => n.resource.startsWith(`arn:${partition}:`))).toBe(true);
  });

  it('passes every diagnostic check on a healthy account of the partition', () => {
    const snapshot: AccountSnapshot = {
      callerAccount: ACCOUNT,
      callerArn: `arn:${partition}:iam::${ACCOUNT}:user/admin`,
      expectedAccount: ACCOUNT,
      bucketRegion: region,
      notification: { QueueConfigurations: [buildQueueConfiguration({ queueName: 'orders-events', queueArn, prefix: 'incoming/', suffix: '.csv' })] },
      queueUrl: `https://${sqsHost}/${ACCOUNT}/orders-events`,
      queueAttributes: {
        QueueArn: queueArn,
        Policy: JSON.stringify(buildQueuePolicy({ queueName: 'orders-events', queueArn, bucket: 'orders-landing', accountId: ACCOUNT })),
        ApproximateNumberOfMessages: '0',
        ApproximateNumberOfMessagesNotVisible: '0',
      },
      role: { arn: arns.roleArn, trustPolicy: buildTrustPolicy(setup) },
      inlinePolicies: [{ name: 'platform-s3-sqs-access', document: permissionsPolicyForSetup(setup, queueArn, arns.partition) }],
      managedPolicies: [],
      boundary: null,
      organization: 'none',
      kmsKey: null,
      fanOut: null,
      simulation: { available: false, reason: 'not used' },
      readErrors: {},
    };
    const failing = runChecks(setup, snapshot).filter((c) => c.status === 'fail');
    expect(failing).toEqual([]);
  });

  it('refuses platform roles of another partition: IAM cannot trust across partitions', () => {
    const mixed = validateSetup({ ...setup, platformLoadRoleArn: 'arn:aws:iam::111122223333:role/platform-load' });
    expect(mixed.ok).toBe(false);
  });

  it('exports documents, the queue URL and the role ARN of the partition', () => {
    const build: ExportBuild = offlineExport(setup, ACCOUNT);
    const file = (name: string) => build.files.find((f) => f.name === name)?.content ?? '';
    for (const name of ['queue-policy.json', 'bucket-notification.json', 'trust-policy.json', 'permissions-policy.json']) {
      const found = arnsIn(JSON.parse(file(name)));
      expect(
        found.every((arn) => arn.startsWith(`arn:${partition}:`)),
        name,
      ).toBe(true);
    }
    expect(JSON.parse(file('platform-registration.json'))).toMatchObject({
      region,
      queueUrl: `https://${sqsHost}/${ACCOUNT}/orders-events`,
      queueArn,
      roleArn: arns.roleArn,
    });
    expect(file('apply.sh')).toContain(`REGION='${region}'`);
    expect(file('apply.sh')).toContain(`BUCKET_OWNER='${ACCOUNT}'`);
    expect(file('apply.sh')).not.toContain('arn:aws:');
  });
});
