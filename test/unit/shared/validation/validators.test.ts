import { describe, expect, it } from 'vitest';
import { validateBucketName } from '../../../../shared/validation/bucket-name';
import { validateExternalId } from '../../../../shared/validation/external-id';
import { keyFilterWarnings, validatePrefix, validateSuffix } from '../../../../shared/validation/key-filter';
import { validateQueueName } from '../../../../shared/validation/queue-name';
import { validateRegion } from '../../../../shared/validation/region';
import { validateRoleArn } from '../../../../shared/validation/role-arn';
import { validateRoleName } from '../../../../shared/validation/role-name';
import { validateSetupName } from '../../../../shared/validation/setup-name';

type Validator = (value: string) => { field: string; message: string } | null;

function expectValid(validate: Validator, values: ReadonlyArray<string>): void {
  for (const value of values) expect(validate(value), value).toBeNull();
}

function expectInvalid(validate: Validator, field: string, cases: ReadonlyArray<readonly [string, RegExp]>): void {
  for (const [value, message] of cases) {
    const issue = validate(value);
    expect(issue, value).not.toBeNull();
    expect(issue?.field).toBe(field);
    expect(issue?.message, value).toMatch(message);
  }
}

describe('validateBucketName (S3 naming rules)', () => {
  it('accepts valid names', () => {
    expectValid(validateBucketName, ['acme-raw', 'abc', 'a.b.c', 'logs-2024.eu', '1bucket', 'x'.repeat(63)]);
  });
  it('names the broken rule', () => {
    expectInvalid(validateBucketName, 'bucket', [
      ['', /required/],
      ['ab', /3 to 63 characters.*has 2/],
      ['x'.repeat(64), /3 to 63/],
      ['Acme-Raw', /lowercase/],
      ['acme_raw', /remove "_"/],
      ['-acme', /begin and end/],
      ['acme.', /begin and end/],
      ['acme..raw', /two adjacent periods/],
      ['192.168.5.4', /IP address/],
      ['xn--acme', /xn--/],
      ['sthree-acme', /sthree-/],
      ['amzn-s3-demo-bucket', /amzn-s3-demo-/],
      ['acme-s3alias', /-s3alias/],
      ['acme--ol-s3', /--ol-s3/],
      ['acme.mrap', /\.mrap/],
      ['acme--x-s3', /--x-s3/],
      ['acme--table-s3', /--table-s3/],
      ['s3://acme-raw', /bare name/],
      ['acme-raw/incoming', /bare name/],
    ]);
  });
});

describe('validateQueueName', () => {
  it('accepts 1-80 of [A-Za-z0-9_-]', () => {
    expectValid(validateQueueName, ['q', 'orders-events', 'Orders_Events_2', 'a'.repeat(80)]);
  });
  it('refuses FIFO queues with the reason', () => {
    expect(validateQueueName('orders.fifo')?.message).toMatch(/FIFO queues cannot receive S3 event notifications/);
  });
  it('names the broken rule', () => {
    expectInvalid(validateQueueName, 'queueName', [
      ['', /required/],
      ['a'.repeat(81), /at most 80.*81/],
      ['orders events', /remove " "/],
      ['orders.events', /remove "\."/],
      ['https://sqs.us-east-1.amazonaws.com/123456789012/q', /not the queue URL/],
      ['arn:aws:sqs:us-east-1:123456789012:q', /not the queue URL or ARN/],
    ]);
  });
});

describe('validateRoleName', () => {
  it('accepts IAM role names', () => {
    expectValid(validateRoleName, ['platform-s3-sqs-consumer-role', 'a', 'R+=,.@_-', 'r'.repeat(64)]);
  });
  it('names the broken rule', () => {
    expectInvalid(validateRoleName, 'roleName', [
      ['', /required/],
      ['r'.repeat(65), /at most 64/],
      ['my role', /remove " "/],
      ['arn:aws:iam::123456789012:role/x', /bare name/],
      ['path/role', /bare name/],
    ]);
  });
});

