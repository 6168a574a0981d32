import { describe, expect, inject, it } from 'vitest';
import { clientsFor, isAwsError, releaseClients } from '../../../main/aws/clients';
import { listBuckets } from '../../../main/aws/s3';
import { motoTarget } from './moto-target';

const motoUrl = inject('motoUrl');

describe('clientsFor', () => {
  it('reuses one set of clients per target object and makes new ones after release', async () => {
    const target = motoTarget(motoUrl);
    const first = clientsFor(target);
    expect(clientsFor(target)).toBe(first);
    expect(clientsFor(motoTarget(motoUrl))).not.toBe(first);
    await listBuckets(target);
    releaseClients(target);
    const second = clientsFor(target);
    expect(second).not.toBe(first);
    expect(second.s3).not.toBe(first.s3);
    await listBuckets(target);
    releaseClients(target);
    releaseClients(target);
  });

  it("points every client at the target's endpoint override and Region", async () => {
    const target = motoTarget(motoUrl, 'eu-west-1');
    const { s3, sqs, iam } = clientsFor(target);
    for (const client of [s3, sqs, iam]) {
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
