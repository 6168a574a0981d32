import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDispatcher } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { Workspace } from '../../main/api/workspace';
import type { RestorePlan, StepPlan, StepResult } from '../../shared/steps/step-plan';
import { motoEnv } from '../support/aws-profile-files';
import { ensureBuilt } from '../support/ensure-built';
import { createBucket, createQueueWithPolicy, motoClients, sampleSetup } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');
const setup = sampleSetup();
const OPS = { Sid: 'AllowOpsTeamRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sqs:ReceiveMessage', Resource: '*' };

async function api() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wizard-keep-ours-'));
  const dispatch = createDispatcher({
    handlers,
    workspace: new Workspace({ ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: dataDir }),
    frontEnd: 'web',
    emit: () => undefined,
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch({ channel, input });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  await call('session.connect', { profile: 'moto', region: 'us-east-1' });
  return { call, dataDir };
}

/** Saves the setup and applies every step of its plan; returns the queue policy step's backup. */
async function applySetup(call: <T>(channel: string, input: unknown) => Promise<T>): Promise<string> {
  await call('setups.save', { setup });
  const results: StepResult[] = [];
  for (const plan of await call<StepPlan[]>('steps.planAll', { setup }))
    if (plan.action !== 'unchanged') results.push(await call<StepResult>('steps.apply', { setup, step: plan.step, basis: plan.basis }));
  return results.find((r) => r.step === 'queuePolicy')?.backupPath ?? '';
}

async function policyOf(url: string): Promise<{ Statement: Array<Record<string, unknown>> }> {
  const out = await motoClients(motoUrl).sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }));
  return JSON.parse(out.Attributes?.['Policy'] ?? 'null');
}

