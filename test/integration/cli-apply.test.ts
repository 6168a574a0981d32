import { AWS_STEP_IDS } from '../../shared/steps/aws-steps';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { motoEnv } from '../support/aws-profile-files';
import { createBucket, createQueueWithPolicy, motoClients, putNotification, sampleSetup } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');

function workspace(setup: object = sampleSetup()) {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-cli-'));
  const file = join(dir, 'setup.json');
  writeFileSync(file, JSON.stringify(setup));
  const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') };
  return { dir, file, env };
}

async function queuePolicy(name: string): Promise<{ Statement: Array<{ Sid?: string }> }> {
  const { sqs } = motoClients(motoUrl);
  const url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }));
  return JSON.parse(attrs.Attributes?.Policy ?? '{}');
}

describe('CLI plan / apply / restore against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('applies every step on a fresh account, then a second apply is "unchanged" everywhere', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const ws = workspace();
    const first = await runCli(['apply', '--setup', ws.file, '--yes', '--json'], ws.env);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({
      queueArn: 'arn:aws:sqs:us-east-1:123456789012:acme-raw-s3-events',
      roleArn: 'arn:aws:iam::123456789012:role/platform-s3-sqs-consumer-role',
      accountId: '123456789012',
      region: 'us-east-1',
      externalId: 'org-42',
      bucket: 'acme-raw',
      prefix: 'incoming/',
      suffix: '.csv',
    });
    expect(report.liveTest).toMatchObject({ ok: true, messagesSeen: expect.any(Number) });
    expect(report.liveTest.key).toMatch(/^incoming\/sqs-s3-wizard test=\d{8}T\d{6}Z-[0-9a-f]{8}\.csv$/);
    expect(report.queueUrl).toContain('acme-raw-s3-events');
    expect(report.changes.map((c: { step: string; action: string }) => [c.step, c.action])).toEqual([
      ['queue', 'created'],
      ['queuePolicy', 'created'],
      ['kmsKeyPolicy', 'unchanged'],
      ['snsFanOut', 'unchanged'],
      ['bucketNotification', 'updated'],
      ['roleTrust', 'created'],
      ['rolePermissions', 'created'],
    ]);
    // The new queue has no customer managed KMS key, so the key policy step writes nothing and backs up nothing.
    for (const change of report.changes.filter((c: { action: string }) => c.action !== 'unchanged')) {
      expect(statSync(change.backup).mode & 0o777).toBe(0o600);
    }
    const second = await runCli(['apply', '--setup', ws.file, '--yes', '--json', '--skip-test'], ws.env);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).liveTest).toBeNull();
    expect(JSON.parse(second.stdout).changes.every((c: { action: string; backup: null }) => c.action === 'unchanged' && c.backup === null)).toBe(true);
    const plan = await runCli(['plan', '--setup', ws.file], ws.env);
    expect(plan.code).toBe(0);
    expect(plan.stdout.match(/: no change/g)).toHaveLength(AWS_STEP_IDS.length);
  });

  it("keeps other teams' notification configurations and queue policy statements", async () => {
    await createBucket(motoUrl, 'acme-raw');
    const other = await createQueueWithPolicy(motoUrl, 'thumbnails');
    const otherStatement = {
      Sid: 'LetAuditRead',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:root' },
      Action: 'sqs:ReceiveMessage',
      Resource: '*',
    };
    await createQueueWithPolicy(motoUrl, 'acme-raw-s3-events', { Version: '2012-10-17', Statement: [otherStatement] });
    await putNotification(motoUrl, 'acme-raw', {
      QueueConfigurations: [
        { Id: 'thumbs', QueueArn: other.arn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }] } } },
      ],
      LambdaFunctionConfigurations: [
        { Id: 'indexer', LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:indexer', Events: ['s3:ObjectRemoved:*'] },
      ],
      TopicConfigurations: [{ Id: 'alerts', TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Events: ['s3:ObjectRestore:Completed'] }],
    });
    const ws = workspace();
    const run = await runCli(['apply', '--setup', ws.file, '--yes', '--json'], ws.env);
    expect(run.code, run.stderr).toBe(0);
    const doc = await motoClients(motoUrl).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'acme-raw' }));
    expect(doc.QueueConfigurations?.map((c) => c.Id)).toEqual(['thumbs', 'acme-raw-s3-events']);
    expect(doc.LambdaFunctionConfigurations?.map((c) => c.Id)).toEqual(['indexer']);
    expect(doc.TopicConfigurations?.map((c) => c.Id)).toEqual(['alerts']);
    const policy = await queuePolicy('acme-raw-s3-events');
    expect(policy.Statement.map((s) => s.Sid)).toEqual(['LetAuditRead', 'AllowS3ToSendMessage']);
  });

  it('refuses an overlapping rule, naming it, and writes nothing (not even the queue)', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const other = await createQueueWithPolicy(motoUrl, 'legacy');
    await putNotification(motoUrl, 'acme-raw', {
      QueueConfigurations: [
        { Id: 'legacy-csv', QueueArn: other.arn, Events: ['s3:ObjectCreated:Put'], Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.csv' }] } } },
      ],
    });
    const ws = workspace();
    const run = await runCli(['apply', '--setup', ws.file, '--yes'], ws.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('legacy-csv');
    expect(run.stderr).toContain('Nothing was written');
    // apply --yes saves the setup only once its plan is clear (steps.planApplyAll): the data directory stays as it was.
    expect(existsSync(join(ws.dir, 'data', 'setups'))).toBe(false);
    const { sqs } = motoClients(motoUrl);
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'acme-raw-s3-events' }))).rejects.toThrow();
  });

  it('stops with nothing written for a missing bucket, a Region mismatch, and a bad setup file (exit 2)', async () => {
    const missing = workspace();
    const noBucket = await runCli(['apply', '--setup', missing.file, '--yes'], missing.env);
    expect(noBucket.code).toBe(1);
    expect(noBucket.stderr).toContain('acme-raw does not exist');
    await createBucket(motoUrl, 'acme-raw', 'eu-west-1');
    const mismatch = await runCli(['apply', '--setup', missing.file, '--yes'], missing.env);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('is in eu-west-1');
    const bad = workspace({ ...sampleSetup(), queueName: 'x.fifo', colour: 'blue' });
    const badRun = await runCli(['apply', '--setup', bad.file, '--yes'], bad.env);
    expect(badRun.code).toBe(2);
    expect(badRun.stderr).toContain('queueName');
    expect(badRun.stderr).toContain('colour');
    expect(readdirSync(missing.dir)).not.toContain('data-backups');
  });

  it('refuses to apply without --yes when not on a terminal', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const ws = workspace();
    const run = await runCli(['apply', '--setup', ws.file], ws.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pass --yes');
  });

  it('restore puts the earlier document back, backing up the live one first', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const ws = workspace();
    const applied = JSON.parse((await runCli(['apply', '--setup', ws.file, '--yes', '--json'], ws.env)).stdout);
    const notificationBackup = applied.changes.find((c: { step: string }) => c.step === 'bucketNotification').backup as string;
    expect(JSON.parse(readFileSync(notificationBackup, 'utf8'))).toMatchObject({
      kind: 'bucket-notification',
      resource: 'arn:aws:s3:::acme-raw',
      account: '123456789012',
      region: 'us-east-1',
    });
    const restored = await runCli(['restore', '--backup', notificationBackup, '--yes', '--json'], ws.env);
    expect(restored.code, restored.stderr).toBe(0);
    const doc = await motoClients(motoUrl).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'acme-raw' }));
    expect(doc.QueueConfigurations ?? []).toHaveLength(0);
    expect(JSON.parse(restored.stdout).backupPath).toMatch(/bucket-notification\.json$/);
  });

  it('never changes the permissions of a shared folder given as --backup-dir', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const ws = workspace();
    const shared = join(ws.dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o755);
    writeFileSync(join(shared, 'someone-elses-notes.txt'), 'keep me readable');
    const run = await runCli(['apply', '--setup', ws.file, '--yes', '--skip-test', '--backup-dir', shared], ws.env);
    expect(run.code, run.stderr).toBe(0);
    expect(statSync(shared).mode & 0o777).toBe(0o755);
    expect(statSync(join(shared, 'backups')).mode & 0o777).toBe(0o700);
  });

  it('refuses to restore "the role did not exist" before writing anything (no backup, no audit entry)', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const ws = workspace();
    const applied = JSON.parse((await runCli(['apply', '--setup', ws.file, '--yes', '--skip-test', '--json'], ws.env)).stdout);
    const trustBackup = applied.changes.find((c: { step: string }) => c.step === 'roleTrust').backup as string;
    const backupsBefore = readdirSync(join(ws.dir, 'data', 'backups', 'acme-raw')).length;
    const auditBefore = readFileSync(join(ws.dir, 'data', 'audit.log'), 'utf8');
    const run = await runCli(['restore', '--backup', trustBackup, '--yes'], ws.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the wizard does not delete roles. Nothing was written.');
    expect(readdirSync(join(ws.dir, 'data', 'backups', 'acme-raw'))).toHaveLength(backupsBefore);
    expect(readFileSync(join(ws.dir, 'data', 'audit.log'), 'utf8')).toBe(auditBefore);
  });

  it('--backup-dir chooses where backups go', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const ws = workspace();
    const dir = join(ws.dir, 'change-1234');
    const run = await runCli(['apply', '--setup', ws.file, '--yes', '--json', '--backup-dir', dir], ws.env);
    expect(run.code, run.stderr).toBe(0);
    const written = JSON.parse(run.stdout).changes.filter((c: { action: string }) => c.action !== 'unchanged');
    expect(written).toHaveLength(5);
    for (const change of written) expect(change.backup.startsWith(dir)).toBe(true);
  });
});

