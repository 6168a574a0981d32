import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateFunctionCommand, GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetBucketNotificationConfigurationCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { zipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { keyAsMotoSendsIt } from '../../shared/fanout/event-key-encoding';
import { FAKE_KEYS, motoEnv } from '../support/aws-profile-files';
import { ensureBuilt } from '../support/ensure-built';
import { createBucket, createQueueWithPolicy, motoClients, putNotification, sampleSetup } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli, runProcess } from '../support/run-cli';
import { useFaultProxy } from '../support/fault-proxy-hooks';
import { createDispatcher } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { Workspace } from '../../main/api/workspace';

// An overlap resolved with an SNS fan-out, against moto (S3 -> SNS -> SQS with raw delivery and body filters), through
// the CLI an admin runs: each queue receives exactly its own events before and after, and remove brings the rules back.

const motoUrl = inject('motoUrl');
const ACCOUNT = '123456789012';
const BUCKET = 'acme-raw';
const credentials = { accessKeyId: FAKE_KEYS.accessKeyId, secretAccessKey: FAKE_KEYS.secretAccessKey };
const sns = () => new SNSClient({ region: 'us-east-1', endpoint: motoUrl, credentials });

/** A machine with one setup file; its CLI runs against moto. */
function machine(setup: object) {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-fan-out-'));
  const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') };
  const file = join(dir, 'setup.json');
  writeFileSync(file, JSON.stringify(setup));
  return { cli: (args: ReadonlyArray<string>) => runCli([...args.map((a) => (a === 'SETUP' ? file : a))], env) };
}

/** Another team's queue (its policy lets S3 send) and its rule for everything under "in dir/". */
async function otherTeam() {
  const queue = await createQueueWithPolicy(motoUrl, 'team-b-events', {
    Version: '2012-10-17',
    Statement: [{ Sid: 'TeamB', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' }],
  });
  const rule = {
    Id: 'team-b-incoming',
    QueueArn: queue.arn,
    Events: ['s3:ObjectCreated:*' as const],
    Filter: { Key: { FilterRules: [{ Name: 'prefix' as const, Value: 'in dir/' }] } },
  };
  await putNotification(motoUrl, BUCKET, { QueueConfigurations: [rule], EventBridgeConfiguration: {} });
  return { queue, rule };
}

/** Every message body now in a queue (drained). */
async function drain(url: string): Promise<string[]> {
  const { sqs } = motoClients(motoUrl);
  const bodies: string[] = [];
  for (;;) {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    const messages = out.Messages ?? [];
    if (messages.length === 0) return bodies;
    for (const m of messages) {
      bodies.push(m.Body ?? '');
      await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle ?? '' }));
    }
  }
}

/** The object keys of the S3 events among the bodies (test events and anything else left out). */
function eventKeys(bodies: ReadonlyArray<string>): string[] {
  return bodies.flatMap((b) => {
    const parsed = JSON.parse(b) as { Records?: Array<{ eventSource?: string; s3?: { object?: { key?: string } } }> };
    return (parsed.Records ?? []).filter((r) => r.eventSource === 'aws:s3').map((r) => r.s3?.object?.key ?? '');
  });
}

const KEYS = ['in dir/ä=x/a b.csv', 'in dir/other.csv', 'out/x.csv'];

async function upload(): Promise<void> {
  for (const key of KEYS) await motoClients(motoUrl).s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'x' }));
}

