import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { describe, expect, inject, it } from 'vitest';
import { createDispatcher } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { Workspace } from '../../main/api/workspace';
import type { ApiError, ApiResult } from '../../shared/contract/api-error';
import type { DoctorReport } from '../../shared/diagnostics/diagnostic-check';
import type { LiveTestResult } from '../../shared/livetest/live-test-result';
import { AWS_STEP_IDS, type AwsStepId } from '../../shared/steps/aws-steps';
import type { StepPlan, StepResult } from '../../shared/steps/step-plan';
import { motoEnv } from '../support/aws-profile-files';
import {
  destinationValidationError,
  iamAccessDeniedError,
  operationAbortedError,
  QUEUE_PERMISSION_REASON,
  sqsAccessDeniedError,
} from '../support/aws-error-bodies';
import { useFaultProxy } from '../support/fault-proxy-hooks';
import { createBucket, motoClients, sampleSetup } from '../support/moto-seed';

const motoUrl = inject('motoUrl');
const setup = sampleSetup();
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:acme-raw-s3-events';
const BUCKET_ARN = 'arn:aws:s3:::acme-raw';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/platform-s3-sqs-consumer-role';
const faultProxy = useFaultProxy(motoUrl);

/** A session through the real dispatcher with every AWS call going through the fault proxy; progress lines collected. */
async function session(env: NodeJS.ProcessEnv = {}) {
  await createBucket(motoUrl, 'acme-raw');
  const progress: string[] = [];
  const workspace = new Workspace({ ...motoEnv(faultProxy().url), SQS_S3_WIZARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'wizard-ec-')), ...env });
  const dispatch = createDispatcher({ handlers, workspace, frontEnd: 'cli', emit: (e) => void progress.push(e.message) });
  const send = <T>(channel: string, input: unknown) => dispatch({ channel, input }) as Promise<ApiResult<T>>;
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await send<T>(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await call('session.connect', { profile: 'moto', region: 'us-east-1' });
  await call('setups.save', { setup });
  /** Plans and applies one step; the result, or the error value the apply ended with. */
  const applyStep = async (step: AwsStepId): Promise<ApiResult<StepResult>> => {
    const plan = await call<StepPlan>('steps.plan', { setup, step });
    expect(plan.blocked, `${step} blocked`).toBeNull();
    return send<StepResult>('steps.apply', { setup, step, basis: plan.basis });
  };
  const applyAll = async () => {
    for (const step of AWS_STEP_IDS) {
      const result = await applyStep(step);
      if (!result.ok) throw new Error(`${step}: ${result.error.message}`);
    }
  };
  return { progress, send, call, applyStep, applyAll };
}

/** S3 refuses every notification write (or the next `times`), naming `arn` with `reason`, as AWS's error body does. */
function refuseDestination(arn: string, reason: string, times?: number): void {
  faultProxy().addRule({
    service: 'S3',
    operation: 'PutBucketNotificationConfiguration',
    fault: { kind: 'aws-error', answer: destinationValidationError([{ arn, reason }]) },
    ...(times === undefined ? {} : { times }),
  });
}

