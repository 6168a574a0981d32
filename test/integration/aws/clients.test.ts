import { describe, expect, inject, it } from 'vitest';
import { isAwsError, releaseClients } from '../../../main/aws/clients';
import { iamClient } from '../../../main/aws/iam';
import { listBuckets, s3Client } from '../../../main/aws/s3';
import { sqsClient } from '../../../main/aws/sqs';
import { motoTarget } from './moto-target';

const motoUrl = inject('motoUrl');

describe('serviceClient', () => {
  it('builds one client per service and target object, and new ones after release', async () => {
    const target = motoTarget(motoUrl);
    const first = s3Client(target);
    expect(s3Client(target)).toBe(first);
    expect(s3Client(motoTarget(motoUrl))).not.toBe(first);
    await listBuckets(target);
    releaseClients(target);
    const second = s3Client(target);
    expect(second).not.toBe(first);
    await listBuckets(target);
    releaseClients(target);
    releaseClients(target);
  });

  it("points every client at the target's endpoint override and Region", async () => {
    const target = motoTarget(motoUrl, 'eu-west-1');
    const s3 = s3Client(target);
    for (const client of [s3, sqsClient(target), iamClient(target)]) {
      expect(await client.config.region()).toBe('eu-west-1');
      const endpoint = await client.config.endpoint?.();
      expect(`${endpoint?.protocol ?? ''}//${endpoint?.hostname ?? ''}:${endpoint?.port ?? ''}`).toBe(motoUrl);
    }
    expect(s3.config.forcePathStyle).toBe(true);
  });

  it('recognises an SDK error by its name or its wire code', () => {
    expect(isAwsError({ name: 'QueueDoesNotExist', Code: 'AWS.SimpleQueueService.NonExistentQueue' }, ['AWS.SimpleQueueService.NonExistentQueue'])).toBe(true);
    expect(isAwsError({ name: 'NoSuchEntityException' }, ['NoSuchEntity', 'NoSuchEntityException'])).toBe(true);
    expect(isAwsError({ name: 'AccessDenied' }, ['NoSuchBucket'])).toBe(false);
    expect(isAwsError('NoSuchBucket', ['NoSuchBucket'])).toBe(false);
  });
});
