import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetRolePolicyCommand, IAMClient, ListRolePoliciesCommand, ListRoleTagsCommand } from '@aws-sdk/client-iam';
import { GetQueueUrlCommand, ListQueueTagsCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { FAKE_KEYS, motoEnv } from '../support/aws-profile-files';
import { createBucket, createQueueWithPolicy, motoClients, putNotification, sampleSetup } from '../support/moto-seed';
import { captureMotoState } from '../support/moto-state';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');
const ACCOUNT = '123456789012';
const iam = () => new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials: { ...FAKE_KEYS } });

/** A machine: one data directory, with setup files written in it. */
function machine() {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-neighbours-'));
  const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') };
  const file = (setup: object) => {
    const path = join(dir, `${(setup as { name: string }).name}.json`);
    writeFileSync(path, JSON.stringify(setup));
    return path;
  };
  const cli = (args: ReadonlyArray<string>) => runCli(args, env);
  return { dir, env, file, cli };
}

type Machine = ReturnType<typeof machine>;
type Report = { ok: boolean; checks: Array<{ id: string; status: string; detail: string }> };

async function apply(m: Machine, setup: object) {
  return m.cli(['apply', '--setup', m.file(setup), '--yes', '--skip-test', '--json']);
}

async function doctor(m: Machine, setup: object): Promise<Report> {
  const run = await m.cli(['doctor', '--setup', m.file(setup), '--json']);
  return JSON.parse(run.stdout) as Report;
}

/** Other teams' rules on the bucket: a Lambda function, an SNS topic and an SQS queue, none overlapping ours (moto checks no destination). */
async function seedOtherTeams(bucket: string): Promise<void> {
  const thumbs = await createQueueWithPolicy(motoUrl, 'thumbnails');
  await putNotification(motoUrl, bucket, {
    QueueConfigurations: [
      { Id: 'thumbs', QueueArn: thumbs.arn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }] } } },
    ],
    TopicConfigurations: [{ Id: 'deletions', TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:audit`, Events: ['s3:ObjectRemoved:*'] }],
    LambdaFunctionConfigurations: [
      {
        Id: 'resize',
        LambdaFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:resize`,
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
      },
    ],
  });
}

async function notificationIds(bucket: string): Promise<ReadonlyArray<string>> {
  const state = await captureMotoState(motoUrl);
  const doc = state.buckets[bucket]?.notification as Record<string, Array<{ Id?: string }>>;
  return ['QueueConfigurations', 'TopicConfigurations', 'LambdaFunctionConfigurations'].flatMap((list) => (doc[list] ?? []).map((c) => c.Id ?? '')).sort();
}

const setupA = sampleSetup({ name: 'orders-a', bucket: 'orders', prefix: 'a/', suffix: '', queueName: 'orders-a-events' });
const setupB = sampleSetup({ name: 'orders-b', bucket: 'orders', prefix: 'b/', suffix: '', queueName: 'orders-b-events' });
const setupC = sampleSetup({ name: 'orders-c', bucket: 'orders', prefix: 'c/', suffix: '', queueName: 'orders-c-events' });

