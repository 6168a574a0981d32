import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsTarget } from '../../../main/aws/client-config';
import { getBucketNotification, putBucketNotification } from '../../../main/aws/s3';
import { destinationRejections } from '../../../main/aws/s3-destination-rejections';
import { bucketNotificationStep } from '../../../main/steps/definitions/bucket-notification';
import { rejectionError } from '../../../main/steps/explain-rejection';
import { classifyMessage } from '../../../shared/livetest/classify-message';
import { buildQueueConfiguration } from '../../../shared/policy/build-bucket-notification';
import { sampleSetup } from '../../support/moto-seed';
import { stubStepContext } from './stub-target';

/** Answers recorded AWS responses on loopback, so the real SDK parses them as it would AWS's (no emulator in between). */
let server: Server;
let answer: { status: number; body: string } = { status: 200, body: '' };
let endpoint = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(answer.status, { 'content-type': 'application/xml' }).end(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const target = (): AwsTarget => ({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIAFAKETESTKEY12345', secretAccessKey: 'fake' },
  env: { AWS_ENDPOINT_URL: endpoint },
});
const bucket = { name: 'acme-raw', owner: '123456789012' };
const expected = { bucket: 'acme-raw', key: 'dir/sub dir/a=b c+d.txt', region: 'us-east-1' };

/** An S3 event record in the shape AWS documents (event message structure, version 2.1). */
function awsEvent(key: string): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: '2026-11-28T05:00:00.000Z',
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
        requestParameters: { sourceIPAddress: '203.0.113.10' },
        responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'acme-raw-s3-events',
          bucket: { name: 'acme-raw', ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: 'arn:aws:s3:::acme-raw' },
          object: { key, size: 4, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '0055AED6DCD90281E5' },
        },
      },
    ],
  });
}

