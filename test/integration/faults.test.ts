import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, inject, it } from 'vitest';
import { createDispatcher } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { Workspace } from '../../main/api/workspace';
import type { AwsTarget } from '../../main/aws/client-config';
import { getRole, getRolePolicy, listRolePolicies } from '../../main/aws/iam';
import { getBucketNotification } from '../../main/aws/s3';
import { getQueueAttributes, getQueueUrl } from '../../main/aws/sqs';
import type { ApiError, ApiResult } from '../../shared/contract/api-error';
import { AWS_STEP_IDS, AWS_STEPS, type AwsStepId } from '../../shared/steps/aws-steps';
import type { LiveTestResult } from '../../shared/livetest/live-test-result';
import type { RestorePlan, StepPlan, StepResult } from '../../shared/steps/step-plan';
import { FAKE_KEYS, motoEnv } from '../support/aws-profile-files';
import type { Fault, ProxiedService } from '../support/fault-proxy';
import { createBucket, createQueueWithPolicy, motoClients, putNotification, sampleSetup } from '../support/moto-seed';
import { useFaultProxy } from '../support/fault-proxy-hooks';

const motoUrl = inject('motoUrl');
const setup = sampleSetup();
const ROLE = setup.roleName as string;
const QUEUE = setup.queueName as string;
const BUCKET = setup.bucket as string;
/** Reads behind the app's back, straight from moto (not through the proxy). */
const direct: AwsTarget = { region: 'us-east-1', credentials: { ...FAKE_KEYS }, env: { AWS_ENDPOINT_URL: motoUrl } };
const STACK_TRACE = /\n\s+at /;

const faultProxy = useFaultProxy(motoUrl);

const FOREIGN_TRUST = { Sid: 'LetAuditAssume', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/audit' }, Action: 'sts:AssumeRole' };
const FOREIGN_QUEUE_STATEMENT = {
  Sid: 'LetAuditRead',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::123456789012:root' },
  Action: 'sqs:ReceiveMessage',
  Resource: '*',
};
const FOREIGN_INLINE = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] };

/** Other teams' configuration the wizard must keep: a queue configuration and a Lambda rule, and optionally our queue and role with their statements. */
async function seedForeign(options: { readonly queue: boolean; readonly role: boolean }): Promise<void> {
  await createBucket(motoUrl, BUCKET);
  const thumbs = await createQueueWithPolicy(motoUrl, 'thumbnails');
  await putNotification(motoUrl, BUCKET, {
    QueueConfigurations: [
      { Id: 'thumbs', QueueArn: thumbs.arn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }] } } },
    ],
    LambdaFunctionConfigurations: [
      { Id: 'indexer', LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:indexer', Events: ['s3:ObjectRemoved:*'] },
    ],
  });
  if (options.queue) await createQueueWithPolicy(motoUrl, QUEUE, { Version: '2012-10-17', Statement: [FOREIGN_QUEUE_STATEMENT] });
  if (options.role) {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials: { ...FAKE_KEYS } });
    await iam.send(new CreateRoleCommand({ RoleName: ROLE, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [FOREIGN_TRUST] }) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'audit-read', PolicyDocument: JSON.stringify(FOREIGN_INLINE) }));
  }
}

