import { AWS_STEP_IDS } from '../../shared/steps/aws-steps';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { AwsTarget } from '../../main/aws/client-config';
import { getBucketNotification } from '../../main/aws/s3';
import { getQueueAttributes, getQueueUrl } from '../../main/aws/sqs';
import { FAKE_KEYS, motoEnv } from '../support/aws-profile-files';
import type { FaultRule } from '../support/fault-proxy';
import { createBucket, createQueueWithPolicy, putNotification, sampleSetup } from '../support/moto-seed';
import { projectRoot } from '../support/project-root';
import { runCli } from '../support/run-cli';
import { useFaultProxy } from '../support/fault-proxy-hooks';

const motoUrl = inject('motoUrl');
const setup = sampleSetup();
const direct: AwsTarget = { region: 'us-east-1', credentials: { ...FAKE_KEYS }, env: { AWS_ENDPOINT_URL: motoUrl } };
const FOREIGN_STATEMENT = {
  Sid: 'LetAuditRead',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::123456789012:root' },
  Action: 'sqs:ReceiveMessage',
  Resource: '*',
};

const faultProxy = useFaultProxy(motoUrl);

/** Another team's notification rule and queue policy statement, which a crash and a re-run must not lose. */
async function seedForeign(): Promise<void> {
  await createBucket(motoUrl, setup.bucket as string);
  const thumbs = await createQueueWithPolicy(motoUrl, 'thumbnails');
  await putNotification(motoUrl, setup.bucket as string, {
    QueueConfigurations: [
      { Id: 'thumbs', QueueArn: thumbs.arn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }] } } },
    ],
  });
  await createQueueWithPolicy(motoUrl, setup.queueName as string, { Version: '2012-10-17', Statement: [FOREIGN_STATEMENT] });
}

async function liveDocuments() {
  const url = (await getQueueUrl(direct, setup.queueName as string)) ?? '';
  const policy = JSON.parse((await getQueueAttributes(direct, url, ['Policy'])).Policy ?? '{}') as { Statement: Array<{ Sid?: string }> };
  return {
    notification: await getBucketNotification(direct, { name: setup.bucket as string, owner: '123456789012' }),
    queuePolicySids: policy.Statement.map((s) => s.Sid),
  };
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-crash-'));
  const file = join(dir, 'setup.json');
  writeFileSync(file, JSON.stringify(setup));
  const dataDir = join(dir, 'data');
  return { file, dataDir, env: { ...motoEnv(faultProxy().url), SQS_S3_WIZARD_DATA_DIR: dataDir } };
}

function backupsOf(dataDir: string, kind: string): ReadonlyArray<string> {
  const dir = join(dataDir, 'backups', setup.name as string);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(`-${kind}.json`))
    .map((f) => join(dir, f));
}

/**
 * Starts `apply` with one write held back by the proxy, waits until that step's backup is on disk and the write is in
 * flight, then kills the process (SIGKILL: no cleanup runs), as a crash or a power cut between backup and write would.
 */
async function crashDuringWrite(
  ws: ReturnType<typeof workspace>,
  rule: FaultRule,
  kind: string,
  /** A write of the other chain (apply runs the role's steps alongside the queue's) that must be answered before the crash. */
  otherChainDone: { readonly service: FaultRule['service']; readonly operation: string },
): Promise<void> {
  faultProxy().addRule(rule);
  const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'sqs-s3-wizard.cjs'), 'apply', '--setup', ws.file, '--yes', '--skip-test'], {
    env: ws.env,
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await expect.poll(() => backupsOf(ws.dataDir, kind).length, { timeout: 20_000, interval: 50 }).toBe(1);
  await expect.poll(() => faultProxy().callsOf(rule.service, rule.operation).length, { timeout: 5_000, interval: 20 }).toBe(1);
  await expect.poll(() => faultProxy().callsOf(otherChainDone.service, otherChainDone.operation)[0]?.outcome, { timeout: 5_000, interval: 20 }).toBe(200);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  await expect.poll(() => faultProxy().callsOf(rule.service, rule.operation)[0]?.outcome).toBe('client-gone');
  faultProxy().clearRules();
}