describe("restore keeping the setup's own part", () => {
  beforeAll(ensureBuilt, 120_000);
  beforeEach(async () => {
    await resetMoto(motoUrl);
    await createBucket(motoUrl, setup.bucket);
  });

  it("warns that the backup takes the setup's statement out, and keep-ours restores the others' statements through the guarded write", async () => {
    const queue = await createQueueWithPolicy(motoUrl, setup.queueName, { Version: '2012-10-17', Statement: [OPS] });
    const { call, dataDir } = await api();
    const backup = await applySetup(call);
    const ours = (await policyOf(queue.url)).Statement.find((s) => s['Sid'] === 'AllowS3ToSendMessage');
    // Someone replaces the other team's statement after the apply; ours stays first.
    const replaced = { ...OPS, Sid: 'SomeoneElse' };
    await motoClients(motoUrl).sqs.send(
      new SetQueueAttributesCommand({ QueueUrl: queue.url, Attributes: { Policy: JSON.stringify({ Version: '2012-10-17', Statement: [ours, replaced] }) } }),
    );

    const exact = await call<RestorePlan>('backups.planRestore', { path: backup });
    expect(exact.ownPart).toEqual({
      setupName: setup.name,
      removesOurs: true,
      consequence: "S3 may no longer send the bucket's events to the queue, so delivery to the platform stops.",
      keepOursRefused: null,
    });
    expect(exact.keepOurs).toBe(false);

    const kept = await call<RestorePlan>('backups.planRestore', { path: backup, keepOurs: true });
    expect(kept.keepOurs).toBe(true);
    expect((kept.proposed as { Statement: Array<{ Sid: string }> }).Statement.map((s) => s.Sid)).toEqual(['AllowOpsTeamRead', 'AllowS3ToSendMessage']);
    expect(kept.summary).toEqual(
      expect.arrayContaining([
        { kind: 'removed', label: 'Statement SomeoneElse' },
        { kind: 'added', label: 'Statement AllowOpsTeamRead' },
      ]),
    );

    const result = await call<StepResult>('backups.restore', { path: backup, basis: kept.basis, keepOurs: true });
    expect(result.action).toBe('updated');
    const after = await policyOf(queue.url);
    expect(after.Statement.map((s) => s['Sid'])).toEqual(['AllowOpsTeamRead', 'AllowS3ToSendMessage']);
    expect(after.Statement[1]).toEqual(ours);
    // The guarded write: the live document was backed up (holding SomeoneElse) and the write audited.
    expect(readFileSync(result.backupPath ?? '', 'utf8')).toContain('SomeoneElse');
    const audit = readFileSync(join(dataDir, 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { step: string; outcome: string; message: string });
    expect(audit.at(-1)).toMatchObject({
      step: 'restore:queuePolicy',
      outcome: 'ok',
      message: expect.stringContaining(`keeping the part of setup ${setup.name}`),
    });
    // The backup as it is would still take ours out; with ours kept there is nothing left to restore.
    expect((await call<RestorePlan>('backups.planRestore', { path: backup })).ownPart?.removesOurs).toBe(true);
    expect((await call<RestorePlan>('backups.planRestore', { path: backup, keepOurs: true })).action).toBe('unchanged');
  });

  it('a backup that recorded no policy plans a delete, not an update, and its restore deletes the policy', async () => {
    const { call } = await api();
    const backup = await applySetup(call);
    expect(JSON.parse(readFileSync(backup, 'utf8')).document).toBeNull();
    const plan = await call<RestorePlan>('backups.planRestore', { path: backup });
    expect(plan.action).toBe('delete');
    expect(plan.proposed).toBeNull();
    const done = await call<StepResult>('backups.restore', { path: backup, basis: plan.basis });
    expect(done.action).toBe('deleted');
  });

  it('a keep-ours restore still stops on drift: nothing is written when the live document changed since its plan', async () => {
    const queue = await createQueueWithPolicy(motoUrl, setup.queueName, { Version: '2012-10-17', Statement: [OPS] });
    const { call } = await api();
    const backup = await applySetup(call);
    const plan = await call<RestorePlan>('backups.planRestore', { path: backup, keepOurs: true });
    const meanwhile = { Version: '2012-10-17', Statement: [{ ...OPS, Sid: 'Meanwhile' }] };
    await motoClients(motoUrl).sqs.send(new SetQueueAttributesCommand({ QueueUrl: queue.url, Attributes: { Policy: JSON.stringify(meanwhile) } }));
    await expect(call('backups.restore', { path: backup, basis: plan.basis, keepOurs: true })).rejects.toThrow(/DRIFT/);
    expect(await policyOf(queue.url)).toEqual(meanwhile);
  });

  it("the CLI warns and names --keep-ours; with it, restore keeps the setup's statement", async () => {
    const queue = await createQueueWithPolicy(motoUrl, setup.queueName, { Version: '2012-10-17', Statement: [OPS] });
    const { call, dataDir } = await api();
    const backup = await applySetup(call);
    const ours = (await policyOf(queue.url)).Statement.find((s) => s['Sid'] === 'AllowS3ToSendMessage');
    await motoClients(motoUrl).sqs.send(
      new SetQueueAttributesCommand({ QueueUrl: queue.url, Attributes: { Policy: JSON.stringify({ Version: '2012-10-17', Statement: [ours] }) } }),
    );
    const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: dataDir };
    const kept = await runCli(['restore', '--backup', backup, '--keep-ours', '--yes'], env);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).not.toContain('warning: restoring this backup as it is');
    expect((await policyOf(queue.url)).Statement.map((s) => s['Sid'])).toEqual(['AllowOpsTeamRead', 'AllowS3ToSendMessage']);
    // Without --keep-ours the plan warns before the write, and names the flag.
    const plain = await runCli(['restore', '--backup', backup, '--yes'], env);
    expect(plain.stderr).toContain(
      `warning: restoring this backup as it is takes out the part of setup ${setup.name}: S3 may no longer send the bucket's events to the queue, so delivery to the platform stops.`,
    );
    expect(plain.stderr).toContain('pass --keep-ours');
    expect(plain.code, plain.stderr).toBe(0);
    expect((await policyOf(queue.url)).Statement.map((s) => s['Sid'])).toEqual(['AllowOpsTeamRead']);
  });
});