describe('setups living with neighbours (CLI against moto)', () => {
  beforeEach(async () => {
    await resetMoto(motoUrl);
    await createBucket(motoUrl, 'orders');
    await seedOtherTeams('orders');
  });

  it("two and three setups on one bucket with other teams' rules: each keeps working, nobody's rule is lost", async () => {
    const m = machine();
    expect((await apply(m, setupA)).code).toBe(0);
    // Same platform, same (default) role: the role is shared, and B gets an inline policy of its own.
    const b = await apply(m, setupB);
    expect(b.code, b.stderr).toBe(0);
    const names = (await iam().send(new ListRolePoliciesCommand({ RoleName: 'platform-s3-sqs-consumer-role' }))).PolicyNames;
    expect(names?.sort()).toEqual(['platform-s3-sqs-access', 'platform-s3-sqs-access-orders-b']);
    const c = await apply(m, setupC);
    expect(c.code, c.stderr).toBe(0);
    for (const setup of [setupA, setupB, setupC]) {
      const report = await doctor(m, setup);
      expect(
        report.checks.filter((x) => x.status === 'fail'),
        setup.name as string,
      ).toEqual([]);
    }
    expect(await notificationIds('orders')).toEqual(['deletions', 'orders-a-events', 'orders-b-events', 'orders-c-events', 'resize', 'thumbs']);
  });

  it("a setup naming another setup's queue (same bucket, other prefix) is refused before anything is written, naming the neighbour", async () => {
    const m = machine();
    expect((await apply(m, setupA)).code).toBe(0);
    const before = await captureMotoState(motoUrl);
    const thief = sampleSetup({ ...setupB, queueName: setupA.queueName });
    const run = await apply(m, thief);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"ok": false');
    expect(run.stderr).toMatch(/Queue orders-a-events is used by setup orders-a \(saved setup\)/);
    expect(run.stderr).toContain('dedicated queue per data source');
    expect(run.stderr).toContain('orders-a-events-orders-b');
    expect(await captureMotoState(motoUrl)).toEqual(before);
    expect((await doctor(m, setupA)).ok).toBe(true);
  });

  it("another machine's wizard sees the neighbour through the queue's tag and the live wiring", async () => {
    const first = machine();
    expect((await apply(first, setupA)).code).toBe(0);
    const url = (await motoClients(motoUrl).sqs.send(new GetQueueUrlCommand({ QueueName: setupA.queueName as string }))).QueueUrl;
    const tags = (await motoClients(motoUrl).sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags;
    expect(tags).toMatchObject({ 'sqs-s3-wizard:setup': 'orders-a', 'sqs-s3-wizard:bucket': 'orders', 'sqs-s3-wizard:prefix': 'a/' });
    const roleTags = (await iam().send(new ListRoleTagsCommand({ RoleName: 'platform-s3-sqs-consumer-role' }))).Tags;
    expect(roleTags).toContainEqual({ Key: 'sqs-s3-wizard:setup', Value: 'orders-a' });

    const other = machine();
    const before = await captureMotoState(motoUrl);
    const sameBucket = await apply(other, sampleSetup({ ...setupB, queueName: setupA.queueName }));
    expect(sameBucket.code).toBe(1);
    expect(sameBucket.stderr).toMatch(/setup orders-a \(tag\)/);
    expect(sameBucket.stderr).toMatch(/rule orders-a-events for "a\/\*" \(bucket notification\)/);
    await createBucket(motoUrl, 'invoices');
    const otherBucket = await apply(other, sampleSetup({ name: 'invoices', bucket: 'invoices', queueName: setupA.queueName }));
    expect(otherBucket.code).toBe(1);
    expect(otherBucket.stderr).toContain('Statement AllowS3ToSendMessage of the queue policy lets arn:aws:s3:::orders send');
    expect(await captureMotoState(motoUrl)).toEqual({ ...before, buckets: { ...before.buckets, invoices: expect.anything() } });
    expect((await doctor(first, setupA)).ok).toBe(true);
  });

  it('a queue wired by hand to another bucket (no wizard record, no tag) is another data source', async () => {
    await createBucket(motoUrl, 'invoices');
    const queue = await createQueueWithPolicy(motoUrl, 'shared-events', {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'InvoicesBucket',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:shared-events`,
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::invoices' } },
        },
      ],
    });
    expect(queue.arn).toContain('shared-events');
    const m = machine();
    const run = await apply(m, sampleSetup({ ...setupA, queueName: 'shared-events' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Queue shared-events is used by bucket arn:aws:s3:::invoices \(queue policy\)/);
  });

  it('a setup of another platform (other external ID) on the same role is refused; with a dedicated role it works and the first still passes', async () => {
    const m = machine();
    expect((await apply(m, setupA)).code).toBe(0);
    const before = await captureMotoState(motoUrl);
    const otherPlatform = sampleSetup({ ...setupB, externalId: 'org-77' });
    const refused = await apply(m, otherPlatform);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Role platform-s3-sqs-consumer-role is used by .*setup orders-a/);
    expect(refused.stderr).toContain('platform-s3-sqs-consumer-role-orders-b');
    expect(await captureMotoState(motoUrl)).toEqual(before);
    const dedicated = await apply(m, { ...otherPlatform, roleName: 'platform-s3-sqs-consumer-role-orders-b' });
    expect(dedicated.code, dedicated.stderr).toBe(0);
    expect((await doctor(m, setupA)).ok).toBe(true);
    expect((await doctor(m, { ...otherPlatform, roleName: 'platform-s3-sqs-consumer-role-orders-b' })).ok).toBe(true);
  });

  it('the first setup keeps its own permissions policy when a second one shares the role (no flip-flop on re-apply)', async () => {
    const m = machine();
    expect((await apply(m, setupA)).code).toBe(0);
    expect((await apply(m, setupB)).code).toBe(0);
    const again = await apply(m, setupA);
    expect(JSON.parse(again.stdout).changes.every((c: { action: string }) => c.action === 'unchanged')).toBe(true);
    const againB = await apply(m, setupB);
    expect(JSON.parse(againB.stdout).changes.every((c: { action: string }) => c.action === 'unchanged')).toBe(true);
    const policyA = await iam().send(new GetRolePolicyCommand({ RoleName: 'platform-s3-sqs-consumer-role', PolicyName: 'platform-s3-sqs-access' }));
    expect(decodeURIComponent(policyA.PolicyDocument ?? '')).toContain('orders-a-events');
    expect(decodeURIComponent(policyA.PolicyDocument ?? '')).not.toContain('orders-b-events');
  });
});
