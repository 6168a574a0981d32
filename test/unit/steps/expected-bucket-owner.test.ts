import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { DeleteMessageCommand, GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDeliveryState } from '../../../main/livetest/read-delivery-state';
import { runLiveTest } from '../../../main/livetest/run-live-test';
import { planRestore } from '../../../main/steps/restore';
import { readBackup, writeBackup } from '../../../main/store/backups';
import { bucketNotificationStep } from '../../../main/steps/definitions/bucket-notification';
import type { PlanContext } from '../../../main/steps/step-context';
import { ApiFailure } from '../../../shared/contract/api-error';
import { sampleSetup } from '../../support/moto-seed';
import { deniedBy, stubStepContext } from '../errors/stub-target';

const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/acme-raw-s3-events';

/** Every S3 call the mock saw, with the bucket and the owner it was sent with. */
function s3Calls(): ReadonlyArray<{ readonly command: string; readonly bucket: unknown; readonly owner: unknown }> {
  return s3.calls().map((c) => {
    const input = c.args[0].input as { Bucket?: unknown; ExpectedBucketOwner?: unknown };
    return { command: c.args[0].constructor.name, bucket: input.Bucket, owner: input.ExpectedBucketOwner };
  });
}

function context(owner?: string): PlanContext {
  const ctx = stubStepContext(sampleSetup() as never, mkdtempSync(join(tmpdir(), 'wizard-owner-')));
  return owner ? { ...ctx, bucketOwner: owner } : ctx;
}

/** A notification backup taken in `ctx`, as the guarded write takes it. */
function backupOfBucket(ctx: PlanContext): Promise<string> {
  return writeBackup(ctx.backupRoot, {
    setupName: 'owner-test',
    kind: 'bucket-notification',
    resource: ctx.bucketArn,
    account: ctx.accountId,
    region: 'us-east-1',
    bucketOwner: ctx.bucketOwner,
    document: { QueueConfigurations: [] },
  });
}

beforeEach(() => {
  s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: undefined });
  s3.on(GetBucketNotificationConfigurationCommand).resolves({});
  s3.on(PutBucketNotificationConfigurationCommand).resolves({});
});
afterEach(() => {
  s3.reset();
  sqs.reset();
});

describe('ExpectedBucketOwner on every S3 call on the setup bucket (moto ignores it, so the calls are checked here)', () => {
  it('the bucket notification step reads and writes with the connected account as the expected owner', async () => {
    const ctx = context();
    const live = await bucketNotificationStep.read(ctx, ctx.bucketArn);
    await bucketNotificationStep.write(ctx, live, { QueueConfigurations: [] }, ctx);
    expect(s3Calls()).toEqual([
      { command: 'GetBucketLocationCommand', bucket: 'acme-raw', owner: '123456789012' },
      { command: 'GetBucketNotificationConfigurationCommand', bucket: 'acme-raw', owner: '123456789012' },
      { command: 'PutBucketNotificationConfigurationCommand', bucket: 'acme-raw', owner: '123456789012' },
    ]);
  });

  it('sends the bucket owner the admin confirmed instead, when the setup names one', async () => {
    const ctx = context('444455556666');
    await bucketNotificationStep.read(ctx, ctx.bucketArn);
    expect(s3Calls().map((c) => c.owner)).toEqual(['444455556666', '444455556666']);
  });

  it("the live test's upload and clean-up, and its diagnosis reads, all name the owner", async () => {
    const ctx = context();
    let key = '';
    s3.on(PutObjectCommand).callsFake((input: { Key: string }) => {
      key = input.Key;
      return { ETag: '"abc"' };
    });
    s3.on(DeleteObjectCommand).resolves({});
    sqs.on(GetQueueUrlCommand).resolves({ QueueUrl: QUEUE_URL });
    sqs.on(GetQueueAttributesCommand).resolves({ Attributes: {} });
    sqs.on(DeleteMessageCommand).resolves({});
    sqs.on(ReceiveMessageCommand).callsFake(() => ({
      Messages: [
        {
          MessageId: 'm1',
          ReceiptHandle: 'r1',
          Body: JSON.stringify({
            Records: [
              {
                eventSource: 'aws:s3',
                eventName: 'ObjectCreated:Put',
                awsRegion: 'us-east-1',
                s3: { bucket: { name: 'acme-raw' }, object: { key: key.replace(/ /g, '+').replace(/=/g, '%3D') } },
              },
            ],
          }),
          Attributes: {},
        },
      ],
    }));
    const result = await runLiveTest(ctx, 30);
    expect(result.ok).toBe(true);
    await readDeliveryState(ctx, QUEUE_URL);
    const calls = s3Calls().filter((c) => c.bucket === 'acme-raw');
    expect(calls.map((c) => c.command)).toEqual(expect.arrayContaining(['PutObjectCommand', 'DeleteObjectCommand', 'GetBucketLocationCommand']));
    expect(calls.every((c) => c.owner === '123456789012')).toBe(true);
  });

  it("a backup of another owner's bucket records that owner, and its restore reads with it (not the connected account)", async () => {
    const ctx = context('444455556666');
    const path = await backupOfBucket(ctx);
    expect((await readBackup(path)).bucketOwner).toBe('444455556666');
    await planRestore(path, { ...ctx, bucketOwner: ctx.accountId }, { anyFolder: true });
    expect(s3Calls().map((c) => c.owner)).toEqual(['444455556666', '444455556666']);
  });

  it("a backup of the connected account's own bucket records no separate owner", async () => {
    const ctx = context();
    const path = await backupOfBucket(ctx);
    expect(await readBackup(path)).not.toHaveProperty('bucketOwner');
  });

  it('a 403 for a bucket of another owner says so and how to confirm the owner', async () => {
    s3.on(GetBucketLocationCommand).rejects(deniedBy(S3ServiceException, 'AccessDenied'));
    const ctx = context();
    const failure = await bucketNotificationStep.read(ctx, ctx.bucketArn).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).error.message).toContain('S3 also answers so when bucket acme-raw is not owned by account 123456789012');
    expect((failure as ApiFailure).error.fix).toContain('"bucketOwner"');
  });
});
