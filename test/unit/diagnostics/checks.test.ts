import { describe, expect, it } from 'vitest';
import { apiError, type ApiError } from '../../../shared/contract/api-error';
import type { AccountSnapshot, SnapshotRead } from '../../../shared/diagnostics/account-snapshot';
import { reportMarkdown } from '../../../shared/diagnostics/report-markdown';
import { runChecks } from '../../../shared/diagnostics/run-checks';
import { buildQueueConfiguration } from '../../../shared/policy/build-bucket-notification';
import { buildPermissionsPolicy } from '../../../shared/policy/build-permissions-policy';
import { buildQueuePolicy } from '../../../shared/policy/build-queue-policy';
import { buildTrustPolicy } from '../../../shared/policy/build-trust-policy';
import { KMS_KEY_POLICY_SID, kmsKeyStatementForS3 } from '../../../shared/policy/build-kms-key-statement';
import type { Setup } from '../../../shared/setup/setup';

const setup: Setup = {
  name: 'acme',
  region: 'us-east-1',
  bucket: 'acme-raw',
  prefix: 'incoming/',
  suffix: '.csv',
  queueName: 'acme-events',
  roleName: 'platform-role',
  platformSetupRoleArn: 'arn:aws:iam::111122223333:role/platform-setup',
  platformLoadRoleArn: 'arn:aws:iam::111122223333:role/platform-load',
  externalId: 'org-42',
};
const queueArn = 'arn:aws:sqs:us-east-1:123456789012:acme-events';

function healthy(): AccountSnapshot {
  return {
    callerAccount: '123456789012',
    callerArn: 'arn:aws:iam::123456789012:user/admin',
    expectedAccount: '123456789012',
    bucketRegion: 'us-east-1',
    notification: { QueueConfigurations: [buildQueueConfiguration({ queueName: 'acme-events', queueArn, prefix: 'incoming/', suffix: '.csv' })] },
    queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/acme-events',
    queueAttributes: {
      QueueArn: queueArn,
      Policy: JSON.stringify(buildQueuePolicy({ queueName: 'acme-events', queueArn, bucket: 'acme-raw', accountId: '123456789012' })),
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    },
    role: { arn: 'arn:aws:iam::123456789012:role/platform-role', trustPolicy: buildTrustPolicy(setup) },
    inlinePolicies: [{ name: 'platform-s3-sqs-access', document: buildPermissionsPolicy({ bucket: 'acme-raw', queueArn, prefix: 'incoming/' }) }],
    managedPolicies: [],
    boundary: null,
    organization: 'none',
    kmsKey: null,
    fanOut: null,
    simulation: { available: false, reason: 'not implemented' },
    readErrors: {},
  };
}

const denied = (action: string, resource: string): ApiError =>
  apiError('ACCESS_DENIED', `Access denied: your identity may not call ${action} on ${resource}.`, {
    fix: `Ask for permission ${action} on ${resource}, or use a profile that has it.`,
  });

/** What readSnapshot records when one read fails: the read's fields empty, and its error. */
const FAILED_READS: ReadonlyArray<{ read: SnapshotRead; action: string; empty: Partial<AccountSnapshot>; fails: ReadonlyArray<string> }> = [
  { read: 'bucket', action: 's3:GetBucketLocation', empty: { bucketRegion: null }, fails: ['bucket'] },
  { read: 'notification', action: 's3:GetBucketNotification', empty: { notification: null }, fails: ['notification', 'overlap', 'eventbridge'] },
  { read: 'queue', action: 'sqs:GetQueueAttributes', empty: { queueUrl: null, queueAttributes: null }, fails: ['queue', 'queue-policy', 'kms-key', 'backlog'] },
  { read: 'kms', action: 'kms:GetKeyPolicy', empty: { kmsKey: null }, fails: ['kms-key'] },
  { read: 'role', action: 'iam:GetRole', empty: { role: null }, fails: ['role', 'trust'] },
  { read: 'permissions', action: 'iam:ListRolePolicies', empty: { inlinePolicies: null }, fails: ['permissions'] },
];

