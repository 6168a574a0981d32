import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { DeleteQueueCommand, GetQueueAttributesCommand, GetQueueUrlCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { IAMClient, PutRolePolicyCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { buildPermissionsPolicy } from '../../shared/policy/build-permissions-policy';
import { buildTrustPolicy } from '../../shared/policy/build-trust-policy';
import { FAKE_KEYS } from '../support/aws-profile-files';
import { applyAll, configuredAccount, connectedApi } from '../support/configured-account';
import type { ProxiedService } from '../support/fault-proxy';
import { useFaultProxy } from '../support/fault-proxy-hooks';
import { createBucket, createQueueWithPolicy, motoClients, sampleSetup } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');
type Report = {
  ok: boolean;
  permissionsEvaluatedBy: string;
  checks: Array<{ id: string; status: string; detail: string; fix: string | null; fixStep: string | null }>;
};

const iam = () =>
  new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials: { accessKeyId: FAKE_KEYS.accessKeyId, secretAccessKey: FAKE_KEYS.secretAccessKey } });
const byId = (r: Report, id: string) => r.checks.find((c) => c.id === id);
const queueArn = 'arn:aws:sqs:us-east-1:123456789012:acme-raw-s3-events';

async function queueUrl(name = 'acme-raw-s3-events') {
  return (await motoClients(motoUrl).sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl ?? '';
}

describe('doctor against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('passes every check on a configured account, saying the policy engine was used', async () => {
    const { call, setup } = await configuredAccount(motoUrl);
    const report = (await call('doctor.run', { setup })) as Report;
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual([
      'credentials',
      'bucket',
      'queue',
      'queue-policy',
      'kms-key',
      'notification',
      'overlap',
      'eventbridge',
      'role',
      'trust',
      'permissions',
      'backlog',
    ]);
    expect(report.permissionsEvaluatedBy).toMatch(/^policy engine \(iam:SimulatePrincipalPolicy not used: /);
    expect(byId(report, 'permissions')?.detail).toContain('Evaluated over inline policy platform-s3-sqs-access.');
    expect(byId(report, 'permissions')?.detail).toMatch(/IAM's simulator was not used: iam:SimulatePrincipalPolicy is not available/);
  });

  it('accepts an equivalent hand-written queue policy (semantic check)', async () => {
    const { call, setup } = await configuredAccount(motoUrl);
    const handWritten = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ByHand',
          Effect: 'Allow',
          Principal: { Service: ['s3.amazonaws.com'] },
          Action: ['sqs:Send*'],
          Resource: 'arn:aws:sqs:us-east-1:123456789012:*',
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::acme-*' } },
        },
      ],
    };
    await motoClients(motoUrl).sqs.send(new SetQueueAttributesCommand({ QueueUrl: await queueUrl(), Attributes: { Policy: JSON.stringify(handWritten) } }));
    expect(byId((await call('doctor.run', { setup })) as Report, 'queue-policy')?.status).toBe('pass');
  });

  it("a queue policy with another bucket's statement warns in the queue check that the queue seems shared", async () => {
    const { call, setup } = await configuredAccount(motoUrl);
    const sqs = motoClients(motoUrl).sqs;
    const url = await queueUrl();
    const policy = JSON.parse((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }))).Attributes?.Policy ?? '{}') as {
      Statement: unknown[];
    };
    const other = {
      Sid: 'OtherTeamBucket',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: queueArn,
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::other-team-raw' } },
    };
    await sqs.send(
      new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify({ ...policy, Statement: [...policy.Statement, other] }) } }),
    );
    const report = (await call('doctor.run', { setup })) as Report;
    expect(report.ok).toBe(true);
    expect(byId(report, 'queue')).toMatchObject({ status: 'warn', detail: expect.stringContaining('OtherTeamBucket') });
    expect(byId(report, 'queue-policy')?.status).toBe('pass');
  });

  it.each([
    ['queue policy removed', { Policy: '' }],
    [
      'queue policy pointing at another bucket',
      {
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'AllowS3ToSendMessage',
              Effect: 'Allow',
              Principal: { Service: 's3.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: queueArn,
              Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::other-bucket' } },
            },
          ],
        }),
      },
    ],
  ])('%s: the queue-policy check fails with the queue policy step as the fix', async (_name, attributes) => {
    const { call, setup } = await configuredAccount(motoUrl);
    await motoClients(motoUrl).sqs.send(new SetQueueAttributesCommand({ QueueUrl: await queueUrl(), Attributes: attributes }));
    const report = (await call('doctor.run', { setup })) as Report;
    expect(report.ok).toBe(false);
    expect(byId(report, 'queue-policy')).toMatchObject({ status: 'fail', fixStep: 'queuePolicy' });
    expect(byId(report, 'queue-policy')?.fix).toContain('queue policy step');
  });

  it.each([
    ['notification removed', {}],
    [
      'notification filter changed',
      {
        QueueConfigurations: [
          {
            Id: 'acme-raw-s3-events',
            QueueArn: queueArn,
            Events: ['s3:ObjectCreated:*' as const],
            Filter: { Key: { FilterRules: [{ Name: 'prefix' as const, Value: 'other/' }] } },
          },
        ],
      },
    ],
  ])('%s: the notification check fails', async (_name, doc) => {
    const { call, setup } = await configuredAccount(motoUrl);
    await motoClients(motoUrl).s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: 'acme-raw', NotificationConfiguration: doc }));
    const report = (await call('doctor.run', { setup })) as Report;
    expect(byId(report, 'notification')).toMatchObject({ status: 'fail', fixStep: 'bucketNotification' });
  });

  it('an overlapping rule added by someone else fails the overlap check, naming it', async () => {
    const { call, setup } = await configuredAccount(motoUrl);
    const other = await createQueueWithPolicy(motoUrl, 'intruder');
    await motoClients(motoUrl).s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: 'acme-raw',
        NotificationConfiguration: {
          QueueConfigurations: [
            {
              Id: 'acme-raw-s3-events',
              QueueArn: queueArn,
              Events: ['s3:ObjectCreated:*'],
              Filter: {
                Key: {
                  FilterRules: [
                    { Name: 'prefix', Value: 'incoming/' },
                    { Name: 'suffix', Value: '.csv' },
                  ],
                },
              },
            },
            {
              Id: 'intruder-rule',
              QueueArn: other.arn,
              Events: ['s3:ObjectCreated:Put'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/2026/' }] } },
            },
          ],
        },
      }),
    );
    const report = (await call('doctor.run', { setup })) as Report;
    expect(byId(report, 'overlap')?.status).toBe('fail');
    expect(byId(report, 'overlap')?.detail).toContain('intruder-rule');
  });

  it('a trust policy with a different external ID fails the trust check', async () => {
    const { call, setup } = await configuredAccount(motoUrl);
    const other = buildTrustPolicy({
      platformSetupRoleArn: setup.platformSetupRoleArn as string,
      platformLoadRoleArn: setup.platformLoadRoleArn as string,
      externalId: 'someone-else',
    });
    await iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: setup.roleName as string, PolicyDocument: JSON.stringify(other) }));
    const report = (await call('doctor.run', { setup })) as Report;
    expect(byId(report, 'trust')).toMatchObject({ status: 'fail', fixStep: 'roleTrust' });
    expect(byId(report, 'trust')?.detail).toContain('org-42');
  });

  it('a permissions policy missing an action fails, naming the action', async () => {
    const { call, setup } = await configuredAccount(motoUrl);
    const policy = buildPermissionsPolicy({ bucket: 'acme-raw', queueArn, prefix: 'incoming/' });
    const trimmed = {
      ...policy,
      Statement: policy.Statement.map((s) =>
        s.Sid === 'SQSConsumeAccess' ? { ...s, Action: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'] } : s,
      ),
    };
    await iam().send(
      new PutRolePolicyCommand({ RoleName: setup.roleName as string, PolicyName: 'platform-s3-sqs-access', PolicyDocument: JSON.stringify(trimmed) }),
    );
    const report = (await call('doctor.run', { setup })) as Report;
    expect(byId(report, 'permissions')).toMatchObject({ status: 'fail', fixStep: 'rolePermissions' });
    expect(byId(report, 'permissions')?.detail).toContain(`sqs:DeleteMessage on ${queueArn}`);
  });

  it('a queue deleted after apply fails the queue check, offering the queue step', async () => {
    const { call, setup } = await configuredAccount(motoUrl);
    await motoClients(motoUrl).sqs.send(new DeleteQueueCommand({ QueueUrl: await queueUrl() }));
    const report = (await call('doctor.run', { setup })) as Report;
    expect(byId(report, 'queue')).toMatchObject({ status: 'fail', fixStep: 'queue' });
    expect(byId(report, 'queue-policy')?.status).toBe('skip');
  });

  it('a setup whose queue is FIFO is refused before any AWS call, naming the rule', async () => {
    const { dispatch } = await connectedApi(motoUrl);
    const result = await dispatch({ channel: 'doctor.run', input: { setup: sampleSetup({ queueName: 'events.fifo' }) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.stringify(result)).toMatch(/FIFO/);
  });

  it('a bucket in another Region fails the bucket check', async () => {
    await createBucket(motoUrl, 'acme-raw', 'eu-west-1');
    const { call } = await connectedApi(motoUrl);
    const report = (await call('doctor.run', { setup: sampleSetup() })) as Report;
    expect(byId(report, 'bucket')).toMatchObject({ status: 'fail' });
    expect(byId(report, 'bucket')?.detail).toContain('eu-west-1');
  });

  it('CLI: doctor --json prints {ok, checks}, exits 1 on failure, 0 when fine, 2 for bad input; --report writes JSON and Markdown', async () => {
    const { env, setup } = await configuredAccount(motoUrl);
    const dir = mkdtempSync(join(tmpdir(), 'doctor-'));
    writeFileSync(join(dir, 'setup.json'), JSON.stringify(setup));
    const good = await runCli(['doctor', '--setup', join(dir, 'setup.json'), '--json', '--live', '--report', join(dir, 'out')], env);
    expect(good.code, good.stderr).toBe(0);
    const report = JSON.parse(good.stdout) as Report;
    expect(report.ok).toBe(true);
    expect(byId(report, 'live-test')?.status).toBe('pass');
    expect(readFileSync(join(dir, 'out', 'doctor-report.md'), 'utf8')).toContain('| Queue policy lets S3 send from this bucket | PASS |');
    await motoClients(motoUrl).sqs.send(new SetQueueAttributesCommand({ QueueUrl: await queueUrl(), Attributes: { Policy: '' } }));
    const bad = await runCli(['doctor', '--setup', join(dir, 'setup.json')], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('[FAIL] Queue policy lets S3 send from this bucket');
    writeFileSync(join(dir, 'broken.json'), '{"name": 1}');
    expect((await runCli(['doctor', '--setup', join(dir, 'broken.json')], env)).code).toBe(2);
  });

  // moto cannot deny a call, so a read fails here by a server error that outlasts the SDK's retries (fault proxy):
  // the same path as an AccessDenied, whose message and fix the unit tests check.
  describe('when one read fails', () => {
    const faultProxy = useFaultProxy(motoUrl);

    /** A configured account, and a doctor session whose AWS calls go through the fault proxy. */
    async function proxiedDoctor() {
      const setup = sampleSetup();
      await createBucket(motoUrl, setup.bucket);
      await applyAll((await connectedApi(motoUrl)).call, setup);
      return { setup, ...(await connectedApi(faultProxy().url)) };
    }

    it.each<[ProxiedService, string, string, ReadonlyArray<string>]>([
      ['S3', 'GetBucketNotificationConfiguration', 's3:GetBucketNotification', ['notification', 'overlap', 'eventbridge']],
      ['SQS', 'GetQueueAttributes', 'sqs:GetQueueAttributes', ['queue', 'queue-policy', 'kms-key', 'backlog']],
      ['IAM', 'GetRole', 'iam:GetRole', ['role', 'trust']],
    ])('%s %s failing fails only the checks that need it, naming %s; the report is still made', async (service, operation, action, failing) => {
      const { call, setup } = await proxiedDoctor();
      faultProxy().addRule({ service, operation, fault: { kind: 'internal-error' } });
      const report = (await call('doctor.run', { setup })) as Report;
      expect(report.ok).toBe(false);
      expect(
        report.checks
          .filter((c) => c.status === 'fail')
          .map((c) => c.id)
          .sort(),
      ).toEqual([...failing].sort());
      for (const id of failing) expect(byId(report, id)?.detail, id).toContain(action);
      expect(report.checks.filter((c) => !failing.includes(c.id)).every((c) => c.status === 'pass')).toBe(true);
    });

    it('Cancel during a slow read stops doctor with CANCELLED instead of a report', async () => {
      const { dispatch, setup } = await proxiedDoctor();
      faultProxy().addRule({ service: 'IAM', operation: 'GetRole', fault: { kind: 'delay', ms: 30_000 } });
      const running = dispatch({ channel: 'doctor.run', input: { setup }, operationId: 'slow-doctor' });
      await expect.poll(() => faultProxy().callsOf('IAM', 'GetRole').length, { timeout: 5_000, interval: 20 }).toBe(1);
      await dispatch({ channel: 'operation.cancel', input: { operationId: 'slow-doctor' } });
      expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    });
  });
});