/** Everything the wizard touches, read straight from moto. */
async function snapshot() {
  const url = await getQueueUrl(direct, QUEUE);
  const policy = url ? (await getQueueAttributes(direct, url, ['Policy'])).Policy : undefined;
  const role = await getRole(direct, ROLE);
  const inline: Record<string, unknown> = {};
  for (const name of (role ? await listRolePolicies(direct, ROLE) : null) ?? []) inline[name] = await getRolePolicy(direct, ROLE, name);
  return {
    queue: url !== null,
    queuePolicy: policy ? (JSON.parse(policy) as { Statement: Array<{ Sid?: string }> }) : null,
    notification: await getBucketNotification(direct, { name: BUCKET, owner: '123456789012' }),
    trust: (role?.trustPolicy ?? null) as { Statement: Array<{ Sid?: string }> } | null,
    inline,
  };
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

function sids(doc: { Statement: Array<{ Sid?: string }> } | null): ReadonlyArray<string | undefined> {
  return doc?.Statement.map((s) => s.Sid) ?? [];
}

/** Other teams' configurations are all still there (whatever the wizard did). */
function expectForeignKept(state: Snapshot, seeded: { readonly queue: boolean; readonly role: boolean }): void {
  expect(state.notification?.QueueConfigurations?.map((c) => c.Id)).toContain('thumbs');
  expect(state.notification?.LambdaFunctionConfigurations?.map((c) => c.Id)).toEqual(['indexer']);
  if (seeded.queue) expect(sids(state.queuePolicy)).toContain('LetAuditRead');
  if (seeded.role) {
    expect(sids(state.trust)).toContain('LetAuditAssume');
    expect(state.inline['audit-read']).toEqual(FOREIGN_INLINE);
  }
}

/** The intended end state: every step's document in place, next to the foreign ones. */
function expectIntended(state: Snapshot): void {
  expect(state.queue).toBe(true);
  expect(sids(state.queuePolicy)).toContain('AllowS3ToSendMessage');
  expect(state.notification?.QueueConfigurations?.map((c) => c.Id)).toContain(QUEUE);
  expect(state.trust?.Statement.length).toBeGreaterThanOrEqual(2);
  expect(Object.keys(state.inline)).toContain('platform-s3-sqs-access');
}

/** A wizard session through the real dispatcher, with every AWS call going through the faultProxy(). */
async function wizard() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wizard-faults-'));
  const env = { ...motoEnv(faultProxy().url), SQS_S3_WIZARD_DATA_DIR: dataDir };
  const dispatch = createDispatcher({ handlers, workspace: new Workspace(env), frontEnd: 'cli', emit: () => undefined });
  const send = <T>(channel: string, input: unknown, operationId?: string) =>
    dispatch({ channel, input, ...(operationId ? { operationId } : {}) }) as Promise<ApiResult<T>>;
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await send<T>(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await call('session.connect', { profile: 'moto', region: 'us-east-1' });
  await call('setups.save', { setup });
  const plan = (step: AwsStepId) => call<StepPlan>('steps.plan', { setup, step });
  const apply = (step: AwsStepId, basis: string, operationId?: string) => send<StepResult>('steps.apply', { setup, step, basis }, operationId);
  /** Plans and applies the steps (all, or those before `until`); returns what each did. */
  const applySteps = async (until?: AwsStepId) => {
    const actions: Partial<Record<AwsStepId, string>> = {};
    for (const step of AWS_STEP_IDS) {
      if (step === until) break;
      const p = await plan(step);
      expect(p.blocked, `${step} blocked`).toBeNull();
      actions[step] = p.action === 'unchanged' ? 'unchanged' : (await call<StepResult>('steps.apply', { setup, step, basis: p.basis })).action;
    }
    return actions;
  };
  const backups = (kind: string) =>
    readdirSync(join(dataDir, 'backups', setup.name as string), { withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith(`-${kind}.json`))
      .map((f) => join(dataDir, 'backups', setup.name as string, f.name))
      .sort();
  return { dataDir, send, call, plan, apply, applySteps, backups };
}

type Wizard = Awaited<ReturnType<typeof wizard>>;

function expectClearError(error: ApiError, code: string, action: string, resourceName: string): void {
  expect(error.code).toBe(code);
  expect(error.message).toContain(action);
  expect(error.message).toContain(resourceName);
  expect(JSON.stringify(error)).not.toMatch(STACK_TRACE);
  expect(`${error.message} ${error.fix ?? ''}`).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

/** Each write of the guided apply, with the live state that makes the step make exactly that call. */
interface WriteCase {
  readonly step: AwsStepId;
  readonly service: ProxiedService;
  readonly operation: string;
  readonly action: string;
  readonly resourceName: string;
  readonly seed: { readonly queue: boolean; readonly role: boolean };
  /** The persistent fault tried on this write: each kind on two writes keeps the file fast. */
  readonly persistent: PersistentFault;
}

/** A fault that outlasts the SDK's retries, and the error code the wizard then gives. */
interface PersistentFault {
  readonly fault: Fault;
  readonly code: string;
}

const PERSISTENT: Readonly<Record<'internal-error' | 'throttle' | 'reset', PersistentFault>> = {
  'internal-error': { fault: { kind: 'internal-error' }, code: 'AWS_ERROR' },
  throttle: { fault: { kind: 'throttle' }, code: 'THROTTLED' },
  reset: { fault: { kind: 'reset' }, code: 'ENDPOINT_UNREACHABLE' },
};

const WRITES: ReadonlyArray<WriteCase> = [
  {
    step: 'queue',
    service: 'SQS',
    operation: 'CreateQueue',
    action: 'sqs:CreateQueue',
    resourceName: QUEUE,
    seed: { queue: false, role: true },
    persistent: PERSISTENT['internal-error'],
  },
  {
    step: 'queuePolicy',
    service: 'SQS',
    operation: 'SetQueueAttributes',
    action: 'sqs:SetQueueAttributes',
    resourceName: QUEUE,
    seed: { queue: true, role: true },
    persistent: PERSISTENT.throttle,
  },
  {
    step: 'bucketNotification',
    service: 'S3',
    operation: 'PutBucketNotificationConfiguration',
    action: 's3:PutBucketNotification',
    resourceName: BUCKET,
    seed: { queue: true, role: true },
    persistent: PERSISTENT.reset,
  },
  {
    step: 'roleTrust',
    service: 'IAM',
    operation: 'CreateRole',
    action: 'iam:CreateRole',
    resourceName: ROLE,
    seed: { queue: true, role: false },
    persistent: PERSISTENT.throttle,
  },
  {
    step: 'roleTrust',
    service: 'IAM',
    operation: 'UpdateAssumeRolePolicy',
    action: 'iam:UpdateAssumeRolePolicy',
    resourceName: ROLE,
    seed: { queue: true, role: true },
    persistent: PERSISTENT.reset,
  },
  {
    step: 'rolePermissions',
    service: 'IAM',
    operation: 'PutRolePolicy',
    action: 'iam:PutRolePolicy',
    resourceName: ROLE,
    seed: { queue: true, role: true },
    persistent: PERSISTENT['internal-error'],
  },
];

/** Seeds, opens a wizard and applies the steps before the one under test, all without faults. */
async function upTo(c: WriteCase): Promise<{ w: Wizard; plan: StepPlan; before: Snapshot }> {
  await seedForeign(c.seed);
  const w = await wizard();
  await w.applySteps(c.step);
  const plan = await w.plan(c.step);
  expect(plan.action).not.toBe('unchanged');
  faultProxy().clearCalls();
  return { w, plan, before: await snapshot() };
}

describe.each(WRITES)('step $step ($operation) under faults', (c) => {
  it.each(['internal-error', 'throttle', 'reset'] as const)('a single %s is retried by the SDK and the step succeeds', async (kind) => {
    const { w, plan } = await upTo(c);
    faultProxy().addRule({ service: c.service, operation: c.operation, fault: { kind }, times: 1 });
    const result = await w.apply(c.step, plan.basis);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(
      faultProxy()
        .callsOf(c.service, c.operation)
        .map((x) => x.faulted),
    ).toEqual([kind, null]);
    expectForeignKept(await snapshot(), c.seed);
  });

  it('a lost response (the write happened) is retried and the step still succeeds', async () => {
    const { w, plan } = await upTo(c);
    faultProxy().addRule({ service: c.service, operation: c.operation, fault: { kind: 'lose-response' }, times: 1 });
    const result = await w.apply(c.step, plan.basis);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(faultProxy().callsOf(c.service, c.operation).length).toBe(2);
    expect((await w.plan(c.step)).action).toBe('unchanged');
  });

  it('when every response is lost (the write happened), the message does not claim nothing changed; a re-run converges', async () => {
    const { w, plan } = await upTo(c);
    faultProxy().addRule({ service: c.service, operation: c.operation, fault: { kind: 'lose-response' } });
    const result = await w.apply(c.step, plan.basis);
    if (!result.ok) {
      expectClearError(result.error, 'ENDPOINT_UNREACHABLE', c.action, c.resourceName);
      expect(result.error.fix).not.toContain('is as it was before');
      expect(result.error.fix).toContain('Plan again');
    }
    faultProxy().clearRules();
    const rerun = await w.applySteps();
    expect(rerun[c.step]).toBe('unchanged');
    expectIntended(await snapshot());
    expectForeignKept(await snapshot(), c.seed);
  });

  it(`a persistent ${c.persistent.fault.kind} stops with ${c.persistent.code}, the backup on disk and the state unchanged; a re-run converges`, async () => {
    const { fault, code } = c.persistent;
    const { w, plan, before } = await upTo(c);
    faultProxy().addRule({ service: c.service, operation: c.operation, fault });
    const result = await w.apply(c.step, plan.basis);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectClearError(result.error, code, c.action, c.resourceName);
    expect(faultProxy().callsOf(c.service, c.operation)).toHaveLength(3);
    const [backup] = w.backups(AWS_STEPS[c.step].backupKind);
    expect(backup, 'backup written before the write').toBeDefined();
    expect(JSON.parse(readFileSync(backup ?? '', 'utf8')).document).toEqual(plan.current);
    expect(result.error.fix).toContain(backup);
    const after = await snapshot();
    expect(after).toEqual(before);
    expectForeignKept(after, c.seed);

    faultProxy().clearRules();
    const rerun = await w.applySteps();
    expect(rerun[c.step]).toBe(plan.action === 'create' ? 'created' : 'updated');
    for (const step of AWS_STEP_IDS) expect((await w.plan(step)).action, step).toBe('unchanged');
    const final = await snapshot();
    expectIntended(final);
    expectForeignKept(final, c.seed);
  });

  it('a delayed write stops promptly with CANCELLED on Cancel, never reaching the server', async () => {
    const { w, plan, before } = await upTo(c);
    faultProxy().addRule({ service: c.service, operation: c.operation, fault: { kind: 'delay', ms: 30_000 } });
    const running = w.apply(c.step, plan.basis, 'slow-write');
    await expect.poll(() => faultProxy().callsOf(c.service, c.operation).length, { timeout: 5_000, interval: 20 }).toBe(1);
    const cancelledAt = Date.now();
    expect(await w.send('operation.cancel', { operationId: 'slow-write' })).toMatchObject({ ok: true, value: { cancelled: true } });
    const result = await running;
    expect(Date.now() - cancelledAt).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    if (!result.ok) expectClearError(result.error, 'CANCELLED', c.action, c.resourceName);
    await expect.poll(() => faultProxy().callsOf(c.service, c.operation)[0]?.outcome).toBe('client-gone');
    expect(w.backups(AWS_STEPS[c.step].backupKind)).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
  });
});

/** Each restorable kind of backup, with the write its restore makes. */
interface RestoreCase {
  readonly kind: string;
  readonly service: ProxiedService;
  readonly operation: string;
  readonly action: string;
  readonly resourceName: string;
  readonly transient: Fault['kind'];
  readonly persistent: PersistentFault;
}

const RESTORES: ReadonlyArray<RestoreCase> = [
  {
    kind: 'bucket-notification',
    service: 'S3',
    operation: 'PutBucketNotificationConfiguration',
    action: 's3:PutBucketNotification',
    resourceName: BUCKET,
    transient: 'throttle',
    persistent: PERSISTENT['internal-error'],
  },
  {
    kind: 'queue-policy',
    service: 'SQS',
    operation: 'SetQueueAttributes',
    action: 'sqs:SetQueueAttributes',
    resourceName: QUEUE,
    transient: 'reset',
    persistent: PERSISTENT.reset,
  },
  {
    kind: 'role-trust-policy',
    service: 'IAM',
    operation: 'UpdateAssumeRolePolicy',
    action: 'iam:UpdateAssumeRolePolicy',
    resourceName: ROLE,
    transient: 'internal-error',
    persistent: PERSISTENT.throttle,
  },
];

const ALL_SEEDED = { queue: true, role: true } as const;

/** A fully applied account with foreign configuration, and the restore plan of the backup taken before our change. */
async function restorable(r: RestoreCase) {
  await seedForeign(ALL_SEEDED);
  const w = await wizard();
  await w.applySteps();
  const [path = ''] = w.backups(r.kind);
  const plan = await w.call<RestorePlan>('backups.planRestore', { path });
  expect(plan.action).toBe('update');
  faultProxy().clearCalls();
  const restore = (basis: string, operationId?: string) => w.send<StepResult>('backups.restore', { path, basis }, operationId);
  const planAgain = () => w.call<RestorePlan>('backups.planRestore', { path });
  return { w, plan, restore, planAgain, before: await snapshot() };
}

describe.each(RESTORES)('restore of a $kind backup under faults', (r) => {
  it(`a single ${r.transient} is retried by the SDK and the restore succeeds`, async () => {
    const { plan, restore, planAgain } = await restorable(r);
    faultProxy().addRule({ service: r.service, operation: r.operation, fault: { kind: r.transient } as Fault, times: 1 });
    const result = await restore(plan.basis);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(
      faultProxy()
        .callsOf(r.service, r.operation)
        .map((x) => x.faulted),
    ).toEqual([r.transient, null]);
    expect((await planAgain()).action).toBe('unchanged');
    expectForeignKept(await snapshot(), ALL_SEEDED);
  });

  it(`a persistent ${r.persistent.fault.kind} stops with ${r.persistent.code}, the live document backed up and unchanged; a re-run converges`, async () => {
    const { w, plan, restore, planAgain, before } = await restorable(r);
    const backupsBefore = w.backups(r.kind).length;
    faultProxy().addRule({ service: r.service, operation: r.operation, fault: r.persistent.fault });
    const result = await restore(plan.basis);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectClearError(result.error, r.persistent.code, r.action, r.resourceName);
    expect(faultProxy().callsOf(r.service, r.operation)).toHaveLength(3);
    const backups = w.backups(r.kind);
    expect(backups).toHaveLength(backupsBefore + 1);
    expect(JSON.parse(readFileSync(backups.at(-1) ?? '', 'utf8')).document).toEqual(plan.current);
    expect(await snapshot()).toEqual(before);

    faultProxy().clearRules();
    const again = await planAgain();
    expect(again.action).toBe('update');
    expect(await restore(again.basis)).toMatchObject({ ok: true, value: { action: 'updated' } });
    expect((await planAgain()).action).toBe('unchanged');
    expectForeignKept(await snapshot(), ALL_SEEDED);
  });

  it('a delayed restore write stops promptly with CANCELLED on Cancel', async () => {
    const { w, plan, restore, before } = await restorable(r);
    faultProxy().addRule({ service: r.service, operation: r.operation, fault: { kind: 'delay', ms: 30_000 } });
    const running = restore(plan.basis, 'slow-restore');
    await expect.poll(() => faultProxy().callsOf(r.service, r.operation).length, { timeout: 5_000, interval: 20 }).toBe(1);
    const cancelledAt = Date.now();
    await w.send('operation.cancel', { operationId: 'slow-restore' });
    const result = await running;
    expect(Date.now() - cancelledAt).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await snapshot()).toEqual(before);
  });
});

/** Each call of the live test, with one transient and one persistent fault. */
interface LiveCase {
  readonly service: ProxiedService;
  readonly operation: string;
  readonly action: string;
  readonly resourceName: string;
  readonly transient: Fault['kind'];
  readonly persistent: PersistentFault;
}

const LIVE: ReadonlyArray<LiveCase> = [
  { service: 'S3', operation: 'PutObject', action: 's3:PutObject', resourceName: BUCKET, transient: 'internal-error', persistent: PERSISTENT.throttle },
  { service: 'SQS', operation: 'ReceiveMessage', action: 'sqs:ReceiveMessage', resourceName: QUEUE, transient: 'throttle', persistent: PERSISTENT.reset },
  {
    service: 'SQS',
    operation: 'ChangeMessageVisibility',
    action: 'sqs:ChangeMessageVisibility',
    resourceName: QUEUE,
    transient: 'reset',
    persistent: PERSISTENT['internal-error'],
  },
];

/** A configured account whose queue holds one platform message, so the live test must release it (ChangeMessageVisibility). */
async function liveTestReady() {
  await seedForeign(ALL_SEEDED);
  const w = await wizard();
  await w.applySteps();
  const { sqs } = motoClients(motoUrl);
  const queueUrl = (await getQueueUrl(direct, QUEUE)) ?? '';
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"platform":"data"}' }));
  faultProxy().clearCalls();
  const run = (operationId?: string) => w.send<LiveTestResult>('livetest.run', { setup, timeoutSeconds: 10 }, operationId);
  return { w, queueUrl, run };
}

/** Messages in the queue, visible or in flight: a message the live test swallowed would be missing. */
async function messagesInQueue(queueUrl: string): Promise<number> {
  const attrs = await getQueueAttributes(direct, queueUrl, ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible']);
  return Number(attrs.ApproximateNumberOfMessages ?? 0) + Number(attrs.ApproximateNumberOfMessagesNotVisible ?? 0);
}

async function testObjectsLeft(): Promise<number> {
  const out = await motoClients(motoUrl).s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: setup.prefix as string }));
  return out.KeyCount ?? 0;
}

