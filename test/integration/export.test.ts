import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { documentsEqual } from '../../shared/diff/semantic-form';
import { FAKE_KEYS, motoEnv } from '../support/aws-profile-files';
import { createBucket, createQueueWithPolicy, motoClients, putNotification, sampleSetup } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli, runProcess, type CliRun } from '../support/run-cli';

const motoUrl = inject('motoUrl');
const BUCKET = 'acme-raw';
const QUEUE = 'acme-raw-s3-events';
const ROLE = 'platform-s3-sqs-consumer-role';

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-export-'));
  const file = join(dir, 'setup.json');
  writeFileSync(file, JSON.stringify(sampleSetup()));
  const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') };
  return { dir, file, env, out: join(dir, 'change-1234') };
}

/** Runs the exported apply.sh with bash as an admin would: AWS CLI v1 on PATH, profile moto, endpoint from the env. */
function runApplyScript(out: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return runProcess('bash', [join(out, 'apply.sh')], { ...env, AWS_DEFAULT_REGION: 'us-east-1' });
}

function decode(text: string | undefined): unknown {
  if (!text) return null;
  return JSON.parse(text.startsWith('{') ? text : decodeURIComponent(text));
}

function iamClient(): IAMClient {
  return new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials: { ...FAKE_KEYS } });
}

/** The four documents as they are in moto, read with the SDK directly (not through the app's own reads). */
async function liveDocuments(): Promise<Record<string, unknown>> {
  const { s3, sqs } = motoClients(motoUrl);
  const iam = iamClient();
  const url = (await sqs.send(new GetQueueUrlCommand({ QueueName: QUEUE }))).QueueUrl;
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }));
  const { $metadata: _ignored, ...notification } = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }));
  const role = await iam.send(new GetRoleCommand({ RoleName: ROLE }));
  const inline = await iam.send(new GetRolePolicyCommand({ RoleName: ROLE, PolicyName: 'platform-s3-sqs-access' }));
  return {
    queuePolicy: decode(attributes.Attributes?.Policy),
    bucketNotification: JSON.parse(JSON.stringify(notification)),
    trustPolicy: decode(role.Role?.AssumeRolePolicyDocument),
    permissionsPolicy: decode(inline.PolicyDocument),
  };
}

async function exportTo(ws: ReturnType<typeof workspace>, extra: ReadonlyArray<string> = [], env: NodeJS.ProcessEnv = ws.env): Promise<CliRun> {
  const run = await runCli(['export', '--setup', ws.file, '--out', ws.out, ...extra], env);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run;
}

async function foreignSetup(): Promise<string> {
  const other = await createQueueWithPolicy(motoUrl, 'thumbnails');
  const statement = { Sid: 'LetAuditRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sqs:ReceiveMessage', Resource: '*' };
  await createQueueWithPolicy(motoUrl, QUEUE, { Version: '2012-10-17', Statement: [statement] });
  await putNotification(motoUrl, BUCKET, {
    QueueConfigurations: [
      { Id: 'thumbs', QueueArn: other.arn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }] } } },
    ],
    LambdaFunctionConfigurations: [
      { Id: 'indexer', LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:indexer', Events: ['s3:ObjectRemoved:*'] },
    ],
    TopicConfigurations: [{ Id: 'alerts', TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Events: ['s3:ObjectRestore:Completed'] }],
  });
  const opsTrust = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'LetOpsAssume', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/ops' }, Action: 'sts:AssumeRole' }],
  };
  await iamClient().send(new CreateRoleCommand({ RoleName: ROLE, AssumeRolePolicyDocument: JSON.stringify(opsTrust) }));
  return other.arn;
}

/** Each apply.sh run makes about 16 AWS CLI v1 calls of roughly a second each. */
const SCRIPT_TIMEOUT = 120_000;

