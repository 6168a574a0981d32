import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { motoEnv, FAKE_KEYS } from '../support/aws-profile-files';
import { connectedApi } from '../support/configured-account';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { createBucket, motoClients, sampleSetup } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';
import { APPLY_CHAINS } from '../../shared/steps/aws-steps';

const motoUrl = inject('motoUrl');

/** The calls of one run as "SERVICE Operation" lines, in order. */
function callLines(proxy: FaultProxy): ReadonlyArray<string> {
  return proxy.calls().map((c) => `${c.service} ${c.operation}`);
}

describe('an apply run (steps.applyAll): one operation, every step still guarded', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(motoUrl);
  });
  afterAll(async () => proxy.close());
  beforeEach(async () => {
    await resetMoto(motoUrl);
    proxy.clearCalls();
  });

  it("apply --yes plans and applies in one operation (steps.planApplyAll): the run's first reads are the plan's, not asked again", async () => {
    await createBucket(motoUrl, 'acme-raw');
    const dir = mkdtempSync(join(tmpdir(), 'wizard-run-'));
    const file = join(dir, 'setup.json');
    writeFileSync(file, JSON.stringify(sampleSetup()));
    const run = await runCli(['apply', '--setup', file, '--yes', '--skip-test'], { ...motoEnv(proxy.url), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') });
    expect(run.code, run.stderr).toBe(0);
    // The plan is shown (after the run, which it preceded), and the run says when it starts writing.
    expect(run.stderr).toContain('Planned 7 steps, none blocked: saving the setup and applying them');
    expect(run.stderr).toMatch(/queue\b[\s\S]*create/i);
    const calls = callLines(proxy);
    const firstWrite = calls.findIndex((c) => / (Create|Put|Set)/.test(c));
    const beforeFirstWrite = calls.slice(0, firstWrite);
    // Each resource is read once before the first write: by the plan, and the run's re-reads are answered by it.
    for (const read of ['SQS GetQueueUrl', 'IAM GetRole', 'S3 GetBucketNotificationConfiguration', 'S3 GetBucketLocation'])
      expect(
        beforeFirstWrite.filter((c) => c === read),
        `${read} before the first write:\n${beforeFirstWrite.join('\n')}`,
      ).toHaveLength(1);
    // Without --yes on a terminal, the same setup is planned (steps.planAll) and refused with nothing written or saved.
    await resetMoto(motoUrl);
    await createBucket(motoUrl, 'acme-raw');
    const refused = await runCli(['apply', '--setup', file, '--skip-test'], { ...motoEnv(proxy.url), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data-2') });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --yes');
  });

  it('applies a fresh setup with no SNS call, re-reading only what each write changed, and leaves S3 test event off the new queue', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const dir = mkdtempSync(join(tmpdir(), 'wizard-run-'));
    const file = join(dir, 'setup.json');
    writeFileSync(file, JSON.stringify(sampleSetup()));
    const run = await runCli(['apply', '--setup', file, '--yes', '--skip-test', '--json'], {
      ...motoEnv(proxy.url),
      SQS_S3_WIZARD_DATA_DIR: join(dir, 'data'),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).changes.map((c: { action: string }) => c.action)).toEqual([
      'created',
      'created',
      'unchanged',
      'unchanged',
      'updated',
      'created',
      'created',
    ]);
    const calls = callLines(proxy);
    // No fan-out was chosen or recorded: the fan-out step has nothing to read, and the SNS package is never loaded.
    expect(calls.filter((c) => c.startsWith('SNS'))).toEqual([]);
    // Every write is preceded by a re-read of its resource and followed by a read-back.
    for (const [write, read] of [
      ['SQS CreateQueue', 'SQS GetQueueUrl'],
      ['SQS SetQueueAttributes', 'SQS GetQueueAttributes'],
      ['S3 PutBucketNotificationConfiguration', 'S3 GetBucketNotificationConfiguration'],
      ['IAM CreateRole', 'IAM GetRole'],
      ['IAM PutRolePolicy', 'IAM GetRolePolicy'],
    ] as const) {
      const at = calls.indexOf(write);
      expect(at, write).toBeGreaterThan(0);
      expect(calls.slice(0, at), `${read} before ${write}`).toContain(read);
      expect(calls.slice(at + 1), `${read} after ${write}`).toContain(read);
    }
    // The neighbourhood is read in full once per operation (plan, then the run), then only the parts a write changed:
    // the queue's tags once, after the queue step created the queue.
    expect(calls.filter((c) => c === 'SQS ListQueueTags')).toHaveLength(1);
    expect(calls.length, calls.join('\n')).toBeLessThanOrEqual(40);
    // The queue step's write gave the queue the setup's tags; the re-read neighbourhood knows the queue is the setup's
    // own, so the bucket notification step removed S3's test event from it.
    const { sqs } = motoClients(motoUrl);
    const url = (await sqs.send(new GetQueueUrlCommand({ QueueName: 'acme-raw-s3-events' }))).QueueUrl;
    const attrs = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    expect(attrs.Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('stops every chain at the first step whose resource changed since the plan, and says which steps were applied', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const { call } = await connectedApi(motoUrl);
    const setup = sampleSetup();
    const plans = (await call('steps.planAll', { setup })) as Array<{ step: string; basis: string }>;
    // Someone else creates the role between the plan and the apply.
    const iam = new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials: FAKE_KEYS });
    await iam.send(new CreateRoleCommand({ RoleName: setup.roleName as string, AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }));
    const run = (await call('steps.applyAll', { setup, plans: plans.map((p) => ({ step: p.step, basis: p.basis })) })) as {
      results: Array<{ step: string; action: string }>;
      failed: { step: string; error: { code: string; message: string } } | null;
    };
    expect(run.failed).toMatchObject({ step: 'roleTrust', error: { code: 'DRIFT' } });
    expect(run.failed?.error.message).toContain('changed since the plan');
    // The role's chain stopped at its first step; the queue's chain, running alongside, stopped before its next step
    // (so it never reached the bucket), and what it applied is reported in order.
    const applied = run.results.map((r) => r.step);
    expect(applied).toEqual(APPLY_CHAINS[0]?.slice(0, applied.length));
    expect(applied).not.toContain('bucketNotification');
  });

  it('applies the plans in step order whatever order they are given in, each at most once', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const { call } = await connectedApi(motoUrl);
    const setup = sampleSetup();
    const plans = (await call('steps.planAll', { setup })) as Array<{ step: string; basis: string }>;
    const run = (await call('steps.applyAll', { setup, plans: [...plans].reverse().map((p) => ({ step: p.step, basis: p.basis })) })) as {
      results: Array<{ step: string }>;
      failed: unknown;
    };
    expect(run.failed).toBeNull();
    expect(run.results.map((r) => r.step)).toEqual(plans.map((p) => p.step));
    const twice = [plans[0], plans[0]].map((p) => ({ step: p?.step, basis: p?.basis }));
    await expect(call('steps.applyAll', { setup, plans: twice })).rejects.toThrow(/BAD_INPUT.*each step at most once/);
  });
});