describe('recorded AWS responses where emulators differ', () => {
  it('decodes event keys as AWS encodes them (form encoding, "/" kept), as moto does ("%2F") and as LocalStack does ("%20")', () => {
    expect(classifyMessage(awsEvent('dir/sub+dir/a%3Db+c%2Bd.txt'), expected)).toMatchObject({ kind: 'ours', eventName: 'ObjectCreated:Put' });
    expect(classifyMessage(awsEvent('dir%2Fsub+dir%2Fa%3Db+c%2Bd.txt'), expected)).toMatchObject({ kind: 'ours' });
    expect(classifyMessage(awsEvent('dir/sub%20dir/a%3Db%20c%2Bd.txt'), expected)).toMatchObject({ kind: 'ours' });
    // A "+" that is a real plus arrives as %2B: the same key with a literal "+" for the space is not this object.
    expect(classifyMessage(awsEvent('dir/sub%2Bdir/a%3Db+c%2Bd.txt'), expected)).toEqual({ kind: 'foreign' });
  });

  it("recognises AWS's s3:TestEvent, which carries RequestId and HostId", () => {
    const testEvent = JSON.stringify({
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: '2026-11-28T05:00:00.000Z',
      Bucket: 'acme-raw',
      RequestId: '5582815E1AEA5ADF',
      HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
    });
    expect(classifyMessage(testEvent, expected)).toEqual({ kind: 'test-event', bucket: 'acme-raw' });
  });

  it('reads filter rule names as AWS returns them (Prefix/Suffix), so our own rule plans as "no change"', async () => {
    answer = {
      status: 200,
      body: `<?xml version="1.0" encoding="UTF-8"?>
<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><QueueConfiguration><Id>acme-raw-s3-events</Id><Queue>arn:aws:sqs:us-east-1:123456789012:acme-raw-s3-events</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>Prefix</Name><Value>incoming/</Value></FilterRule><FilterRule><Name>Suffix</Name><Value>.csv</Value></FilterRule></S3Key></Filter></QueueConfiguration></NotificationConfiguration>`,
    };
    const document = await getBucketNotification(target(), bucket);
    expect(document?.QueueConfigurations?.[0]?.Filter?.Key?.FilterRules).toEqual([
      { Name: 'Prefix', Value: 'incoming/' },
      { Name: 'Suffix', Value: '.csv' },
    ]);
    const ctx = stubStepContext(sampleSetup() as never, '/tmp');
    const ours = buildQueueConfiguration({ queueName: 'acme-raw-s3-events', queueArn: ctx.queueArn, prefix: 'incoming/', suffix: '.csv' });
    expect(ours.Filter?.Key?.FilterRules?.map((r) => r.Name)).toEqual(['prefix', 'suffix']);
    const proposal = bucketNotificationStep.propose(
      { resource: ctx.bucketArn, document, facts: { bucket: 'acme-raw', region: 'us-east-1', destinations: { [ctx.queueArn]: { state: 'exists' } } } },
      ctx,
    );
    expect(proposal).toMatchObject({ ok: true, changed: false });
  });

  it("reads S3's destination-validation error body: every refused ARN with S3's reason, carried into the message", async () => {
    answer = {
      status: 400,
      body: `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>InvalidArgument</Code><Message>Unable to validate the following destination configurations</Message><ArgumentName1>arn:aws:sqs:us-east-1:123456789012:acme-raw-s3-events</ArgumentName1><ArgumentValue1>Permissions on the destination queue do not allow S3 to publish notifications from this bucket</ArgumentValue1><ArgumentName2>arn:aws:sqs:us-east-1:123456789012:old-team-queue</ArgumentName2><ArgumentValue2>The destination queue does not exist</ArgumentValue2><RequestId>9MZCGA2NEFRJ6J2Q</RequestId><HostId>iR8nBkUmqsjqhxkK5Sl7v3jRvGt5H6a0b6s2Kc1t6z0=</HostId></Error>`,
    };
    const thrown = await putBucketNotification(target(), bucket, {}).catch((e: unknown) => e);
    const rejections = destinationRejections(thrown);
    expect(rejections).toEqual([
      {
        arn: 'arn:aws:sqs:us-east-1:123456789012:acme-raw-s3-events',
        reason: 'Permissions on the destination queue do not allow S3 to publish notifications from this bucket',
      },
      { arn: 'arn:aws:sqs:us-east-1:123456789012:old-team-queue', reason: 'The destination queue does not exist' },
    ]);
    const error = rejectionError(
      { arn: 'arn:aws:s3:::acme-raw', region: 'us-east-1', owner: '123456789012' },
      rejections ?? [],
      [
        {
          kind: 'cause',
          cause: 'its queue policy does not let S3 send from arn:aws:s3:::acme-raw: no statement allows it',
          fix: 'Apply the queue policy step.',
        },
        { kind: 'cause', cause: 'the queue does not exist', fix: 'Remove the rule that sends to it.' },
      ],
      null,
    );
    expect(error.message).toBe(
      'S3 refused the notification configuration of arn:aws:s3:::acme-raw: "Unable to validate the following destination configurations": ' +
        'arn:aws:sqs:us-east-1:123456789012:acme-raw-s3-events (S3: "Permissions on the destination queue do not allow S3 to publish notifications from this bucket"): its queue policy does not let S3 send from arn:aws:s3:::acme-raw: no statement allows it; ' +
        'arn:aws:sqs:us-east-1:123456789012:old-team-queue (S3: "The destination queue does not exist"): the queue does not exist.',
    );
    expect(error.fix).toBe('Apply the queue policy step. Remove the rule that sends to it.');
  });

  it('another S3 error is no destination rejection', async () => {
    answer = { status: 400, body: '<Error><Code>InvalidArgument</Code><Message>The ARN is not well formed</Message><RequestId>1</RequestId></Error>' };
    const thrown = await putBucketNotification(target(), bucket, {}).catch((e: unknown) => e);
    expect(destinationRejections(thrown)).toBeNull();
  });
});