describe('a crash of the CLI between backup and write', () => {
  it('leaves the notification as it was and a complete backup; the next apply converges with nothing lost', async () => {
    await seedForeign();
    const before = await liveDocuments();
    const ws = workspace();
    await crashDuringWrite(
      ws,
      { service: 'S3', operation: 'PutBucketNotificationConfiguration', fault: { kind: 'delay', ms: 10_000 } },
      'bucket-notification',
      { service: 'IAM', operation: 'PutRolePolicy' },
    );

    // The steps before it, and the role's chain beside it, are done; the document whose write was cut off is as it was.
    const crashed = await liveDocuments();
    expect(crashed.notification).toEqual(before.notification);
    expect(crashed.queuePolicySids).toEqual(['LetAuditRead', 'AllowS3ToSendMessage']);
    const [backup = ''] = backupsOf(ws.dataDir, 'bucket-notification');
    const record = JSON.parse(readFileSync(backup, 'utf8'));
    expect(record).toMatchObject({ kind: 'bucket-notification', resource: 'arn:aws:s3:::acme-raw', account: '123456789012', region: 'us-east-1' });
    expect(record.document).toEqual(before.notification);

    const rerun = await runCli(['apply', '--setup', ws.file, '--yes', '--json'], ws.env);
    expect(rerun.code, rerun.stderr).toBe(0);
    const report = JSON.parse(rerun.stdout) as { changes: Array<{ step: string; action: string }>; liveTest: { ok: boolean } };
    expect(report.changes.map((c) => [c.step, c.action])).toEqual([
      ['queue', 'unchanged'],
      ['queuePolicy', 'unchanged'],
      ['kmsKeyPolicy', 'unchanged'],
      ['snsFanOut', 'unchanged'],
      ['bucketNotification', 'updated'],
      ['roleTrust', 'unchanged'],
      ['rolePermissions', 'unchanged'],
    ]);
    expect(report.liveTest.ok).toBe(true);
    const after = await liveDocuments();
    expect(after.notification?.QueueConfigurations?.map((c) => c.Id)).toEqual(['thumbs', setup.queueName]);
    expect(after.queuePolicySids).toEqual(['LetAuditRead', 'AllowS3ToSendMessage']);
    const plan = await runCli(['plan', '--setup', ws.file], ws.env);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout.match(/: no change/g)).toHaveLength(AWS_STEP_IDS.length);
  });

  it('a crash while creating the role: the next apply creates it and finishes the remaining steps', async () => {
    await seedForeign();
    const ws = workspace();
    await crashDuringWrite(ws, { service: 'IAM', operation: 'CreateRole', fault: { kind: 'delay', ms: 10_000 } }, 'role-trust-policy', {
      service: 'S3',
      operation: 'PutBucketNotificationConfiguration',
    });
    const rerun = await runCli(['apply', '--setup', ws.file, '--yes', '--json', '--skip-test'], ws.env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect((JSON.parse(rerun.stdout) as { changes: Array<{ step: string; action: string }> }).changes.map((c) => [c.step, c.action])).toEqual([
      ['queue', 'unchanged'],
      ['queuePolicy', 'unchanged'],
      ['kmsKeyPolicy', 'unchanged'],
      ['snsFanOut', 'unchanged'],
      ['bucketNotification', 'unchanged'],
      ['roleTrust', 'created'],
      ['rolePermissions', 'created'],
    ]);
    expect((await liveDocuments()).queuePolicySids).toEqual(['LetAuditRead', 'AllowS3ToSendMessage']);
  });
});

describe('the CLI under a persistent fault', () => {
  it('stops at the failing write with the action, resource and backup named (no stack trace); the next apply converges', async () => {
    await seedForeign();
    const ws = workspace();
    faultProxy().addRule({ service: 'IAM', operation: 'PutRolePolicy', fault: { kind: 'throttle' } });
    const failed = await runCli(['apply', '--setup', ws.file, '--yes', '--skip-test'], ws.env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/error: .*AWS is throttling iam:PutRolePolicy on arn:aws:iam::\*:role\/platform-s3-sqs-consumer-role/);
    expect(failed.stderr).toContain(backupsOf(ws.dataDir, 'role-permissions-policy')[0]);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(faultProxy().callsOf('IAM', 'PutRolePolicy')).toHaveLength(3);
    faultProxy().clearRules();
    const rerun = await runCli(['apply', '--setup', ws.file, '--yes', '--json', '--skip-test'], ws.env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect((JSON.parse(rerun.stdout) as { changes: Array<{ step: string; action: string }> }).changes.map((c) => c.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'created',
    ]);
    expect((await liveDocuments()).queuePolicySids).toEqual(['LetAuditRead', 'AllowS3ToSendMessage']);
  });
});
