import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { DeleteBucketCommand } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SendMessageCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { FAKE_KEYS, motoEnv } from '../support/aws-profile-files';
import { connectedApi } from '../support/configured-account';
import { useFaultProxy } from '../support/fault-proxy-hooks';
import { createBucket, createQueueWithPolicy, motoClients, putNotification, sampleSetup, queueExists as queueExistsIn } from '../support/moto-seed';
import { captureMotoState } from '../support/moto-state';
import { projectRoot } from '../support/project-root';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');
const faultProxy = useFaultProxy(motoUrl);
const ACCOUNT = '123456789012';
const iam = () => new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials: { ...FAKE_KEYS } });
const setup = sampleSetup();
const ROLE = setup.roleName as string;
const QUEUE = setup.queueName as string;

const FOREIGN_QUEUE_STATEMENT = {
  Sid: 'LetAuditRead',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'sqs:ReceiveMessage',
  Resource: '*',
};
const FOREIGN_TRUST = { Sid: 'LetAuditAssume', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/audit' }, Action: 'sts:AssumeRole' };
const FOREIGN_INLINE = { Version: '2012-10-17', Statement: [{ Sid: 'AuditRead', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::audit/*' }] };

/** One machine's data directory and setup file; the CLI through the fault proxy (or straight to moto). */
function machine(via: 'proxy' | 'moto' = 'moto') {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-remove-'));
  const file = join(dir, 'setup.json');
  writeFileSync(file, JSON.stringify(setup));
  const dataDir = join(dir, 'data');
  const env = { ...motoEnv(via === 'proxy' ? faultProxy().url : motoUrl), SQS_S3_WIZARD_DATA_DIR: dataDir };
  return { file, dataDir, env, cli: (args: ReadonlyArray<string>) => runCli(args, env) };
}

type Changes = Array<{ step: string; action: string; backup: string | null }>;

async function removeJson(m: ReturnType<typeof machine>, extra: ReadonlyArray<string> = []) {
  const run = await m.cli(['remove', '--setup', m.file, '--yes', '--json', ...extra]);
  return { ...run, report: run.stdout ? (JSON.parse(run.stdout) as { ok: boolean; changes: Changes; kept: string[]; questions: unknown[] }) : null };
}

/** Another team's rule on the bucket that remove must leave exactly as it was. */
async function seedOtherTeam(): Promise<void> {
  const thumbs = await createQueueWithPolicy(motoUrl, 'thumbnails');
  await putNotification(motoUrl, setup.bucket as string, {
    QueueConfigurations: [
      { Id: 'thumbs', QueueArn: thumbs.arn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }] } } },
    ],
    LambdaFunctionConfigurations: [{ Id: 'resize', LambdaFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:resize`, Events: ['s3:ObjectRemoved:*'] }],
  });
}

const queueExists = (name = QUEUE) => queueExistsIn(motoUrl, name);

async function roleExists(): Promise<boolean> {
  return iam()
    .send(new GetRoleCommand({ RoleName: ROLE }))
    .then(
      () => true,
      () => false,
    );
}

async function notification() {
  return (await captureMotoState(motoUrl)).buckets[setup.bucket as string]?.notification as Record<string, Array<{ Id?: string }> | undefined>;
}

describe('remove (CLI against moto)', () => {
  beforeEach(async () => {
    await createBucket(motoUrl, setup.bucket as string);
    await seedOtherTeam();
  });

  it('removes a setup that created its queue and role: both deleted, the other team\'s rules exactly as before; a second remove is "no change"', async () => {
    const m = machine();
    const before = await notification();
    expect((await m.cli(['apply', '--setup', m.file, '--yes', '--skip-test'])).code).toBe(0);
    const first = await removeJson(m);
    expect(first.code, first.stderr).toBe(0);
    expect(first.report?.changes.map((c) => [c.step, c.action])).toEqual([
      ['bucketNotification', 'updated'],
      ['snsFanOut', 'unchanged'],
      ['queuePolicy', 'deleted'],
      ['kmsKeyPolicy', 'unchanged'],
      ['rolePermissions', 'deleted'],
      ['roleTrust', 'deleted'],
      ['queue', 'deleted'],
    ]);
    for (const change of first.report?.changes ?? []) expect(change.action === 'unchanged' || (change.backup && existsSync(change.backup))).toBe(true);
    expect(await queueExists()).toBe(false);
    expect(await roleExists()).toBe(false);
    expect(await notification()).toEqual(before);
    const record = JSON.parse(readFileSync(join(m.dataDir, 'setups', `${setup.name}.json`), 'utf8'));
    expect(record).toMatchObject({ status: 'removed', removedAt: expect.any(String) });

    const state = await captureMotoState(motoUrl);
    const second = await removeJson(m);
    expect(second.code).toBe(0);
    expect(second.report?.changes.every((c) => c.action === 'unchanged' && c.backup === null)).toBe(true);
    const text = await m.cli(['remove', '--setup', m.file, '--yes']);
    expect(text.stdout).toContain('no change');
    expect(await captureMotoState(motoUrl)).toEqual(state);
  });

  it('keeps a queue and a role that were there before, with their other statements and policies; takes out only its own parts', async () => {
    await createQueueWithPolicy(motoUrl, QUEUE, { Version: '2012-10-17', Statement: [FOREIGN_QUEUE_STATEMENT] });
    await iam().send(
      new CreateRoleCommand({ RoleName: ROLE, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [FOREIGN_TRUST] }) }),
    );
    await iam().send(new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'audit-read', PolicyDocument: JSON.stringify(FOREIGN_INLINE) }));
    const m = machine();
    const before = await captureMotoState(motoUrl);
    expect((await m.cli(['apply', '--setup', m.file, '--yes', '--skip-test'])).code).toBe(0);
    const run = await removeJson(m);
    expect(run.code, run.stderr).toBe(0);
    // The role serves audit-read too, so its trust statements stay: removing them could lock out whoever uses it.
    expect(run.report?.changes.map((c) => [c.step, c.action])).toEqual([
      ['bucketNotification', 'updated'],
      ['snsFanOut', 'unchanged'],
      ['queuePolicy', 'updated'],
      ['kmsKeyPolicy', 'unchanged'],
      ['rolePermissions', 'deleted'],
      ['roleTrust', 'unchanged'],
      ['queue', 'unchanged'],
    ]);
    expect(run.report?.kept.join('\n')).toContain('this setup did not create the queue');
    const after = await captureMotoState(motoUrl);
    const queueUrl = Object.keys(after.queues).find((u) => u.endsWith(`/${QUEUE}`)) ?? '';
    expect(JSON.parse(after.queues[queueUrl]?.['Policy'] ?? '{}').Statement).toEqual([FOREIGN_QUEUE_STATEMENT]);
    expect(after.buckets).toEqual(before.buckets);
    expect(Object.keys(after.roles[ROLE]?.inline ?? {})).toEqual(['audit-read']);
  });

  it('removes trust statements from a role it did not create when nothing else uses the role, and keeps the role', async () => {
    await iam().send(
      new CreateRoleCommand({ RoleName: ROLE, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [FOREIGN_TRUST] }) }),
    );
    const m = machine();
    expect((await m.cli(['apply', '--setup', m.file, '--yes', '--skip-test'])).code).toBe(0);
    const run = await removeJson(m);
    expect(run.report?.changes.find((c) => c.step === 'roleTrust')?.action).toBe('updated');
    const trust = JSON.parse(decodeURIComponent((await captureMotoState(motoUrl)).roles[ROLE]?.trust ?? '{}'));
    expect(trust.Statement).toEqual([FOREIGN_TRUST]);
  });

  it("keeps a queue this setup created when its policy holds another principal's statement: only our statement is taken out, and the plan says why", async () => {
    const m = machine();
    expect((await m.cli(['apply', '--setup', m.file, '--yes', '--skip-test'])).code).toBe(0);
    const url = (await motoClients(motoUrl).sqs.send(new GetQueueUrlCommand({ QueueName: QUEUE }))).QueueUrl ?? '';
    const live = JSON.parse((await captureMotoState(motoUrl)).queues[url]?.['Policy'] ?? '{}') as { Statement: unknown[] };
    const otherTeam = {
      Sid: 'OtherTeam',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 'sqs:GetQueueAttributes',
      Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:${QUEUE}`,
    };
    await motoClients(motoUrl).sqs.send(
      new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify({ ...live, Statement: [otherTeam, ...live.Statement] }) } }),
    );
    const run = await removeJson(m);
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.changes.map((c) => [c.step, c.action])).toEqual([
      ['bucketNotification', 'updated'],
      ['snsFanOut', 'unchanged'],
      ['queuePolicy', 'updated'],
      ['kmsKeyPolicy', 'unchanged'],
      ['rolePermissions', 'deleted'],
      ['roleTrust', 'deleted'],
      ['queue', 'unchanged'],
    ]);
    expect(run.report?.kept.find((k) => k.startsWith('Remove: SQS queue:'))).toContain(
      "the queue policy holds statements that are not this setup's, so someone else uses the queue: statement OtherTeam (arn:aws:iam::444455556666:root may sqs:GetQueueAttributes)",
    );
    expect(await queueExists()).toBe(true);
    expect(JSON.parse((await captureMotoState(motoUrl)).queues[url]?.['Policy'] ?? '{}').Statement).toEqual([otherTeam]);
    // A second remove still keeps it, and says "no change".
    const again = await removeJson(m);
    expect(again.report?.changes.every((c) => c.action === 'unchanged')).toBe(true);
    expect(await queueExists()).toBe(true);
  });

  it.each([
    ['another trust statement', 'trust'],
    ['another inline policy', 'inline'],
    ['an attached managed policy', 'managed'],
  ] as const)('keeps a role this setup created when it holds %s; the whole role is deleted only when nothing on it is foreign', async (_what, kind) => {
    const m = machine();
    expect((await m.cli(['apply', '--setup', m.file, '--yes', '--skip-test'])).code).toBe(0);
    const client = iam();
    if (kind === 'trust') {
      const role = await client.send(new GetRoleCommand({ RoleName: ROLE }));
      const trust = JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '{}')) as { Statement: unknown[] };
      await client.send(
        new UpdateAssumeRolePolicyCommand({ RoleName: ROLE, PolicyDocument: JSON.stringify({ ...trust, Statement: [...trust.Statement, FOREIGN_TRUST] }) }),
      );
    } else if (kind === 'inline') {
      await client.send(new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'audit-read', PolicyDocument: JSON.stringify(FOREIGN_INLINE) }));
    } else {
      const policy = await client.send(new CreatePolicyCommand({ PolicyName: 'audit-read-managed', PolicyDocument: JSON.stringify(FOREIGN_INLINE) }));
      await client.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: policy.Policy?.Arn }));
    }
    const run = await removeJson(m);
    expect(run.code, run.stderr).toBe(0);
    expect(run.report?.changes.find((c) => c.step === 'rolePermissions')?.action).toBe('deleted');
    expect(run.report?.changes.find((c) => c.step === 'roleTrust')?.action).toBe(kind === 'trust' ? 'updated' : 'unchanged');
    expect(await roleExists()).toBe(true);
    const trust = JSON.parse(decodeURIComponent((await captureMotoState(motoUrl)).roles[ROLE]?.trust ?? '{}')) as { Statement: Array<{ Sid?: string }> };
    // Another trust statement: ours are taken out and it stays; a foreign policy: our trust statements stay too, since whoever uses that policy assumes the role through them.
    expect(trust.Statement.map((st) => st.Sid)).toEqual(
      kind === 'trust' ? ['LetAuditAssume'] : ['AllowPlatformSetupAssumeRole', 'AllowPlatformLoadAssumeRole'],
    );
  });

  it("the plan says that deleting the role trust policy deletes the whole role, and a step's title keeps its capitals", async () => {
    const m = machine();
    expect((await m.cli(['apply', '--setup', m.file, '--yes', '--skip-test'])).code).toBe(0);
    const { call } = await connectedApi(motoUrl);
    const plans = (await call('remove.plan', { setup })) as Array<{
      step: string;
      title: string;
      action: string;
      warnings: string[];
      summary: Array<{ label: string }>;
    }>;
    expect(plans.map((p) => p.title)).toEqual([
      'Remove: Bucket notification',
      'Remove: SNS fan-out',
      'Remove: Queue policy',
      'Remove: KMS key policy',
      'Remove: Role permissions policy',
      'Remove: Role trust policy',
      'Remove: SQS queue',
    ]);
    const trust = plans.find((p) => p.step === 'roleTrust');
    expect(trust?.action).toBe('delete');
    expect(trust?.warnings).toEqual([expect.stringContaining(`This deletes the whole role ${ROLE}, not only its trust policy`)]);
    expect(trust?.summary.map((i) => i.label)).toEqual([`Role ${ROLE}, the whole role with its trust policy (created by this setup)`]);
  });

  it('keeps a queue that still holds messages unless --delete-queue-with-messages', async () => {
    const m = machine();
    expect((await m.cli(['apply', '--setup', m.file, '--yes', '--skip-test'])).code).toBe(0);
    const url = (await motoClients(motoUrl).sqs.send(new GetQueueUrlCommand({ QueueName: QUEUE }))).QueueUrl;
    await motoClients(motoUrl).sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '{"Records":[]}' }));
    const kept = await removeJson(m);
    expect(kept.code).toBe(0);
    expect(kept.report?.changes.find((c) => c.step === 'queue')?.action).toBe('unchanged');
    expect(kept.report?.questions).toEqual([
      { flag: 'deleteQueueWithMessages', question: expect.stringContaining('still holds 1 message. Delete the queue with it?') },
    ]);
    expect(await queueExists()).toBe(true);
    const text = await m.cli(['remove', '--setup', m.file, '--yes']);
    expect(text.stderr).toContain('Pass --delete-queue-with-messages');
    const deleted = await removeJson(m, ['--delete-queue-with-messages']);
    expect(deleted.report?.changes.find((c) => c.step === 'queue')?.action).toBe('deleted');
    expect(await queueExists()).toBe(false);
  });

  it('removes after a partial apply: what exists is taken out, the rest is "no change"', async () => {
    const m = machine();
    const { call } = await connectedApi(motoUrl);
    await call('setups.save', { setup });
    for (const step of ['queue', 'queuePolicy']) {
      const plan = (await call('steps.plan', { setup, step })) as { basis: string };
      await call('steps.apply', { setup, step, basis: plan.basis });
    }
    const run = await removeJson(m);
    expect(run.code, run.stderr).toBe(0);
    // Another machine (no record): the queue is known as this setup's by its tag.
    expect(run.report?.changes.map((c) => [c.step, c.action])).toEqual([
      ['bucketNotification', 'unchanged'],
      ['snsFanOut', 'unchanged'],
      ['queuePolicy', 'deleted'],
      ['kmsKeyPolicy', 'unchanged'],
      ['rolePermissions', 'unchanged'],
      ['roleTrust', 'unchanged'],
      ['queue', 'deleted'],
    ]);
  });

  it('stops with DRIFT when a document changed between the removal plan and its write, and writes nothing to it', async () => {
    const { call, dispatch } = await connectedApi(motoUrl);
    await call('setups.save', { setup });
    for (const step of ['queue', 'queuePolicy', 'bucketNotification', 'roleTrust', 'rolePermissions']) {
      const plan = (await call('steps.plan', { setup, step })) as { basis: string };
      await call('steps.apply', { setup, step, basis: plan.basis });
    }
    const plans = (await call('remove.plan', { setup })) as Array<{ step: string; basis: string }>;
    const url = (await motoClients(motoUrl).sqs.send(new GetQueueUrlCommand({ QueueName: QUEUE }))).QueueUrl;
    const meanwhile = { Version: '2012-10-17', Statement: [FOREIGN_QUEUE_STATEMENT] };
    await motoClients(motoUrl).sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify(meanwhile) } }));
    const queuePolicy = plans.find((p) => p.step === 'queuePolicy');
    const result = await dispatch({ channel: 'remove.apply', input: { setup, step: 'queuePolicy', basis: queuePolicy?.basis } });
    expect(result).toMatchObject({ ok: false, error: { code: 'DRIFT' } });
    const after = await captureMotoState(motoUrl);
    expect(JSON.parse(after.queues[url ?? '']?.['Policy'] ?? '{}')).toEqual(meanwhile);
  });

  it('a crash in the middle of a remove, then a second remove, converges with nothing of anyone else lost', async () => {
    const m = machine('proxy');
    const before = await notification();
    expect((await m.cli(['apply', '--setup', m.file, '--yes', '--skip-test'])).code).toBe(0);
    faultProxy().addRule({ service: 'IAM', operation: 'DeleteRolePolicy', fault: { kind: 'delay', ms: 10_000 } });
    const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'sqs-s3-wizard.cjs'), 'remove', '--setup', m.file, '--yes'], {
      env: m.env,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const backups = () => (existsSync(join(m.dataDir, 'backups', setup.name as string)) ? readdirSync(join(m.dataDir, 'backups', setup.name as string)) : []);
    await expect.poll(() => faultProxy().callsOf('IAM', 'DeleteRolePolicy').length, { timeout: 20_000, interval: 20 }).toBe(1);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    faultProxy().clearRules();
    expect(backups().some((f) => f.endsWith('role-permissions-policy.json'))).toBe(true);

    const again = await removeJson(m);
    expect(again.code, again.stderr).toBe(0);
    expect(await queueExists()).toBe(false);
    expect(await roleExists()).toBe(false);
    expect(await notification()).toEqual(before);
  });

  it('exit codes as for apply: 2 for bad input and 1 for a blocked document, each with nothing written', async () => {
    const m = machine();
    expect((await m.cli(['apply', '--setup', m.file, '--yes', '--skip-test'])).code).toBe(0);
    const before = await captureMotoState(motoUrl);
    const noYes = await m.cli(['remove', '--setup', m.file]);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('pass --yes to remove');
    expect((await m.cli(['remove', '--yes'])).code).toBe(2);
    expect(await captureMotoState(motoUrl)).toEqual(before);
    // The bucket is gone: its rule cannot be planned, so the whole removal is blocked and nothing else is written either.
    await motoClients(motoUrl).s3.send(new DeleteBucketCommand({ Bucket: setup.bucket as string }));
    const blocked = await m.cli(['remove', '--setup', m.file, '--yes']);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('Nothing was written: 1 document(s) cannot be changed');
    expect(blocked.stderr).toContain('does not exist (NoSuchBucket)');
    expect(await queueExists()).toBe(true);
    expect(await roleExists()).toBe(true);
  });

  it("removing setup B never breaks setup A: a shared role keeps A's policy and trust, and A's diagnostics pass", async () => {
    const a = sampleSetup({ name: 'orders-a', prefix: 'a/', suffix: '', queueName: 'orders-a-events' });
    const b = sampleSetup({ name: 'orders-b', prefix: 'b/', suffix: '', queueName: 'orders-b-events' });
    const dir = mkdtempSync(join(tmpdir(), 'wizard-remove-two-'));
    const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') };
    const fileOf = (s: object, name: string) => {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify(s));
      return path;
    };
    expect((await runCli(['apply', '--setup', fileOf(a, 'a'), '--yes', '--skip-test'], env)).code).toBe(0);
    expect((await runCli(['apply', '--setup', fileOf(b, 'b'), '--yes', '--skip-test'], env)).code).toBe(0);
    const run = await runCli(['remove', '--setup', fileOf(b, 'b'), '--yes', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const changes = (JSON.parse(run.stdout) as { changes: Changes }).changes;
    expect(changes.find((c) => c.step === 'roleTrust')?.action).toBe('unchanged');
    expect(changes.find((c) => c.step === 'queue')?.action).toBe('deleted');
    expect(await roleExists()).toBe(true);
    expect((await iam().send(new ListRolePoliciesCommand({ RoleName: ROLE }))).PolicyNames).toEqual(['platform-s3-sqs-access']);
    const doctor = await runCli(['doctor', '--setup', fileOf(a, 'a'), '--json'], env);
    expect(JSON.parse(doctor.stdout).ok, doctor.stdout).toBe(true);
    expect(await queueExists('orders-a-events')).toBe(true);
  });
});