async function queueUrl(name: string): Promise<string> {
  const { sqs } = motoClients(motoUrl);
  const { GetQueueUrlCommand } = await import('@aws-sdk/client-sqs');
  return (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl ?? '';
}

const setup = sampleSetup({ prefix: 'in dir/ä=x/', suffix: '' });

describe('SNS fan-out against moto', () => {
  beforeAll(ensureBuilt, 120_000);
  beforeEach(async () => {
    await resetMoto(motoUrl);
    await createBucket(motoUrl, BUCKET);
  });

  it('without --resolve-overlap an overlap stays a blocker naming the flag, and nothing is written', async () => {
    const { rule } = await otherTeam();
    const m = machine(setup);
    const run = await m.cli(['apply', '--setup', 'SETUP', '--yes', '--skip-test']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--resolve-overlap fan-out');
    const doc = await motoClients(motoUrl).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }));
    expect(doc.QueueConfigurations).toEqual([expect.objectContaining({ Id: rule.Id })]);
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toEqual([]);
  });

  it('with --resolve-overlap fan-out each queue receives exactly its own events (keys with a space, "=", "/" and "ä"); a second apply changes nothing; remove brings the rule back', async () => {
    const { queue, rule } = await otherTeam();
    await upload();
    const before = eventKeys(await drain(queue.url)).sort();
    expect(before).toEqual(['in dir/ä=x/a b.csv', 'in dir/other.csv'].map(keyAsMotoSendsIt).sort());

    const m = machine(setup);
    const applied = await m.cli(['apply', '--setup', 'SETUP', '--yes', '--skip-test', '--resolve-overlap', 'fan-out', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const doc = await motoClients(motoUrl).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }));
    expect(doc.QueueConfigurations ?? []).toEqual([]);
    expect(doc.TopicConfigurations).toEqual([expect.objectContaining({ Id: 'sqs-s3-wizard-fan-out' })]);
    await drain(queue.url);
    await drain(await queueUrl(setup.queueName as string));

    await upload();
    expect(eventKeys(await drain(queue.url)).sort()).toEqual(before);
    expect(eventKeys(await drain(await queueUrl(setup.queueName as string)))).toEqual([keyAsMotoSendsIt('in dir/ä=x/a b.csv')]);

    // Diagnostics follow the events through the fan-out (rule -> topic policy -> subscription -> filter -> queue policy), and the live test passes.
    const doctor = await m.cli(['doctor', '--setup', 'SETUP', '--json', '--live']);
    const report = JSON.parse(doctor.stdout) as { ok: boolean; checks: Array<{ id: string; status: string; detail: string }> };
    expect(
      report.checks.filter((c) => c.status === 'fail'),
      doctor.stderr,
    ).toEqual([]);
    expect(report.checks.find((c) => c.id === 'notification')?.detail).toContain('Through SNS fan-out');
    expect(report.checks.find((c) => c.id === 'queue-policy')).toMatchObject({ status: 'pass', title: 'Queue policy lets the fan-out topic send' });
    expect(report.checks.find((c) => c.id === 'live-test')?.status).toBe('pass');
    await drain(queue.url);

    const again = await m.cli(['apply', '--setup', 'SETUP', '--yes', '--skip-test', '--resolve-overlap', 'fan-out', '--json']);
    expect(again.code, again.stderr).toBe(0);
    const changes = (JSON.parse(again.stdout) as { changes: Array<{ action: string }> }).changes;
    expect(
      changes.every((c) => c.action === 'unchanged'),
      JSON.stringify(changes),
    ).toBe(true);

    const removed = await m.cli(['remove', '--setup', 'SETUP', '--yes', '--json']);
    expect(removed.code, removed.stderr + removed.stdout).toBe(0);
    const restored = await motoClients(motoUrl).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }));
    expect(restored.TopicConfigurations ?? []).toEqual([]);
    expect(restored.QueueConfigurations).toEqual([expect.objectContaining({ Id: rule.Id, QueueArn: queue.arn })]);
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toEqual([]);
    const policy = (await motoClients(motoUrl).sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['Policy'] }))).Attributes?.[
      'Policy'
    ];
    expect(JSON.parse(policy ?? '{}').Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['TeamB']);
    await drain(queue.url);
    await upload();
    expect(eventKeys(await drain(queue.url)).sort()).toEqual(before);
  });

  it('export --resolve-overlap fan-out writes the fan-out document and fan-out.sh; the exported apply.sh sets up the same fan-out', async () => {
    const { queue } = await otherTeam();
    const m = machine(setup);
    const out = join(mkdtempSync(join(tmpdir(), 'wizard-fan-out-export-')), 'change');
    const exported = await m.cli(['export', '--setup', 'SETUP', '--out', out, '--resolve-overlap', 'fan-out']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['fan-out.sh', 'sns-fan-out.json', 'apply.sh', 'bucket-notification.json']));
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('fan-out.sh');
    const run = await runProcess('bash', [join(out, 'apply.sh')], { ...motoEnv(motoUrl), AWS_DEFAULT_REGION: 'us-east-1' });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    await drain(queue.url);
    await drain(await queueUrl(setup.queueName as string));
    await upload();
    expect(eventKeys(await drain(queue.url)).sort()).toEqual(['in dir/ä=x/a b.csv', 'in dir/other.csv'].map(keyAsMotoSendsIt).sort());
    expect(eventKeys(await drain(await queueUrl(setup.queueName as string)))).toEqual([keyAsMotoSendsIt('in dir/ä=x/a b.csv')]);
  }, 180_000);

  it('an existing topic rule that already covers the setup is reused: only a subscription is added', async () => {
    const topicArn = (await sns().send(new CreateTopicCommand({ Name: 'landing' }))).TopicArn ?? '';
    await putNotification(motoUrl, BUCKET, {
      TopicConfigurations: [
        { Id: 'landing', TopicArn: topicArn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'in dir/' }] } } },
      ],
    });
    const m = machine(setup);
    const applied = await m.cli(['apply', '--setup', 'SETUP', '--yes', '--skip-test', '--resolve-overlap', 'fan-out']);
    expect(applied.code, applied.stderr).toBe(0);
    const subs = (await sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions ?? [];
    expect(subs.map((s) => s.Endpoint)).toEqual([`arn:aws:sqs:us-east-1:${ACCOUNT}:${setup.queueName as string}`]);
    const doc = await motoClients(motoUrl).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }));
    expect(doc.TopicConfigurations).toEqual([expect.objectContaining({ Id: 'landing' })]);
    await upload();
    expect(eventKeys(await drain(await queueUrl(setup.queueName as string)))).toEqual([keyAsMotoSendsIt('in dir/ä=x/a b.csv')]);
  });

  it('an overlap with a Lambda rule: the function is subscribed and the topic allowed to invoke it', async () => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials });
    const roleArn =
      (await iam.send(new CreateRoleCommand({ RoleName: 'fn-role', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }))).Role?.Arn ?? '';
    const lambda = new LambdaClient({ region: 'us-east-1', endpoint: motoUrl, credentials });
    const zip = zipSync({ 'h.py': new TextEncoder().encode('def h(e, c):\n    return 1\n') });
    const fn =
      (await lambda.send(new CreateFunctionCommand({ FunctionName: 'thumbs', Runtime: 'python3.12', Role: roleArn, Handler: 'h.h', Code: { ZipFile: zip } })))
        .FunctionArn ?? '';
    await putNotification(motoUrl, BUCKET, { LambdaFunctionConfigurations: [{ Id: 'thumbs', LambdaFunctionArn: fn, Events: ['s3:ObjectCreated:*'] }] });
    const m = machine(setup);
    const plan = await m.cli(['plan', '--setup', 'SETUP', '--resolve-overlap', 'fan-out']);
    expect(plan.stdout).toMatch(/inside an SNS message/);
    const applied = await m.cli(['apply', '--setup', 'SETUP', '--yes', '--skip-test', '--resolve-overlap', 'fan-out']);
    expect(applied.code, applied.stderr).toBe(0);
    const topics = (await sns().send(new ListTopicsCommand({}))).Topics ?? [];
    const subs = (await sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: topics[0]?.TopicArn ?? '' }))).Subscriptions ?? [];
    expect(subs.map((s) => [s.Protocol, s.Endpoint]).sort()).toEqual([
      ['lambda', fn],
      ['sqs', `arn:aws:sqs:us-east-1:${ACCOUNT}:${setup.queueName as string}`],
    ]);
    const policy = JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'thumbs' }))).Policy ?? '{}') as { Statement: Array<{ Sid: string }> };
    expect(policy.Statement.map((s) => s.Sid)).toContain('sqs-s3-wizard-fan-out');
  });
});

