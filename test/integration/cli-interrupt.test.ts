import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { motoEnv } from '../support/aws-profile-files';
import { configuredAccount } from '../support/configured-account';
import { motoClients } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { projectRoot } from '../support/project-root';

const motoUrl = inject('motoUrl');

/** A redrive policy makes the live test hold the platform's message, so the interrupt must also release it. */
async function withRedriveAndPlatformMessage(queueName: string): Promise<string> {
  const { sqs } = motoClients(motoUrl);
  const queueUrl = (await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }))).QueueUrl ?? '';
  const dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `${queueName}-dlq` }))).QueueUrl ?? '';
  const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn ?? '';
  // moto wipes the Policy on a SetQueueAttributes without it (docs/aws-behaviour.md#where-moto-differs).
  const policy = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['Policy'] }))).Attributes?.Policy ?? '';
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: queueUrl,
      Attributes: { Policy: policy, RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }) },
    }),
  );
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"platform":"data"}' }));
  return queueUrl;
}

describe('CLI interrupted with Ctrl-C', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('cancels the live test, which deletes its object and releases held messages, then exits 130', async () => {
    const { setup } = await configuredAccount(motoUrl);
    const queueUrl = await withRedriveAndPlatformMessage(setup.queueName as string);
    await motoClients(motoUrl).s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: setup.bucket as string, NotificationConfiguration: {} }));
    const dir = mkdtempSync(join(tmpdir(), 'wizard-interrupt-'));
    const file = join(dir, 'setup.json');
    writeFileSync(file, JSON.stringify(setup));
    const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') };

    const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'sqs-s3-wizard.cjs'), 'doctor', '--setup', file, '--live', '--test-timeout', '60'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Two receives: the platform's message is released the first time, then held until the end of the test. The line
    // is said before the first receive and after each: the third says the second receive was handled (the message is
    // held). Interrupted during that receive instead, SQS may have handed the message to a call the CLI abandons, and
    // it stays hidden for its visibility timeout, as after any receive that is cut off.
    await expect.poll(() => stderr.match(/Waiting for the event/g)?.length ?? 0, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(3);

    const interruptedAt = Date.now();
    child.kill('SIGINT');
    const code = await exited;
    expect(Date.now() - interruptedAt).toBeLessThan(10_000);
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/cancelling/i);
    expect(stderr).not.toMatch(/\n\s+at /);

    const objects = await motoClients(motoUrl).s3.send(new ListObjectsV2Command({ Bucket: setup.bucket as string }));
    expect((objects.Contents ?? []).map((o) => o.Key).filter((k) => k?.includes('sqs-s3-wizard test='))).toEqual([]);
    const after = await motoClients(motoUrl).sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    expect(after.Messages?.map((m) => m.Body)).toContain('{"platform":"data"}');
  });
});