describe('validateRoleArn', () => {
  it('accepts role ARNs in aws, aws-cn and aws-us-gov, with or without a path', () => {
    expectValid(validateRoleArn, [
      'arn:aws:iam::111122223333:role/platform-setup',
      'arn:aws-cn:iam::111122223333:role/platform-load',
      'arn:aws-us-gov:iam::111122223333:role/service/platform-load',
    ]);
  });
  it('uses the field name it is given', () => {
    expect(validateRoleArn('x', 'platformLoadRoleArn')?.field).toBe('platformLoadRoleArn');
  });
  it('names the broken rule', () => {
    expectInvalid(validateRoleArn, 'roleArn', [
      ['', /required/],
      ['platform-setup', /not an ARN/],
      ['arn:aws-iso:iam::111122223333:role/x', /partition "aws-iso" is not supported/],
      ['arn:aws:sts::111122223333:assumed-role/x/session', /assumed-role session ARN/],
      ['arn:aws:s3:::bucket/role/x', /must be an IAM ARN/],
      ['arn:aws:iam:us-east-1:111122223333:role/x', /empty region/],
      ['arn:aws:iam::1111:role/x', /exactly 12 digits/],
      ['arn:aws:iam::111122223333:user/x', /must name a role.*not "user"/],
      ['arn:aws:iam::111122223333:role/', /Role name "" in the ARN/],
      ['arn:aws:iam::111122223333:role/bad name', /Role name "bad name"/],
      ['arn:aws:iam::111122223333:role/a//b', /Role path/],
    ]);
  });
});

describe('validateExternalId', () => {
  it('accepts 2-1,224 of the allowed set', () => {
    expectValid(validateExternalId, ['org-42', 'ab', 'A+=,.@:/_-z', 'x'.repeat(1224)]);
  });
  it('names the broken rule', () => {
    expectInvalid(validateExternalId, 'externalId', [
      ['', /required/],
      ['a', /2 to 1,224.*has 1/],
      ['x'.repeat(1225), /2 to 1,224/],
      ['org 42', /contains a space/],
      ['org#42', /contains "#"/],
    ]);
  });
});

describe('validateRegion', () => {
  it('accepts Region codes of the supported partitions', () => {
    expectValid(validateRegion, ['us-east-1', 'eu-central-2', 'ap-southeast-5', 'cn-northwest-1', 'us-gov-west-1', 'il-central-1']);
  });
  it('names the broken rule', () => {
    expectInvalid(validateRegion, 'region', [
      ['', /required/],
      ['US-EAST-1', /lowercase.*us-east-1/],
      ['us-east-1a', /Availability Zone.*"us-east-1"/],
      ['us-iso-east-1', /isolated partition/],
      ['useast1', /not a Region code/],
      ['us-east', /not a Region code/],
    ]);
  });
});

describe('validatePrefix / validateSuffix', () => {
  it('accepts empty values and up to 1,024 characters', () => {
    expectValid(validatePrefix, ['', 'incoming/', 'p'.repeat(1024)]);
    expectValid(validateSuffix, ['', '.csv', 's'.repeat(1024)]);
  });
  it('refuses values past 1,024 characters', () => {
    expect(validatePrefix('p'.repeat(1025))).toEqual({ field: 'prefix', message: expect.stringMatching(/at most 1,024.*1025/) });
    expect(validateSuffix('s'.repeat(1025))?.field).toBe('suffix');
  });
  it('warns, not errors, when both are empty (the whole bucket)', () => {
    expect(keyFilterWarnings('', '')).toEqual([{ field: 'prefix', message: expect.stringMatching(/every object/) }]);
    expect(keyFilterWarnings('incoming/', '')).toEqual([]);
  });
  it('warns about a leading slash and literal wildcards', () => {
    expect(
      keyFilterWarnings('/incoming', '')
        .map((w) => w.message)
        .join(),
    ).toMatch(/starts with "\/"/);
    expect(keyFilterWarnings('in*', '*.csv').map((w) => w.field)).toEqual(['prefix', 'suffix']);
  });
});

describe('validateSetupName', () => {
  it('accepts folder-safe names', () => {
    expectValid(validateSetupName, ['orders-prod', 'a', 'A.b_c-1', 'n'.repeat(64)]);
  });
  it('names the broken rule', () => {
    expectInvalid(validateSetupName, 'name', [
      ['', /required/],
      ['n'.repeat(65), /at most 64/],
      ['.hidden', /must not start with "\."/],
      ['orders prod', /contains a space/],
      ['orders/prod', /contains "\/"/],
      ['orders.', /must not end with "\."/],
      ['CON', /reserved device name/],
      ['nul.txt', /reserved device name/],
    ]);
  });
});
