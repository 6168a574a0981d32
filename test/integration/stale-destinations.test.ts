import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetBucketNotificationConfigurationCommand, PutBucketNotificationConfigurationCommand, type NotificationConfiguration } from '@aws-sdk/client-s3';
import { DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { motoEnv } from '../support/aws-profile-files';
import { createBucket, createQueueWithPolicy, motoClients, sampleSetup, queueExists as queueExistsIn } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');
const OURS = 'acme-raw-s3-events';

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-stale-'));
  const file = join(dir, 'setup.json');
  writeFileSync(file, JSON.stringify(sampleSetup()));
  return { dir, file, env: { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') } };
}

/** Another team's rule, put straight on the bucket (no destination is created for it). */
async function putRaw(doc: NotificationConfiguration): Promise<void> {
  await motoClients(motoUrl).s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: 'acme-raw', NotificationConfiguration: doc }));
}

async function notification() {
  const { $metadata: _m, ...doc } = await motoClients(motoUrl).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'acme-raw' }));
  return doc;
}

const queueExists = (name: string) => queueExistsIn(motoUrl, name);

/** A rule of another team whose queue existed when the rule was made and was deleted since. */
async function seedDeletedQueueRule(): Promise<string> {
  const gone = await createQueueWithPolicy(motoUrl, 'old-team-queue');
  await putRaw({ QueueConfigurations: [{ Id: 'old-team', QueueArn: gone.arn, Events: ['s3:ObjectRemoved:*'] }] });
  await motoClients(motoUrl).sqs.send(new DeleteQueueCommand({ QueueUrl: gone.url }));
  return gone.arn;
}

describe("other teams' rules whose destination no longer exists", () => {
  beforeEach(async () => {
    await resetMoto(motoUrl);
    await createBucket(motoUrl, 'acme-raw');
  });

  it('a kept rule whose queue was deleted blocks the plan, and apply writes nothing', async () => {
    const goneArn = await seedDeletedQueueRule();
    const before = await notification();
    const ws = workspace();
    const plan = await runCli(['plan', '--setup', ws.file, '--json'], ws.env);
    expect(plan.code).toBe(1);
    const step = (JSON.parse(plan.stdout).plans as Array<{ step: string; blocked: { message: string; fix: string } | null; staleRules?: unknown[] }>).find(
      (p) => p.step === 'bucketNotification',
    );
    expect(step?.blocked?.message).toContain(`rule "old-team" sends to queue ${goneArn}, which no longer exists`);
    expect(step?.blocked?.message).toContain('Unable to validate the following destination configurations');
    expect(step?.blocked?.fix).toContain('--remove-stale-rule "old-team"');
    expect(step?.staleRules).toEqual([
      { ruleId: 'old-team', kind: 'queue', arn: goneArn, detail: 'no longer exists (SQS: queue does not exist)', removed: false },
    ]);

    const apply = await runCli(['apply', '--setup', ws.file, '--yes'], ws.env);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('Nothing was written');
    expect(await queueExists(OURS)).toBe(false);
    expect(await notification()).toEqual(before);
    expect(existsSync(join(ws.dir, 'data', 'backups'))).toBe(false);
  });

  it("removes the other team's stale rule only by the admin's explicit choice, shown in the diff and kept in the backup", async () => {
    const goneArn = await seedDeletedQueueRule();
    const ws = workspace();
    const plan = await runCli(['plan', '--setup', ws.file, '--remove-stale-rule', 'old-team'], ws.env);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(`Rule "old-team" (to queue ${goneArn}, which no longer exists (SQS: queue does not exist)) is removed at your choice`);
    expect(plan.stdout).toMatch(/-\s+.*old-team/);

    const apply = await runCli(['apply', '--setup', ws.file, '--yes', '--skip-test', '--remove-stale-rule', 'old-team', '--json'], ws.env);
    expect(apply.code, apply.stderr).toBe(0);
    const after = await notification();
    expect(after.QueueConfigurations?.map((c) => c.Id)).toEqual([OURS]);
    const backup = (JSON.parse(apply.stdout).changes as Array<{ step: string; backup: string }>).find((c) => c.step === 'bucketNotification')?.backup ?? '';
    expect(JSON.parse(readFileSync(backup, 'utf8')).document.QueueConfigurations.map((c: { Id: string }) => c.Id)).toEqual(['old-team']);
  });

  it('names a deleted topic as stale too', async () => {
    await putRaw({ TopicConfigurations: [{ Id: 'alerts', TopicArn: 'arn:aws:sns:us-east-1:123456789012:gone-topic', Events: ['s3:ObjectRemoved:*'] }] });
    const ws = workspace();
    const plan = await runCli(['plan', '--setup', ws.file], ws.env);
    expect(plan.code).toBe(1);
    expect(plan.stdout + plan.stderr).toContain(
      'rule "alerts" sends to topic arn:aws:sns:us-east-1:123456789012:gone-topic, which no longer exists (SNS: topic not found)',
    );
  });

  it("says which destinations it could not check (another account's) and does not block on them", async () => {
    const foreign = 'arn:aws:sqs:us-east-1:444455556666:partner-queue';
    await putRaw({ QueueConfigurations: [{ Id: 'partner', QueueArn: foreign, Events: ['s3:ObjectRemoved:*'] }] });
    const ws = workspace();
    const plan = await runCli(['plan', '--setup', ws.file], ws.env);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(
      `Could not check whether these destinations exist: ${foreign} (it belongs to account 444455556666, which this connection cannot read).`,
    );
  });
});