const status = (s: AccountSnapshot, id: string) => runChecks(setup, s).find((c) => c.id === id)?.status;

describe('diagnostic checks over a snapshot', () => {
  it('a healthy account passes everything', () => {
    expect(runChecks(setup, healthy()).filter((c) => c.status !== 'pass')).toEqual([]);
  });

  it('a FIFO queue fails the queue check', () => {
    const s = healthy();
    expect(status({ ...s, queueAttributes: { ...s.queueAttributes, FifoQueue: 'true' } }, 'queue')).toBe('fail');
  });

  it("KMS with alias/aws/sqs fails; a customer managed key's policy is judged by the engine, its fix the KMS key policy step", () => {
    const s = healthy();
    expect(status({ ...s, queueAttributes: { ...s.queueAttributes, KmsMasterKeyId: 'alias/aws/sqs' } }, 'queue')).toBe('fail');
    const keyArn = 'arn:aws:kms:us-east-1:123456789012:key/abc';
    const rootOnly = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' },
      ],
    };
    const withKey = (policy: unknown) => ({
      ...s,
      queueAttributes: { ...s.queueAttributes, KmsMasterKeyId: keyArn },
      kmsKey: { arn: keyArn, manager: 'CUSTOMER' as const, state: 'Enabled', policy },
    });
    expect(status(withKey(rootOnly), 'queue')).toBe('pass');
    const missing = runChecks(setup, withKey(rootOnly)).find((c) => c.id === 'kms-key');
    expect(missing).toMatchObject({ status: 'fail', fixStep: 'kmsKeyPolicy' });
    expect(missing?.detail).toMatch(/kms:GenerateDataKey: No statement allows kms:GenerateDataKey/);
    const ours = { ...rootOnly, Statement: [...rootOnly.Statement, kmsKeyStatementForS3('arn:aws:s3:::acme-raw', '123456789012')] };
    const allowed = runChecks(setup, withKey(ours)).find((c) => c.id === 'kms-key');
    expect(allowed?.status).toBe('pass');
    expect(allowed?.detail).toContain(`${KMS_KEY_POLICY_SID} allows kms:Decrypt`);
    const guarded = {
      ...ours,
      Statement: [
        ...ours.Statement,
        { Sid: 'NoS3', Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' } } },
      ],
    };
    expect(runChecks(setup, withKey(guarded)).find((c) => c.id === 'kms-key')).toMatchObject({
      status: 'fail',
      fixStep: null,
      fix: expect.stringContaining('NoS3'),
    });
    const aws = { ...withKey(null), kmsKey: { arn: keyArn, manager: 'AWS' as const, state: 'Enabled', policy: null } };
    expect(status(aws, 'kms-key')).toBe('fail');
  });

  it('other statements in the queue policy warn in the queue check that the queue seems shared', () => {
    const s = healthy();
    const policy = buildQueuePolicy({ queueName: 'acme-events', queueArn, bucket: 'acme-raw', accountId: '123456789012' });
    const other = {
      Sid: 'OtherBucket',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: queueArn,
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::other-raw' } },
    };
    const checks = runChecks(setup, {
      ...s,
      queueAttributes: { ...s.queueAttributes, Policy: JSON.stringify({ ...policy, Statement: [...policy.Statement, other] }) },
    });
    const queue = checks.find((c) => c.id === 'queue');
    expect(queue).toMatchObject({ status: 'warn', fix: expect.stringContaining('dedicated queue') });
    expect(queue?.detail).toContain('OtherBucket');
    expect(queue?.fix).not.toContain('KMS');
    expect(checks.find((c) => c.id === 'queue-policy')?.status).toBe('pass');
  });

  it('a shared queue warns with its fix', () => {
    const s = healthy();
    const policy = buildQueuePolicy({ queueName: 'acme-events', queueArn, bucket: 'acme-raw', accountId: '123456789012' });
    const attributes = {
      ...s.queueAttributes,
      Policy: JSON.stringify({
        ...policy,
        Statement: [...policy.Statement, { Effect: 'Allow', Principal: '*', Action: 'sqs:ReceiveMessage', Resource: queueArn }],
      }),
    };
    const queue = runChecks(setup, { ...s, queueAttributes: attributes }).find((c) => c.id === 'queue');
    expect(queue?.status).toBe('warn');
    expect(queue?.detail).toContain('Statement[1]');
    expect(queue?.fix).toMatch(/dedicated queue/);
  });

  it('another rule of the bucket sending to the same queue warns in the notification check, naming it', () => {
    const s = healthy();
    const legacy = {
      Id: 'legacy-archive',
      QueueArn: queueArn,
      Events: ['s3:ObjectCreated:Put'],
      Filter: { Key: { FilterRules: [{ Name: 'prefix' as const, Value: 'archive/' }] } },
    };
    const notification = { QueueConfigurations: [...(s.notification?.QueueConfigurations ?? []), legacy] };
    const c = runChecks(setup, { ...s, notification }).find((x) => x.id === 'notification');
    expect(c?.status).toBe('warn');
    expect(c?.detail).toContain('legacy-archive');
    expect(status({ ...s, notification }, 'overlap')).toBe('pass');
  });

  it('another account than the one the setup was applied in fails credentials', () => {
    expect(status({ ...healthy(), expectedAccount: '999999999999' }, 'credentials')).toBe('fail');
  });

  it("runs the engine and IAM's simulator both; a disagreement is shown with both answers and is a warning, not a pass", () => {
    const s: AccountSnapshot = {
      ...healthy(),
      simulation: { available: true, results: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::acme-raw/sample-object.csv', decision: 'implicitDeny' }] },
    };
    const c = runChecks(setup, s).find((x) => x.id === 'permissions');
    expect(c?.status).toBe('warn');
    expect(c?.detail).toMatch(
      /disagree on s3:GetObject on arn:aws:s3:::acme-raw\/sample-object.csv: the engine says allowed \(S3ObjectReadAccess of inline policy platform-s3-sqs-access\), IAM's simulator says implicitDeny/,
    );
  });

  it('when the simulator agrees, the check passes and says so', () => {
    const needed = runChecks(setup, healthy()).find((x) => x.id === 'permissions');
    expect(needed?.status).toBe('pass');
    const pairs = [...(needed?.detail.matchAll(/All (\d+) action/g) ?? [])];
    expect(pairs).toHaveLength(1);
    const results = [
      ['s3:GetObject', 'arn:aws:s3:::acme-raw/sample-object.csv'],
      ['s3:ListBucket', 'arn:aws:s3:::acme-raw'],
      ['s3:GetBucketLocation', 'arn:aws:s3:::acme-raw'],
      ['sqs:ReceiveMessage', queueArn],
      ['sqs:DeleteMessage', queueArn],
      ['sqs:GetQueueAttributes', queueArn],
      ['sqs:GetQueueUrl', queueArn],
      ['sqs:ChangeMessageVisibility', queueArn],
    ].map(([action, resource]) => ({ action: action ?? '', resource: resource ?? '', decision: 'allowed' }));
    const c = runChecks(setup, { ...healthy(), simulation: { available: true, results } }).find((x) => x.id === 'permissions');
    expect(c?.detail).toMatch(/IAM's simulator \(iam:SimulatePrincipalPolicy\) agrees on all/);
    expect(c?.status).toBe('pass');
  });

  it('the engine names the policies it read, and says when the account is in an organisation', () => {
    const c = runChecks(setup, { ...healthy(), organization: 'member' }).find((x) => x.id === 'permissions');
    expect(c?.status).toBe('pass');
    expect(c?.detail).toContain('Evaluated over inline policy platform-s3-sqs-access.');
    expect(c?.detail).toMatch(/service control policies and resource control policies cannot be read from a member account/);
    expect(c?.detail).toContain("IAM's simulator was not used: not implemented.");
  });

  it('an attached managed policy that grants is counted; a permissions boundary that does not allow fails, naming it', () => {
    const policy = buildPermissionsPolicy({ bucket: 'acme-raw', queueArn, prefix: 'incoming/' });
    const managed = { ...healthy(), inlinePolicies: [], managedPolicies: [{ name: 'arn:aws:iam::123456789012:policy/ingest', document: policy }] };
    expect(runChecks(setup, managed).find((x) => x.id === 'permissions')).toMatchObject({ status: 'pass' });
    const boundary = {
      name: 'arn:aws:iam::123456789012:policy/s3-only',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
    };
    const c = runChecks(setup, { ...healthy(), boundary }).find((x) => x.id === 'permissions');
    expect(c?.status).toBe('fail');
    expect(c?.detail).toMatch(/permissions boundary arn:aws:iam::123456789012:policy\/s3-only does not allow sqs:ReceiveMessage/);
    expect(c?.fix).toMatch(/must allow .* too/);
    expect(c?.fixStep).toBeNull();
  });

  it('a Deny in another inline policy fails, naming the action, the statement and the policy; its fix is not the permissions step', () => {
    const s = healthy();
    const guard = {
      name: 'security-guard',
      document: { Version: '2012-10-17', Statement: [{ Sid: 'NoDeletes', Effect: 'Deny', Action: 'sqs:DeleteMessage', Resource: '*' }] },
    };
    const c = runChecks(setup, { ...s, inlinePolicies: [...(s.inlinePolicies ?? []), guard] }).find((x) => x.id === 'permissions');
    expect(c).toMatchObject({ status: 'fail', fixStep: null });
    expect(c?.detail).toContain(`Not allowed: sqs:DeleteMessage on ${queueArn}: NoDeletes (inline policy security-guard) explicitly denies sqs:DeleteMessage`);
    expect(c?.detail).toContain('Evaluated over inline policy platform-s3-sqs-access, inline policy security-guard.');
    expect(c?.fix).toContain('NoDeletes in inline policy security-guard of role platform-role');
  });

  it('a missing Allow, or a Deny in our own policy, is fixed by the permissions step', () => {
    const policy = buildPermissionsPolicy({ bucket: 'acme-raw', queueArn, prefix: 'incoming/' });
    const withDeny = { ...policy, Statement: [...policy.Statement, { Sid: 'Oops', Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }] };
    for (const inlinePolicies of [[], [{ name: 'platform-s3-sqs-access', document: withDeny }]]) {
      const c = runChecks(setup, { ...healthy(), inlinePolicies }).find((x) => x.id === 'permissions');
      expect(c).toMatchObject({ status: 'fail', fixStep: 'rolePermissions' });
    }
  });

  it('a trust statement without the external ID condition warns', () => {
    const s = healthy();
    const trust = buildTrustPolicy(setup);
    const open = {
      ...trust,
      Statement: [...trust.Statement, { Sid: 'Legacy', Effect: 'Allow', Principal: { AWS: setup.platformLoadRoleArn }, Action: 'sts:AssumeRole' }],
    };
    expect(status({ ...s, role: { arn: 'arn:aws:iam::123456789012:role/platform-role', trustPolicy: open } }, 'trust')).toBe('warn');
  });

  it('a large backlog with nothing in flight warns that the platform may not be consuming', () => {
    const s = healthy();
    expect(status({ ...s, queueAttributes: { ...s.queueAttributes, ApproximateNumberOfMessages: '5000' } }, 'backlog')).toBe('warn');
  });

  it('missing resources skip the checks that depend on them', () => {
    const s: AccountSnapshot = {
      ...healthy(),
      role: null,
      inlinePolicies: null,
      queueUrl: null,
      queueAttributes: null,
      bucketRegion: null,
      notification: null,
    };
    const byId = Object.fromEntries(runChecks(setup, s).map((c) => [c.id, c.status]));
    expect(byId).toMatchObject({
      bucket: 'fail',
      queue: 'fail',
      'queue-policy': 'skip',
      notification: 'skip',
      role: 'fail',
      trust: 'skip',
      permissions: 'skip',
      backlog: 'skip',
    });
  });

  it.each(FAILED_READS)("a failed $read read fails only $fails, with the read's message and fix; the other checks pass", ({ read, action, empty, fails }) => {
    const error = denied(action, 'the resource');
    const checks = runChecks(setup, { ...healthy(), ...empty, readErrors: { [read]: error } });
    for (const c of checks) {
      if (fails.includes(c.id)) expect(c, c.id).toMatchObject({ status: 'fail', detail: error.message, fix: error.fix });
      else expect(c.status, c.id).toBe('pass');
    }
    expect(checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(checks.map((c) => c.id).filter((id) => fails.includes(id)));
  });

  it('a failed read fails the check even when another read says its resource is missing (no guessing from a null)', () => {
    const s: AccountSnapshot = {
      ...healthy(),
      role: null,
      inlinePolicies: null,
      readErrors: { role: denied('iam:GetRole', 'r'), permissions: denied('iam:GetRolePolicy', 'r') },
    };
    const byId = Object.fromEntries(runChecks(setup, s).map((c) => [c.id, c.detail]));
    expect(byId).toMatchObject({
      role: expect.stringContaining('iam:GetRole'),
      trust: expect.stringContaining('iam:GetRole'),
      permissions: expect.stringContaining('iam:GetRolePolicy'),
    });
  });

  it("the simulator's verdict stands alone when the role's policies could not be read, and says so", () => {
    const results = [{ action: 'sqs:ReceiveMessage', resource: queueArn, decision: 'allowed' }];
    const s: AccountSnapshot = {
      ...healthy(),
      inlinePolicies: null,
      simulation: { available: true, results },
      readErrors: { permissions: denied('iam:GetRolePolicy', 'r') },
    };
    expect(runChecks(setup, s).find((c) => c.id === 'permissions')?.detail).toContain('Evaluated by iam:SimulatePrincipalPolicy alone');
  });

  it('renders a Markdown table with escaped cells', () => {
    const md = reportMarkdown({
      ok: true,
      setupName: 'acme',
      accountId: '1',
      region: 'us-east-1',
      checkedAt: 'now',
      permissionsEvaluatedBy: 'policy engine',
      checks: [{ id: 'x', title: 'A | B', status: 'pass', detail: 'd', fix: null, fixStep: null }],
    });
    expect(md).toContain('| A \\| B | PASS | d |  |');
  });

  it('puts failures first and lists the requests a failing policy check asked', () => {
    const refused = {
      principal: 's3.amazonaws.com',
      action: 'sqs:SendMessage',
      resource: 'arn:aws:sqs:us-east-1:1:q',
      verdict: 'refused',
      decidedBy: null,
      reason: 'no statement allows it',
    } as const;
    const md = reportMarkdown({
      ok: false,
      setupName: 'acme',
      accountId: '1',
      region: 'us-east-1',
      checkedAt: 'now',
      permissionsEvaluatedBy: 'policy engine',
      checks: [
        { id: 'a', title: 'Passes', status: 'pass', detail: 'd', fix: null, fixStep: null },
        { id: 'b', title: 'Queue policy', status: 'fail', detail: 'refused', fix: 'apply', fixStep: 'queuePolicy', evidence: [refused] },
      ],
    });
    expect(md.indexOf('| Queue policy | FAIL |')).toBeLessThan(md.indexOf('| Passes | PASS |'));
    expect(md).toContain('## FAIL: Queue policy\n\n- REFUSED: `sqs:SendMessage` on `arn:aws:sqs:us-east-1:1:q` for s3.amazonaws.com: no statement allows it\n');
  });
});
