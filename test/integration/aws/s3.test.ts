import { CreateBucketCommand, HeadObjectCommand, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, inject, it } from 'vitest';

import {
  deleteObject,
  getBucketNotification,
  getBucketRegion,
  listBuckets,
  putBucketNotification,
  putObject,
  regionFromLocationConstraint,
  s3Client,
} from '../../../main/aws/s3';
import { resetMoto } from '../../support/moto-server';
import { failureOf, motoTarget } from './moto-target';

const motoUrl = inject('motoUrl');
const target = motoTarget(motoUrl);

async function createBucket(name: string, location?: string): Promise<void> {
  const config = location ? { CreateBucketConfiguration: { LocationConstraint: location as BucketLocationConstraint } } : {};
  await s3Client(target).send(new CreateBucketCommand({ Bucket: name, ...config }));
}

const queueRule = {
  Id: 'platform-ingest',
  QueueArn: 'arn:aws:sqs:us-east-1:123456789012:ingest',
  Events: ['s3:ObjectCreated:*'],
  Filter: {
    Key: {
      FilterRules: [
        { Name: 'Prefix', Value: 'in/' },
        { Name: 'Suffix', Value: '.csv' },
      ],
    },
  },
};

describe('s3 module against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('lists buckets with ISO creation dates', async () => {
    await createBucket('alpha-bucket');
    await createBucket('beta-bucket');
    const buckets = await listBuckets(target);
    expect(buckets.map((b) => b.name).sort()).toEqual(['alpha-bucket', 'beta-bucket']);
    for (const b of buckets) expect(b.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it('maps GetBucketLocation: empty -> us-east-1, EU -> eu-west-1, others as given; null for a missing bucket', async () => {
    await createBucket('in-virginia');
    await createBucket('in-old-eu', 'EU');
    await createBucket('in-ireland', 'eu-west-1');
    await createBucket('in-frankfurt', 'eu-central-1');
    expect(await getBucketRegion(target, { name: 'in-virginia', owner: '123456789012' })).toBe('us-east-1');
    expect(await getBucketRegion(target, { name: 'in-old-eu', owner: '123456789012' })).toBe('eu-west-1');
    expect(await getBucketRegion(target, { name: 'in-ireland', owner: '123456789012' })).toBe('eu-west-1');
    expect(await getBucketRegion(target, { name: 'in-frankfurt', owner: '123456789012' })).toBe('eu-central-1');
    expect(await getBucketRegion(target, { name: 'no-such-bucket-here', owner: '123456789012' })).toBeNull();
  });

  it('regionFromLocationConstraint covers null, empty and EU', () => {
    expect(regionFromLocationConstraint(undefined)).toBe('us-east-1');
    expect(regionFromLocationConstraint(null)).toBe('us-east-1');
    expect(regionFromLocationConstraint('')).toBe('us-east-1');
    expect(regionFromLocationConstraint('EU')).toBe('eu-west-1');
    expect(regionFromLocationConstraint('ap-south-1')).toBe('ap-south-1');
  });

  it('reads an empty notification document as {} and a missing bucket as null', async () => {
    await createBucket('quiet-bucket');
    expect(await getBucketNotification(target, { name: 'quiet-bucket', owner: '123456789012' })).toEqual({});
    expect(await getBucketNotification(target, { name: 'no-such-bucket-here', owner: '123456789012' })).toBeNull();
  });

  it('round-trips the whole notification document as plain JSON without $metadata or undefined keys', async () => {
    await createBucket('busy-bucket');
    const topicRule = { Id: 'other-team', TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Events: ['s3:ObjectRemoved:*'] };
    await putBucketNotification(target, { name: 'busy-bucket', owner: '123456789012' }, { QueueConfigurations: [queueRule], TopicConfigurations: [topicRule] });
    const read = await getBucketNotification(target, { name: 'busy-bucket', owner: '123456789012' });
    expect(read).toEqual({ QueueConfigurations: [queueRule], TopicConfigurations: [topicRule] });
    expect(JSON.stringify(read)).not.toContain('$metadata');
    expect(Object.values(read ?? {}).every((v) => v !== undefined)).toBe(true);
    expect(JSON.parse(JSON.stringify(read))).toEqual(read);
  });

  it('sends rule names moto accepts and reads them back as AWS spells them ("prefix" -> "Prefix")', async () => {
    await createBucket('busy-bucket');
    const seedRule = {
      ...queueRule,
      Filter: {
        Key: {
          FilterRules: [
            { Name: 'prefix', Value: 'in/' },
            { Name: 'SUFFIX', Value: '.csv' },
          ],
        },
      },
    };
    await putBucketNotification(target, { name: 'busy-bucket', owner: '123456789012' }, { QueueConfigurations: [seedRule] });
    expect(await getBucketNotification(target, { name: 'busy-bucket', owner: '123456789012' })).toEqual({ QueueConfigurations: [queueRule] });
  });

  it('replaces the whole document on put: configurations not sent are gone', async () => {
    await createBucket('busy-bucket');
    await putBucketNotification(target, { name: 'busy-bucket', owner: '123456789012' }, { QueueConfigurations: [queueRule] });
    await putBucketNotification(target, { name: 'busy-bucket', owner: '123456789012' }, {});
    expect(await getBucketNotification(target, { name: 'busy-bucket', owner: '123456789012' })).toEqual({});
  });

  it('puts an object with its ETag and deletes it; deleting a missing key succeeds', async () => {
    await createBucket('data-bucket');
    const { etag } = await putObject(target, { name: 'data-bucket', owner: '123456789012' }, 'in/a b.csv', 'id,name\n1,x\n');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const head = await s3Client(target).send(new HeadObjectCommand({ Bucket: 'data-bucket', Key: 'in/a b.csv' }));
    expect(head.ETag).toBe(etag);
    await deleteObject(target, { name: 'data-bucket', owner: '123456789012' }, 'in/a b.csv');
    await expect(s3Client(target).send(new HeadObjectCommand({ Bucket: 'data-bucket', Key: 'in/a b.csv' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    await deleteObject(target, { name: 'data-bucket', owner: '123456789012' }, 'never-there.csv');
  });

  it('names the action and the resource when a write fails', async () => {
    const putError = await failureOf(putObject(target, { name: 'no-such-bucket-here', owner: '123456789012' }, 'k.csv', 'x'));
    expect(putError.code).toBe('AWS_ERROR');
    expect(putError.message).toContain('s3:PutObject on arn:aws:s3:::no-such-bucket-here/k.csv');
    expect(putError.message).toContain('NoSuchBucket');
    const notifyError = await failureOf(
      putBucketNotification(target, { name: 'no-such-bucket-here', owner: '123456789012' }, { QueueConfigurations: [queueRule] }),
    );
    expect(notifyError.message).toContain('s3:PutBucketNotification on arn:aws:s3:::no-such-bucket-here');
  });

  it('reports a cancelled read as CANCELLED', async () => {
    await createBucket('alpha-bucket');
    const error = await failureOf(listBuckets(target, AbortSignal.abort()));
    expect(error.code).toBe('CANCELLED');
  });
});
