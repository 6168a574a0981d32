import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { PutBucketNotificationConfigurationCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, inject, it } from 'vitest';

import { describeKey, getKeyPolicy, putKeyPolicy } from '../../../main/aws/kms';
import { createBucket, createKmsKey, createQueueWithAttributes, motoClients } from '../../support/moto-seed';
import { resetMoto } from '../../support/moto-server';
import { failureOf, motoTarget } from './moto-target';

const motoUrl = inject('motoUrl');
const target = motoTarget(motoUrl);

describe('kms module against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('resolves a key id, alias or alias ARN to the key ARN and its manager; an unknown key is null', async () => {
    const key = await createKmsKey(motoUrl, 'alias/ingest');
    const expected = { keyArn: key.arn, keyManager: 'CUSTOMER', keyState: 'Enabled' };
    expect(await describeKey(target, key.keyId)).toEqual(expected);
    expect(await describeKey(target, 'alias/ingest')).toEqual(expected);
    expect(await describeKey(target, 'arn:aws:kms:us-east-1:123456789012:alias/ingest')).toEqual(expected);
    expect(await describeKey(target, '11111111-2222-3333-4444-555555555555')).toBeNull();
    // moto has no AWS managed keys: alias/aws/sqs is unknown there (AWS creates it on first use).
    expect(await describeKey(target, 'alias/aws/sqs')).toBeNull();
  });

  it('reads the default key policy, writes a new one and reads it back; policy name and key ARN are what the API needs', async () => {
    const key = await createKmsKey(motoUrl);
    const policy = JSON.parse(await getKeyPolicy(target, key.arn));
    expect(policy).toMatchObject({ Version: '2012-10-17', Id: 'key-default-1', Statement: [{ Sid: 'Enable IAM User Permissions', Action: 'kms:*' }] });
    const next = {
      ...policy,
      Statement: [...policy.Statement, { Sid: 'S3', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'kms:Decrypt', Resource: '*' }],
    };
    await putKeyPolicy(target, key.arn, JSON.stringify(next));
    expect(JSON.parse(await getKeyPolicy(target, key.keyId))).toEqual(next);
    // An alias is refused by GetKeyPolicy (as on AWS), which is why the step calls DescribeKey first.
    expect((await failureOf(getKeyPolicy(target, 'alias/none'))).code).toBe('NOT_FOUND');
    // moto requires PolicyName (AWS defaults it to "default"): the module always sends it.
    await expect(motoClients(motoUrl).kms.send(new GetKeyPolicyCommand({ KeyId: key.keyId }))).rejects.toThrow('No such policy exists');
  });

  it('names the action and key when a write fails', async () => {
    const error = await failureOf(putKeyPolicy(target, 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555', '{}'));
    expect(error.message).toContain('kms:PutKeyPolicy');
    expect(error.message).toContain('key/11111111-2222-3333-4444-555555555555');
  });

  it('moto does not enforce key policies: it accepts text that is no JSON, a policy over 32 KB, and one that locks everyone out', async () => {
    // AWS refuses all three (MalformedPolicyDocumentException, LimitExceeded, the lockout safety check); the step refuses them itself.
    const key = await createKmsKey(motoUrl);
    await putKeyPolicy(target, key.arn, 'not json');
    expect(await getKeyPolicy(target, key.arn)).toBe('not json');
    await putKeyPolicy(target, key.arn, JSON.stringify({ Version: '2012-10-17', Statement: [], Padding: 'x'.repeat(40_000) }));
    const lockout = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }] };
    await putKeyPolicy(target, key.arn, JSON.stringify(lockout));
    expect(JSON.parse(await getKeyPolicy(target, key.arn))).toEqual(lockout);
  });

  it('moto delivers S3 events to a queue whose key policy denies everyone (it encrypts nothing with the key)', async () => {
    // On AWS, S3 needs kms:GenerateDataKey and kms:Decrypt on the key, or events are never delivered.
    const key = await createKmsKey(motoUrl);
    const denyAll = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }] };
    await putKeyPolicy(target, key.arn, JSON.stringify(denyAll));
    const { s3, sqs } = motoClients(motoUrl);
    const queueUrl = await createQueueWithAttributes(motoUrl, 'encrypted-events', { KmsMasterKeyId: key.arn });
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }));
    // moto also reports SSE-SQS next to the KMS key (AWS uses one or the other).
    expect(attrs.Attributes).toMatchObject({ KmsMasterKeyId: key.arn, SqsManagedSseEnabled: 'true' });
    await createBucket(motoUrl, 'encrypted-landing');
    const configuration = { QueueConfigurations: [{ Id: 'q', QueueArn: attrs.Attributes?.QueueArn ?? '', Events: ['s3:ObjectCreated:*' as const] }] };
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: 'encrypted-landing', NotificationConfiguration: configuration }));
    await s3.send(new PutObjectCommand({ Bucket: 'encrypted-landing', Key: 'a.csv', Body: 'x' }));
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    const events = (received.Messages ?? []).map((m) => {
      const body = JSON.parse(m.Body ?? '{}') as { Event?: string; Records?: Array<{ eventName: string }> };
      return body.Event ?? body.Records?.[0]?.eventName;
    });
    expect(events).toEqual(['s3:TestEvent', 'ObjectCreated:Put']);
  });
});