describe.each(LIVE)('live test: $operation under faults', (l) => {
  it(`a single ${l.transient} is retried by the SDK and the live test passes`, async () => {
    const { run } = await liveTestReady();
    faultProxy().addRule({ service: l.service, operation: l.operation, fault: { kind: l.transient } as Fault, times: 1 });
    const result = await run();
    expect(result).toMatchObject({ ok: true, value: { ok: true, objectDeleted: true, released: expect.any(Number) } });
    expect(
      faultProxy()
        .callsOf(l.service, l.operation)
        .slice(0, 2)
        .map((x) => x.faulted),
    ).toEqual([l.transient, null]);
  });

  it(`a persistent ${l.persistent.fault.kind} stops with ${l.persistent.code}, no test object left, no message lost; a re-run passes`, async () => {
    const { queueUrl, run } = await liveTestReady();
    faultProxy().addRule({ service: l.service, operation: l.operation, fault: l.persistent.fault });
    const result = await run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectClearError(result.error, l.persistent.code, l.action, l.resourceName);
    expect(faultProxy().callsOf(l.service, l.operation)).toHaveLength(3);
    expect(await testObjectsLeft()).toBe(0);
    if (l.operation !== 'PutObject') expect(result.error.fix).toMatch(/The test object s3:\/\/acme-raw\/.+ was deleted\./);
    expect(await messagesInQueue(queueUrl)).toBeGreaterThanOrEqual(1);
    expectForeignKept(await snapshot(), ALL_SEEDED);

    faultProxy().clearRules();
    expect(await run()).toMatchObject({ ok: true, value: { ok: true, objectDeleted: true } });
  });

  it('a delayed call stops promptly with CANCELLED on Cancel, leaving no test object', async () => {
    const { w, queueUrl, run } = await liveTestReady();
    faultProxy().addRule({ service: l.service, operation: l.operation, fault: { kind: 'delay', ms: 30_000 } });
    const running = run('slow-live-test');
    await expect.poll(() => faultProxy().callsOf(l.service, l.operation).length, { timeout: 5_000, interval: 20 }).toBe(1);
    const cancelledAt = Date.now();
    await w.send('operation.cancel', { operationId: 'slow-live-test' });
    const result = await running;
    expect(Date.now() - cancelledAt).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    if (!result.ok) expect(JSON.stringify(result.error)).not.toMatch(STACK_TRACE);
    expect(await testObjectsLeft()).toBe(0);
    expect(await messagesInQueue(queueUrl)).toBeGreaterThanOrEqual(1);
  });
});