function errorOf<T>(result: ApiResult<T>): ApiError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe("eventual consistency: AWS's exact answers from the fault proxy", () => {
  it('"Unable to validate the following destination configurations" right after our queue policy: waits, reports why, converges', async () => {
    const s = await session();
    refuseDestination(QUEUE_ARN, QUEUE_PERMISSION_REASON, 2);
    await s.applyAll();
    expect(
      faultProxy()
        .callsOf('S3', 'PutBucketNotificationConfiguration')
        .map((c) => c.outcome),
    ).toEqual([400, 400, 200]);
    const waits = s.progress.filter((m) => m.startsWith(`s3:PutBucketNotification on ${BUCKET_ARN}: S3 could not validate ${QUEUE_ARN} yet`));
    expect(waits).toHaveLength(2);
    expect(waits[0]).toMatch(/its queue policy, written \d+ s ago, lets the bucket send, and S3 may not see it yet\. Trying again in 1 s/);
  });

  it("gives up at the bound, naming the queue ARN, S3's reason and how long it waited", async () => {
    const s = await session({ SQS_S3_WIZARD_CONSISTENCY_WAIT: '4' });
    refuseDestination(QUEUE_ARN, QUEUE_PERMISSION_REASON);
    for (const step of ['queue', 'queuePolicy'] as const) expect((await s.applyStep(step)).ok).toBe(true);
    const error = errorOf(await s.applyStep('bucketNotification'));
    expect(error.message).toContain(`S3 refused the notification configuration of ${BUCKET_ARN}`);
    expect(error.message).toContain(`${QUEUE_ARN} (S3: "${QUEUE_PERMISSION_REASON}")`);
    expect(error.message).toMatch(/S3 still refuses \d+ s after its queue policy was written, though the policy allows the bucket.*\(Waited \d+ s\.\)/);
    expect(error.fix).toContain('Wait a minute and apply again');
    expect(faultProxy().callsOf('S3', 'PutBucketNotificationConfiguration').length).toBeGreaterThan(1);
  });

  it('names the queue policy as the cause, without waiting, when the policy does not let the bucket send', async () => {
    const s = await session();
    refuseDestination(QUEUE_ARN, QUEUE_PERMISSION_REASON);
    expect((await s.applyStep('queue')).ok).toBe(true);
    // The queue policy step is skipped: the queue has no policy at all.
    const error = errorOf(await s.applyStep('bucketNotification'));
    expect(error.message).toContain(`${QUEUE_ARN} (S3: "${QUEUE_PERMISSION_REASON}"): its queue policy does not let S3 send from ${BUCKET_ARN}`);
    expect(error.fix).toContain('Apply the queue policy step');
    expect(faultProxy().callsOf('S3', 'PutBucketNotificationConfiguration')).toHaveLength(1);
    expect(s.progress.some((m) => m.includes('Trying again'))).toBe(false);
  });

  it('names the KMS key when the policy allows the bucket but the queue is encrypted with a customer managed key', async () => {
    const s = await session();
    const { sqs, kms } = motoClients(motoUrl);
    // A real customer managed key of moto's account, so the plan of its key policy step is not blocked.
    const key = (await kms.send(new CreateKeyCommand({ Description: 'another team key' }))).KeyMetadata?.Arn ?? '';
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: setup.queueName as string }))).QueueUrl;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { KmsMasterKeyId: key } }));
    expect((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['KmsMasterKeyId'] }))).Attributes?.KmsMasterKeyId).toBe(key);
    refuseDestination(QUEUE_ARN, QUEUE_PERMISSION_REASON);
    for (const step of ['queue', 'queuePolicy'] as const) expect((await s.applyStep(step)).ok).toBe(true);
    const error = errorOf(await s.applyStep('bucketNotification'));
    expect(error.message).toContain(`its queue policy allows S3, but the queue is encrypted with KMS key ${key}`);
    expect(error.fix).toContain('kms:GenerateDataKey');
  });

  it("when S3 refuses another team's destination deleted after the plan, the message carries its ARN, S3's reason and the cause", async () => {
    const s = await session();
    const gone = 'arn:aws:sqs:us-east-1:123456789012:deleted-after-the-plan';
    refuseDestination(gone, 'The destination queue does not exist');
    for (const step of ['queue', 'queuePolicy'] as const) expect((await s.applyStep(step)).ok).toBe(true);
    const error = errorOf(await s.applyStep('bucketNotification'));
    expect(error.message).toContain(`${gone} (S3: "The destination queue does not exist"): the queue does not exist`);
    expect(error.fix).toContain('remove the rule that sends to it');
    expect(faultProxy().callsOf('S3', 'PutBucketNotificationConfiguration')).toHaveLength(1);
  });

  it("retries S3's OperationAborted with backoff, reporting it, and converges", async () => {
    const s = await session();
    faultProxy().addRule({
      service: 'S3',
      operation: 'PutBucketNotificationConfiguration',
      fault: { kind: 'aws-error', answer: operationAbortedError() },
      times: 2,
    });
    await s.applyAll();
    expect(
      faultProxy()
        .callsOf('S3', 'PutBucketNotificationConfiguration')
        .map((c) => c.outcome),
    ).toEqual([409, 409, 200]);
    const reported = s.progress.filter((m) => m.includes('S3 answered OperationAborted: another change to this bucket is in progress'));
    expect(reported).toHaveLength(2);
  });

  it("tolerates a new role's AccessDenied for a few seconds in apply and diagnostics, and says so", async () => {
    const s = await session();
    faultProxy().addRule({
      service: 'IAM',
      operation: 'GetRole',
      fault: { kind: 'aws-error', answer: iamAccessDeniedError('iam:GetRole', ROLE_ARN) },
      times: 3,
      after: { service: 'IAM', operation: 'CreateRole' },
    });
    await s.applyAll();
    const report = await s.call<DoctorReport>('doctor.run', { setup });
    expect(report.ok).toBe(true);
    const tolerated = s.progress.filter((m) =>
      /^iam:GetRole: AWS answered AccessDenied, but this run changed iam platform-s3-sqs-consumer-role only \d+ s ago/.test(m),
    );
    expect(tolerated).toHaveLength(3);
    expect(
      faultProxy()
        .callsOf('IAM', 'GetRole')
        .filter((c) => c.outcome === 403),
    ).toHaveLength(3);
  });

  it('the live test tolerates an AccessDenied on the queue the run just changed, and says so', async () => {
    const s = await session();
    await s.applyAll();
    faultProxy().addRule({
      service: 'SQS',
      operation: 'ReceiveMessage',
      fault: { kind: 'aws-error', answer: sqsAccessDeniedError('sqs:ReceiveMessage') },
      times: 2,
    });
    const result = await s.call<LiveTestResult>('livetest.run', { setup, timeoutSeconds: 30 });
    expect(result.ok).toBe(true);
    expect(s.progress.filter((m) => m.startsWith('sqs:ReceiveMessage: AWS answered AccessDenied, but this run changed sqs acme-raw-s3-events'))).toHaveLength(
      2,
    );
  });

  it('an AccessDenied about a resource this run did not change fails at once', async () => {
    const s = await session();
    faultProxy().addRule({ service: 'IAM', operation: 'GetRole', fault: { kind: 'aws-error', answer: iamAccessDeniedError('iam:GetRole', ROLE_ARN) } });
    const error = errorOf(await s.send<StepPlan>('steps.plan', { setup, step: 'roleTrust' }));
    expect(error.code).toBe('ACCESS_DENIED');
    expect(faultProxy().callsOf('IAM', 'GetRole')).toHaveLength(1);
    expect(s.progress.some((m) => m.includes('Trying again'))).toBe(false);
  });

  it('a stalled write fails after the read timeout with a clear message and the single-write note, like Cancel', async () => {
    const s = await session({ SQS_S3_WIZARD_READ_TIMEOUT: '2', AWS_MAX_ATTEMPTS: '1' });
    for (const step of ['queue', 'queuePolicy'] as const) expect((await s.applyStep(step)).ok).toBe(true);
    faultProxy().addRule({ service: 'S3', operation: 'PutBucketNotificationConfiguration', fault: { kind: 'stall' }, times: 1 });
    const error = errorOf(await s.applyStep('bucketNotification'));
    expect(error.code).toBe('TIMED_OUT');
    expect(error.message).toMatch(/^s3:PutBucketNotification on arn:aws:s3:::acme-raw stalled: 127\.0\.0\.1:\d+ sent nothing for 2 s\.$/);
    expect(error.fix).toContain('as Cancel would stop it');
    expect(error.fix).toContain('either as it was before or fully written');
    // The client closed the connection; the proxy sees the close a moment after the error comes back.
    await expect
      .poll(() =>
        faultProxy()
          .callsOf('S3', 'PutBucketNotificationConfiguration')
          .map((c) => c.outcome),
      )
      .toEqual(['client-gone']);
    // Nothing half-done: a new plan and apply converge.
    expect((await s.applyStep('bucketNotification')).ok).toBe(true);
  });

  it('a stalled receive ends the live test within its bound, with the test object deleted as after Cancel', async () => {
    const s = await session({ SQS_S3_WIZARD_READ_TIMEOUT: '2', AWS_MAX_ATTEMPTS: '1' });
    await s.applyAll();
    faultProxy().addRule({ service: 'SQS', operation: 'ReceiveMessage', fault: { kind: 'stall' }, times: 1 });
    const error = errorOf(await s.send('livetest.run', { setup, timeoutSeconds: 60 }));
    expect(error.code).toBe('TIMED_OUT');
    expect(error.message).toContain('sqs:ReceiveMessage');
    expect(error.fix).toMatch(/The test object s3:\/\/acme-raw\/incoming\/.* was deleted\./);
    expect(
      faultProxy()
        .callsOf('S3', 'DeleteObject')
        .map((c) => c.outcome),
    ).toEqual([204]);
  });
});
