import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { createDispatcher } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { Workspace } from '../../main/api/workspace';
import { AWS_STEP_IDS } from '../../shared/steps/aws-steps';
import { motoEnv } from '../support/aws-profile-files';
import { createBucket, motoClients, sampleSetup } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';

const motoUrl = inject('motoUrl');

async function configured() {
  await createBucket(motoUrl, 'acme-raw');
  const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'wizard-live-')) };
  const dispatch = createDispatcher({ handlers, workspace: new Workspace(env), frontEnd: 'cli', emit: () => undefined });
  const call = async (channel: string, input: unknown, operationId?: string) => {
    const r = await dispatch({ channel, input, ...(operationId ? { operationId } : {}) });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as never;
  };
  await call('session.connect', { profile: 'moto', region: 'us-east-1' });
  const setup = sampleSetup();
  await call('setups.save', { setup });
  for (const step of AWS_STEP_IDS) {
    const plan = (await call('steps.plan', { setup, step })) as { basis: string; action: string };
    if (plan.action !== 'unchanged') await call('steps.apply', { setup, step, basis: plan.basis });
  }
  const { sqs } = motoClients(motoUrl);
  const queueUrl = (await sqs.send(new GetQueueUrlCommand({ QueueName: setup.queueName }))).QueueUrl ?? '';
  return { setup, call, dispatch, queueUrl, sqs };
}

describe('live test against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('passes after apply, reports latency, deletes its object and marks the setup verified', async () => {
    const { setup, call } = await configured();
    const result = (await call('livetest.run', { setup, timeoutSeconds: 30 })) as Record<string, unknown>;
    expect(result).toMatchObject({ ok: true, objectDeleted: true, diagnosis: null, bucket: 'acme-raw' });
    expect(result.latencyMs).toEqual(expect.any(Number));
    expect(String(result.eventName)).toMatch(/^ObjectCreated:/);
    expect(result.key).toMatch(/ test=/);
    const record = (await call('setups.get', { name: setup.name })) as { status: string; verifiedAt: string };
    expect(record.status).toBe('verified');
    expect(record.verifiedAt).toEqual(result.finishedAt);
  });

  it("leaves a message already waiting in the queue receivable afterwards (the platform's data is never swallowed)", async () => {
    const { setup, call, sqs, queueUrl } = await configured();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"platform":"data"}' }));
    const result = (await call('livetest.run', { setup, timeoutSeconds: 30 })) as Record<string, unknown>;
    expect(result.ok).toBe(true);
    const after = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    expect(after.Messages?.map((m) => m.Body)).toContain('{"platform":"data"}');
  });

  it("deletes S3's test event from the setup's own queue and never counts it as the platform's message", async () => {
    const { setup, call, sqs, queueUrl } = await configured();
    const testEvent = { Service: 'Amazon S3', Event: 's3:TestEvent', Time: new Date().toISOString(), Bucket: 'acme-raw', RequestId: 'R', HostId: 'H' };
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(testEvent) }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"platform":"data"}' }));
    const result = (await call('livetest.run', { setup, timeoutSeconds: 30 })) as Record<string, unknown>;
    expect(result).toMatchObject({ ok: true, released: 1, held: 0, testEvents: 1, testEventsDeleted: 1 });
    const after = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    expect(after.Messages?.map((m) => m.Body)).toEqual(['{"platform":"data"}']);
  });

  it("never moves the platform's message to the dead-letter queue of a queue with a redrive policy", async () => {
    const { setup, call, sqs, queueUrl } = await configured();
    const dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'acme-raw-s3-events-dlq' }))).QueueUrl ?? '';
    const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn ?? '';
    // moto wipes the Policy on a SetQueueAttributes without it (docs/aws-behaviour.md#where-moto-differs), so the current one is sent along.
    const policy = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['Policy'] }))).Attributes?.Policy ?? '';
    const redrivePolicy = JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy: policy, RedrivePolicy: redrivePolicy } }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"platform":"data"}' }));
    await motoClients(motoUrl).s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: 'acme-raw', NotificationConfiguration: {} }));

    const result = (await call('livetest.run', { setup, timeoutSeconds: 6 })) as Record<string, unknown>;
    expect(result).toMatchObject({ ok: false, objectDeleted: true, redriveMaxReceiveCount: 3 });
    // Released when first received, then held until the end (the queue also holds the s3:TestEvent of the apply).
    expect(result.held).toBeGreaterThanOrEqual(1);
    expect(result.held).toBe(result.released);
    const after = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    expect(after.Messages?.map((m) => m.Body)).toContain('{"platform":"data"}');
    const dlq = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    expect(dlq.Messages ?? []).toEqual([]);
  });

  it('fails when the bucket notification is removed, and names that hop', async () => {
    const { setup, call } = await configured();
    await motoClients(motoUrl).s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: 'acme-raw', NotificationConfiguration: {} }));
    const result = (await call('livetest.run', { setup, timeoutSeconds: 5 })) as Record<string, string | boolean>;
    expect(result.ok).toBe(false);
    expect(result.diagnosis).toContain('has no rule sending to arn:aws:sqs:us-east-1:123456789012:acme-raw-s3-events');
    expect(result.fix).toContain('bucket notification step');
    expect(result.objectDeleted).toBe(true);
  });

  it('stops promptly on Cancel', async () => {
    const { setup, dispatch } = await configured();
    await motoClients(motoUrl).s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: 'acme-raw', NotificationConfiguration: {} }));
    const started = Date.now();
    const running = dispatch({ channel: 'livetest.run', input: { setup, timeoutSeconds: 120 }, operationId: 'live-1' });
    await new Promise((r) => setTimeout(r, 700));
    expect(await dispatch({ channel: 'operation.cancel', input: { operationId: 'live-1' } })).toMatchObject({ ok: true, value: { cancelled: true } });
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
