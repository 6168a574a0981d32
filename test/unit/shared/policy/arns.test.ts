import { describe, expect, it } from 'vitest';
import { bucketArn, objectArnPattern, parseArn, partitionOfArn, partitionOfRegion, queueArnOf } from '../../../../shared/policy/arns';

describe('ARN helpers', () => {
  it('derives the partition from the Region', () => {
    expect(partitionOfRegion('us-east-1')).toBe('aws');
    expect(partitionOfRegion('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov');
  });

  it('builds bucket, object and queue ARNs', () => {
    expect(bucketArn('acme-raw')).toBe('arn:aws:s3:::acme-raw');
    expect(bucketArn('acme-raw', 'aws-us-gov')).toBe('arn:aws-us-gov:s3:::acme-raw');
    expect(objectArnPattern('acme-raw', '')).toBe('arn:aws:s3:::acme-raw/*');
    expect(objectArnPattern('acme-raw', 'incoming/')).toBe('arn:aws:s3:::acme-raw/incoming/*');
    expect(queueArnOf('us-east-1', '123456789012', 'q')).toBe('arn:aws:sqs:us-east-1:123456789012:q');
    expect(queueArnOf('cn-north-1', '123456789012', 'q')).toBe('arn:aws-cn:sqs:cn-north-1:123456789012:q');
  });

  it('parses ARNs, keeping colons in the resource', () => {
    expect(parseArn('arn:aws:iam::111122223333:role/x')).toEqual({
      partition: 'aws',
      service: 'iam',
      region: '',
      account: '111122223333',
      resource: 'role/x',
    });
    expect(parseArn('arn:aws:logs:us-east-1:1:log-group:a:b')?.resource).toBe('log-group:a:b');
    expect(parseArn('not-an-arn')).toBeNull();
    expect(partitionOfArn('arn:aws-us-gov:sqs:us-gov-west-1:1:q')).toBe('aws-us-gov');
    expect(partitionOfArn('garbage')).toBe('aws');
  });
});
