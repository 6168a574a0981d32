import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, inject, it } from 'vitest';

import { deleteObject, putBucketNotification, putObject, s3Client } from '../../../main/aws/s3';
import { createQueue, deleteMessage, getQueueAttributes, receiveMessages, setQueuePolicy, type ReceivedMessage } from '../../../main/aws/sqs';
import { resetMoto } from '../../support/moto-server';
import { motoTarget } from './moto-target';

const motoUrl = inject('motoUrl');
const target = motoTarget(motoUrl);
const BUCKET = 'landing-zone';

interface EventRecord {
  readonly eventName: string;
  readonly s3: { readonly bucket: { readonly name: string }; readonly object: { readonly key: string; readonly eTag?: string } };
}

function recordsOf(message: ReceivedMessage): ReadonlyArray<EventRecord> {
  const body = JSON.parse(message.body) as { Records?: ReadonlyArray<EventRecord>; Event?: string };
  return body.Records ?? [];
}

/** Event keys are form-encoded: '+' for space; moto also encodes '/' as %2F (docs/aws-behaviour.md#s3-event-messages). */
function decodeKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

async function drain(queueUrl: string): Promise<ReadonlyArray<ReceivedMessage>> {
  const all: ReceivedMessage[] = [];
  for (;;) {
    const batch = await receiveMessages(target, queueUrl, { maxMessages: 10, waitTimeSeconds: 0 });
    if (batch.length === 0) return all;
    all.push(...batch);
    for (const m of batch) await deleteMessage(target, queueUrl, m.receiptHandle);
  }
}

describe('S3 -> SQS event delivery through the service modules (moto delivers synchronously)', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('delivers ObjectCreated events for keys matching the prefix and suffix, and none for others', async () => {
    await s3Client(target).send(new CreateBucketCommand({ Bucket: BUCKET }));
    const queueUrl = await createQueue(target, 'landing-events', {});
    const queueArn = (await getQueueAttributes(target, queueUrl, ['QueueArn']))['QueueArn'] ?? '';
    // Queue policy first: on AWS, S3 validates the destination when the configuration is put (docs/aws-behaviour.md#s3-bucket-notifications).
    await setQueuePolicy(
      target,
      queueUrl,
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AllowS3',
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: queueArn,
            Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${BUCKET}` }, StringEquals: { 'aws:SourceAccount': '123456789012' } },
          },
        ],
      }),
    );
    await putBucketNotification(
      target,
      { name: BUCKET, owner: '123456789012' },
      {
        QueueConfigurations: [
          {
            Id: 'landing-events',
            QueueArn: queueArn,
            Events: ['s3:ObjectCreated:*'],
            Filter: {
              Key: {
                FilterRules: [
                  { Name: 'prefix', Value: 'incoming/' },
                  { Name: 'suffix', Value: '.csv' },
                ],
              },
            },
          },
        ],
      },
    );
    const setupMessages = await drain(queueUrl);
    expect(setupMessages.every((m) => recordsOf(m).length === 0)).toBe(true);

    const { etag } = await putObject(target, { name: BUCKET, owner: '123456789012' }, 'incoming/2026 11/a b=c.csv', 'id\n1\n');
    await putObject(target, { name: BUCKET, owner: '123456789012' }, 'incoming/skip.json', '{}');
    await putObject(target, { name: BUCKET, owner: '123456789012' }, 'elsewhere/skip.csv', 'id\n');

    const records = (await drain(queueUrl)).flatMap(recordsOf);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.eventName).toMatch(/^ObjectCreated:/);
    expect(record?.s3.bucket.name).toBe(BUCKET);
    expect(decodeKey(record?.s3.object.key ?? '')).toBe('incoming/2026 11/a b=c.csv');
    expect(`"${record?.s3.object.eTag ?? ''}"`).toBe(etag);

    await deleteObject(target, { name: BUCKET, owner: '123456789012' }, 'incoming/2026 11/a b=c.csv');
    expect((await drain(queueUrl)).flatMap(recordsOf)).toEqual([]);
  });
});