describe('export against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it(
    'the exported apply.sh on a fresh account gives the same four documents as apply',
    async () => {
      await createBucket(motoUrl, BUCKET);
      const ws = workspace();
      const exported = await exportTo(ws, ['--json']);
      expect(exported.code, exported.stderr).toBe(0);
      expect(JSON.parse(exported.stdout)).toMatchObject({ out: ws.out, merged: true, accountId: '123456789012' });
      expect(statSync(join(ws.out, 'apply.sh')).mode & 0o777).toBe(0o755);
      expect(statSync(join(ws.out, 'queue-policy.json')).mode & 0o777).toBe(0o644);
      const script = await runApplyScript(ws.out, ws.env);
      expect(script.code, script.stderr).toBe(0);
      expect(script.stdout).toContain('Register on the platform');
      expect(readdirSync(join(ws.out, 'backups')).length).toBe(4);
      const byScript = await liveDocuments();

      await resetMoto(motoUrl);
      await createBucket(motoUrl, BUCKET);
      const applied = await runCli(['apply', '--setup', ws.file, '--yes', '--skip-test'], ws.env);
      expect(applied.code, applied.stderr).toBe(0);
      const byApply = await liveDocuments();
      for (const key of Object.keys(byApply)) {
        expect(documentsEqual(byScript[key], byApply[key]), `${key}: ${JSON.stringify(byScript[key])} vs ${JSON.stringify(byApply[key])}`).toBe(true);
      }
    },
    SCRIPT_TIMEOUT,
  );

  it(
    "keeps other teams' notification configurations and queue policy statements; a second run changes nothing",
    async () => {
      await createBucket(motoUrl, BUCKET);
      await foreignSetup();
      const ws = workspace();
      expect((await exportTo(ws)).code).toBe(0);
      const base = JSON.parse(readFileSync(join(ws.out, 'base', 'bucket-notification.json'), 'utf8'));
      expect(base.QueueConfigurations.map((c: { Id: string }) => c.Id)).toEqual(['thumbs']);
      const script = await runApplyScript(ws.out, ws.env);
      expect(script.code, script.stderr).toBe(0);
      expect(script.stdout).toContain('trust policy updated');
      type Docs = {
        queuePolicy: { Statement: Array<{ Sid: string }> };
        trustPolicy: { Statement: Array<{ Sid: string }> };
        bucketNotification: Record<string, Array<{ Id: string }>>;
      };
      const docs = (await liveDocuments()) as Docs;
      expect(docs.queuePolicy.Statement.map((s) => s.Sid)).toEqual(['LetAuditRead', 'AllowS3ToSendMessage']);
      expect(docs.trustPolicy.Statement.map((s) => s.Sid)).toEqual(['LetOpsAssume', 'AllowPlatformSetupAssumeRole', 'AllowPlatformLoadAssumeRole']);
      expect(docs.bucketNotification['QueueConfigurations']?.map((c) => c.Id)).toEqual(['thumbs', QUEUE]);
      expect(docs.bucketNotification['LambdaFunctionConfigurations']?.map((c) => c.Id)).toEqual(['indexer']);
      expect(docs.bucketNotification['TopicConfigurations']?.map((c) => c.Id)).toEqual(['alerts']);
      const again = await runApplyScript(ws.out, ws.env);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout.match(/already as exported: no change/g)).toHaveLength(4);
    },
    SCRIPT_TIMEOUT,
  );

  it(
    'apply.sh stops with nothing written when the notification changed after the export',
    async () => {
      await createBucket(motoUrl, BUCKET);
      const ws = workspace();
      expect((await exportTo(ws)).code).toBe(0);
      const someoneElse = {
        TopicConfigurations: [{ Id: 'alerts', TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Events: ['s3:ObjectRemoved:*' as const] }],
      };
      await putNotification(motoUrl, BUCKET, someoneElse);
      const script = await runApplyScript(ws.out, ws.env);
      expect(script.code).not.toBe(0);
      expect(script.stderr).toContain('changed since this export');
      expect(script.stderr).toContain('nothing was written');
      const { s3, sqs } = motoClients(motoUrl);
      await expect(sqs.send(new GetQueueUrlCommand({ QueueName: QUEUE }))).rejects.toThrow();
      const doc = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }));
      expect(doc.TopicConfigurations?.map((c) => c.Id)).toEqual(['alerts']);
      expect(doc.QueueConfigurations ?? []).toHaveLength(0);
      const iam = iamClient();
      await expect(iam.send(new GetRoleCommand({ RoleName: ROLE }))).rejects.toThrow();
    },
    SCRIPT_TIMEOUT,
  );

  it(
    '--account-id exports offline without any credentials and says the documents were not merged',
    async () => {
      const ws = workspace();
      const bare = { PATH: process.env.PATH, HOME: ws.dir, SQS_S3_WIZARD_DATA_DIR: join(ws.dir, 'data') };
      const offline = await exportTo(ws, ['--account-id', '123456789012'], bare);
      expect(offline.code, offline.stderr).toBe(0);
      expect(offline.stdout).toMatch(/NOT merged with the live documents/);
      expect(readFileSync(join(ws.out, 'README.md'), 'utf8')).toMatch(/NOT merged with the live documents/);
      expect(JSON.parse(readFileSync(join(ws.out, 'platform-registration.json'), 'utf8')).queueUrl).toBe(
        'https://sqs.us-east-1.amazonaws.com/123456789012/acme-raw-s3-events',
      );
      const notConnected = await runCli(['export', '--setup', ws.file, '--out', join(ws.dir, 'other')], bare);
      expect(notConnected.code).not.toBe(0);
      expect(notConnected.stderr).toMatch(/--account-id/);

      await createBucket(motoUrl, BUCKET);
      await foreignSetup();
      const refused = await runApplyScript(ws.out, ws.env);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('NOT merged');
      await resetMoto(motoUrl);
      await createBucket(motoUrl, BUCKET);
      const script = await runApplyScript(ws.out, ws.env);
      expect(script.code, script.stderr).toBe(0);
      const docs = (await liveDocuments()) as { bucketNotification: Record<string, Array<{ Id: string }>> };
      expect(docs.bucketNotification['QueueConfigurations']?.map((c) => c.Id)).toEqual([QUEUE]);
    },
    SCRIPT_TIMEOUT,
  );

  it('refuses a non-empty --out folder (exit 2) and a bad --account-id', async () => {
    const ws = workspace();
    const nonEmpty = await runCli(['export', '--setup', ws.file, '--out', ws.dir, '--account-id', '123456789012'], ws.env);
    expect(nonEmpty.code).toBe(2);
    expect(nonEmpty.stderr).toContain('is not empty');
    const badId = await runCli(['export', '--setup', ws.file, '--out', ws.out, '--account-id', '12345'], ws.env);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('12-digit');
  });
});
