import { SendMessageCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, inject, it } from 'vitest';

import {
  changeMessageVisibility,
  createQueue,
  deleteMessage,
  deleteQueue,
  getQueueAttributes,
  getQueueUrl,
  listQueueTags,
  queueArnFromUrl,
  receiveMessages,
  setQueuePolicy,
  sqsClient,
} from '../../../main/aws/sqs';
import { resetMoto } from '../../support/moto-server';
import { failureOf, motoTarget } from './moto-target';

const motoUrl = inject('motoUrl');
const target = motoTarget(motoUrl);
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:ingest-events';

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowS3SendMessage',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: QUEUE_ARN,
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::landing' }, StringEquals: { 'aws:SourceAccount': '123456789012' } },
    },
  ],
});

describe('sqs module against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('finds no queue, creates it, then finds its URL', async () => {
    expect(await getQueueUrl(target, 'ingest-events')).toBeNull();
    const url = await createQueue(target, 'ingest-events', { VisibilityTimeout: '120' });
    expect(url).toMatch(/\/123456789012\/ingest-events$/);
    expect(await getQueueUrl(target, 'ingest-events')).toBe(url);
  });

  it('reads all attributes or only the named ones', async () => {
    const url = await createQueue(target, 'ingest-events', { VisibilityTimeout: '120' });
    const all = await getQueueAttributes(target, url);
    expect(all).toMatchObject({ QueueArn: QUEUE_ARN, VisibilityTimeout: '120' });
    expect(all['Policy']).toBeUndefined();
    expect(await getQueueAttributes(target, url, ['QueueArn'])).toEqual({ QueueArn: QUEUE_ARN });
  });

  it('says NOT_FOUND, naming the queue ARN, for attributes of a queue that is gone', async () => {
    const error = await failureOf(getQueueAttributes(target, `${motoUrl}/123456789012/gone-queue`));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('arn:aws:sqs:us-east-1:123456789012:gone-queue') });
  });

  it('writes and reads back the queue policy, and removes it with an empty string', async () => {
    const url = await createQueue(target, 'ingest-events', {});
    await setQueuePolicy(target, url, policy);
    const read = await getQueueAttributes(target, url, ['Policy']);
    expect(JSON.parse(read['Policy'] ?? '{}')).toEqual(JSON.parse(policy));
    await setQueuePolicy(target, url, '');
    expect((await getQueueAttributes(target, url, ['Policy']))['Policy'] ?? '').toBe('');
  });

  it('moto drops the policy from a SetQueueAttributes without Policy (docs/aws-behaviour.md#where-moto-differs)', async () => {
    const url = await createQueue(target, 'ingest-events', {});
    await setQueuePolicy(target, url, policy);
    // The quirk itself, so a moto upgrade that fixes it is noticed: tests that change other attributes send the policy too.
    await sqsClient(target).send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '60' } }));
    expect((await getQueueAttributes(target, url, ['Policy']))['Policy'] ?? '').toBe('');
  });

  it('sends, receives with system attributes, hides, re-shows and deletes a message', async () => {
    const url = await createQueue(target, 'ingest-events', {});
    const { MessageId: id } = await sqsClient(target).send(new SendMessageCommand({ QueueUrl: url, MessageBody: '{"hello":"world"}' }));
    const [first, ...rest] = await receiveMessages(target, url, { maxMessages: 10, waitTimeSeconds: 1, visibilityTimeout: 30 });
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ messageId: id, body: '{"hello":"world"}', attributes: { ApproximateReceiveCount: '1' } });
    expect(first?.receiptHandle).not.toBe('');
    expect(await receiveMessages(target, url, { waitTimeSeconds: 0 })).toEqual([]);

    await changeMessageVisibility(target, url, first?.receiptHandle ?? '', 0);
    const [again] = await receiveMessages(target, url, { waitTimeSeconds: 1 });
    expect(again).toMatchObject({ messageId: id, attributes: { ApproximateReceiveCount: '2' } });

    await deleteMessage(target, url, again?.receiptHandle ?? '');
    await changeMessageVisibility(target, url, again?.receiptHandle ?? '', 0).catch(() => undefined);
    expect(await receiveMessages(target, url, { waitTimeSeconds: 0 })).toEqual([]);
  });

  it('names the action and the queue ARN when a call fails', async () => {
    const error = await failureOf(receiveMessages(target, `${motoUrl}/123456789012/gone-queue`));
    expect(error.message).toContain('sqs:ReceiveMessage on arn:aws:sqs:us-east-1:123456789012:gone-queue');
  });

  it('creates a queue with its tags, lists them, deletes it, and deleting again is no error', async () => {
    const tags = { 'sqs-s3-wizard:setup': 'orders-prod', 'sqs-s3-wizard:prefix': 'incoming/' };
    const url = await createQueue(target, 'ingest-events', {}, undefined, tags);
    expect(await listQueueTags(target, url)).toEqual(tags);
    await deleteQueue(target, url);
    await deleteQueue(target, url);
    expect(await getQueueUrl(target, 'ingest-events')).toBeNull();
  });

  it("derives the queue ARN from a URL, in the Region's partition", () => {
    expect(queueArnFromUrl('https://sqs.eu-west-1.amazonaws.com/123456789012/orders', 'eu-west-1')).toBe('arn:aws:sqs:eu-west-1:123456789012:orders');
    expect(queueArnFromUrl('https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders', 'cn-north-1')).toBe('arn:aws-cn:sqs:cn-north-1:123456789012:orders');
    expect(queueArnFromUrl('not a url', 'us-east-1')).toBe('not a url');
  });
});