describe('drift guard through the API', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('stops an apply when the live queue policy changed after the plan', async () => {
    const { createDispatcher } = await import('../../main/api/dispatch');
    const { handlers } = await import('../../main/api/handlers');
    const { Workspace } = await import('../../main/api/workspace');
    await createBucket(motoUrl, 'acme-raw');
    const queue = await createQueueWithPolicy(motoUrl, 'acme-raw-s3-events');
    const ws = workspace();
    const dispatch = createDispatcher({ handlers, workspace: new Workspace(ws.env), frontEnd: 'cli', emit: () => undefined });
    expect(await dispatch({ channel: 'session.connect', input: { profile: 'moto', region: 'us-east-1' } })).toMatchObject({ ok: true });
    const setup = sampleSetup();
    const plan = await dispatch({ channel: 'steps.plan', input: { setup, step: 'queuePolicy' } });
    expect(plan).toMatchObject({ ok: true, value: { action: 'create' } });
    const basis = plan.ok ? (plan.value as { basis: string }).basis : '';
    await motoClients(motoUrl).sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: queue.url,
        Attributes: {
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Sid: 'Someone', Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: queue.arn }],
          }),
        },
      }),
    );
    const applied = await dispatch({ channel: 'steps.apply', input: { setup, step: 'queuePolicy', basis } });
    expect(applied).toMatchObject({ ok: false, error: { code: 'DRIFT' } });
    expect((await queuePolicy('acme-raw-s3-events')).Statement.map((s) => s.Sid)).toEqual(['Someone']);
  });
});