describe('SNS fan-out: drift, a fault in the middle, restore', () => {
  const faultProxy = useFaultProxy(motoUrl);
  beforeAll(ensureBuilt, 120_000);
  beforeEach(async () => createBucket(motoUrl, BUCKET));

  /** The API behind the GUI, the CLI and IPC, with its AWS calls through the fault proxy. */
  async function api() {
    const env = { ...motoEnv(faultProxy().url), SQS_S3_WIZARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'wizard-fan-out-api-')) };
    const dispatch = createDispatcher({ handlers, workspace: new Workspace(env), frontEnd: 'cli', emit: () => undefined });
    const call = async (channel: string, input: unknown) => {
      const r = await dispatch({ channel, input });
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    };
    await call('session.connect', { profile: 'moto', region: 'us-east-1' });
    return { call, dispatch };
  }

  const chosen = { ...setup, overlapResolution: 'fan-out' };
  type Plan = { step: string; action: string; basis: string; blocked: unknown };

  it('drift between plan and apply: a rule changed by someone else stops the write, with nothing of the fan-out half-done beyond that step', async () => {
    const { rule } = await otherTeam();
    const { call, dispatch } = await api();
    await call('setups.save', { setup: chosen });
    const plans = (await call('steps.planAll', { setup: chosen })) as Plan[];
    expect(plans.filter((p) => p.blocked)).toEqual([]);
    const fanOut = plans.find((p) => p.step === 'snsFanOut');
    expect(fanOut?.action).toBe('update');
    // Another team narrows its rule after the plan: the fan-out planned for the old rule must not be written.
    await putNotification(motoUrl, BUCKET, {
      QueueConfigurations: [{ ...rule, Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'in dir/2024/' }] } } }],
    });
    for (const step of ['queue', 'queuePolicy', 'kmsKeyPolicy']) {
      const plan = plans.find((p) => p.step === step);
      if (plan && plan.action !== 'unchanged') await call('steps.apply', { setup: chosen, step, basis: plan.basis });
    }
    const result = await dispatch({ channel: 'steps.apply', input: { setup: chosen, step: 'snsFanOut', basis: fanOut?.basis } });
    expect(result).toMatchObject({ ok: false, error: { code: 'DRIFT' } });
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toEqual([]);
  });

  it('a fault in the middle (the notification write fails) leaves every rule working; a re-run converges', async () => {
    const { queue } = await otherTeam();
    faultProxy().addRule({ service: 'S3', operation: 'PutBucketNotificationConfiguration', fault: { kind: 'internal-error' } });
    const env = { ...motoEnv(faultProxy().url), SQS_S3_WIZARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'wizard-fan-out-fault-')) };
    const file = join(mkdtempSync(join(tmpdir(), 'wizard-fan-out-file-')), 'setup.json');
    writeFileSync(file, JSON.stringify(chosen));
    const failed = await runCli(['apply', '--setup', file, '--yes', '--skip-test'], env);
    expect(failed.code).not.toBe(0);
    // The topic and subscriptions exist, but the bucket still sends to the other team's queue directly: nothing is lost.
    await drain(queue.url);
    await upload();
    expect(eventKeys(await drain(queue.url)).sort()).toEqual(['in dir/ä=x/a b.csv', 'in dir/other.csv'].map(keyAsMotoSendsIt).sort());
    faultProxy().clearRules();
    const rerun = await runCli(['apply', '--setup', file, '--yes', '--skip-test'], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    await drain(queue.url);
    await drain(await queueUrl(setup.queueName as string));
    await upload();
    expect(eventKeys(await drain(queue.url)).sort()).toEqual(['in dir/ä=x/a b.csv', 'in dir/other.csv'].map(keyAsMotoSendsIt).sort());
    expect(eventKeys(await drain(await queueUrl(setup.queueName as string)))).toEqual([keyAsMotoSendsIt('in dir/ä=x/a b.csv')]);
  });

  it('restore of the notification and fan-out backups brings the original document back', async () => {
    const { queue, rule } = await otherTeam();
    const { call } = await api();
    await call('setups.save', { setup: chosen });
    const results: Array<{ step: string; backupPath: string | null }> = [];
    for (const plan of (await call('steps.planAll', { setup: chosen })) as Plan[])
      if (plan.action !== 'unchanged')
        results.push((await call('steps.apply', { setup: chosen, step: plan.step, basis: plan.basis })) as { step: string; backupPath: string | null });
    const backupOf = (step: string) => results.find((r) => r.step === step)?.backupPath ?? '';
    for (const step of ['bucketNotification', 'snsFanOut']) {
      const plan = (await call('backups.planRestore', { path: backupOf(step) })) as { basis: string };
      await call('backups.restore', { path: backupOf(step), basis: plan.basis });
    }
    const doc = await motoClients(motoUrl).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }));
    expect(doc.QueueConfigurations).toEqual([expect.objectContaining({ Id: rule.Id, QueueArn: queue.arn })]);
    expect(doc.TopicConfigurations ?? []).toEqual([]);
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toEqual([]);
    await drain(queue.url);
    await upload();
    expect(eventKeys(await drain(queue.url)).sort()).toEqual(['in dir/ä=x/a b.csv', 'in dir/other.csv'].map(keyAsMotoSendsIt).sort());
  });
});
