import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  IAMServiceException,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  GetBucketLocationCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  SQSClient,
  SQSServiceException,
} from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure, type ApiError } from '../../../shared/contract/api-error';
import { createDispatcher } from '../../../main/api/dispatch';
import { handlers } from '../../../main/api/handlers';
import { Workspace } from '../../../main/api/workspace';
import { createRole, getRole, getRolePolicy, putRolePolicy, updateAssumeRolePolicy } from '../../../main/aws/iam';
import { getBucketNotification, getBucketRegion, putBucketNotification, putObject } from '../../../main/aws/s3';
import { createQueue, getQueueAttributes, getQueueUrl, setQueuePolicy } from '../../../main/aws/sqs';
import { ENVIRONMENT_PROFILE } from '../../../main/aws/profiles';
import { deniedBy, stubTarget } from './stub-target';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/acme-raw-s3-events';
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:acme-raw-s3-events';
const ROLE = 'platform-s3-sqs-consumer-role';

const sqs = mockClient(SQSClient);
const s3 = mockClient(S3Client);
const iam = mockClient(IAMClient);
const sts = mockClient(STSClient);

afterEach(() => {
  sqs.reset();
  s3.reset();
  iam.reset();
  sts.reset();
});

/** What the service module threw, as the error value every front end shows. */
async function errorOf(run: () => Promise<unknown>): Promise<ApiError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiFailure);
    return (err as ApiFailure).error;
  }
  throw new Error('expected the call to fail');
}

interface DeniedCase {
  /** The AWS API call that is denied. */
  readonly call: string;
  /** The IAM action an admin must be granted (the S3 notification calls are named differently in IAM). */
  readonly action: string;
  /** The resource ARN (or name pattern) the message must name. */
  readonly resource: string;
  readonly deny: () => void;
  readonly run: () => Promise<unknown>;
}

const target = stubTarget();
const sqsDenied = (name = 'AccessDenied') => deniedBy(SQSServiceException, name);
const s3Denied = () => deniedBy(S3ServiceException, 'AccessDenied');
const iamDenied = () => deniedBy(IAMServiceException, 'AccessDenied');

const CASES: ReadonlyArray<DeniedCase> = [
  {
    call: 'GetQueueUrl',
    action: 'sqs:GetQueueUrl',
    resource: 'arn:aws:sqs:us-east-1:*:acme-raw-s3-events',
    deny: () => sqs.on(GetQueueUrlCommand).rejects(sqsDenied()),
    run: () => getQueueUrl(target, 'acme-raw-s3-events'),
  },
  {
    call: 'CreateQueue',
    action: 'sqs:CreateQueue',
    resource: 'arn:aws:sqs:us-east-1:*:acme-raw-s3-events',
    deny: () => sqs.on(CreateQueueCommand).rejects(sqsDenied('AccessDeniedException')),
    run: () => createQueue(target, 'acme-raw-s3-events', {}),
  },
  {
    call: 'GetQueueAttributes',
    action: 'sqs:GetQueueAttributes',
    resource: QUEUE_ARN,
    deny: () => sqs.on(GetQueueAttributesCommand).rejects(sqsDenied()),
    run: () => getQueueAttributes(target, QUEUE_URL, ['Policy']),
  },
  {
    call: 'SetQueueAttributes',
    action: 'sqs:SetQueueAttributes',
    resource: QUEUE_ARN,
    deny: () => sqs.on(SetQueueAttributesCommand).rejects(sqsDenied('AccessDeniedException')),
    run: () => setQueuePolicy(target, QUEUE_URL, '{"Version":"2012-10-17","Statement":[]}'),
  },
  {
    call: 'GetBucketLocation',
    action: 's3:GetBucketLocation',
    resource: 'arn:aws:s3:::acme-raw',
    deny: () => s3.on(GetBucketLocationCommand).rejects(s3Denied()),
    run: () => getBucketRegion(target, { name: 'acme-raw', owner: '123456789012' }),
  },
  {
    call: 'GetBucketNotificationConfiguration',
    action: 's3:GetBucketNotification',
    resource: 'arn:aws:s3:::acme-raw',
    deny: () => s3.on(GetBucketNotificationConfigurationCommand).rejects(s3Denied()),
    run: () => getBucketNotification(target, { name: 'acme-raw', owner: '123456789012' }),
  },
  {
    call: 'PutBucketNotificationConfiguration',
    action: 's3:PutBucketNotification',
    resource: 'arn:aws:s3:::acme-raw',
    deny: () => s3.on(PutBucketNotificationConfigurationCommand).rejects(s3Denied()),
    run: () => putBucketNotification(target, { name: 'acme-raw', owner: '123456789012' }, {}),
  },
  {
    call: 'PutObject',
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::acme-raw/incoming/test.csv',
    deny: () => s3.on(PutObjectCommand).rejects(s3Denied()),
    run: () => putObject(target, { name: 'acme-raw', owner: '123456789012' }, 'incoming/test.csv', 'x'),
  },
  {
    call: 'GetRole',
    action: 'iam:GetRole',
    resource: `arn:aws:iam::*:role/${ROLE}`,
    deny: () => iam.on(GetRoleCommand).rejects(iamDenied()),
    run: () => getRole(target, ROLE),
  },
  {
    call: 'CreateRole',
    action: 'iam:CreateRole',
    resource: `arn:aws:iam::*:role/${ROLE}`,
    deny: () => iam.on(CreateRoleCommand).rejects(iamDenied()),
    run: () => createRole(target, ROLE, '{}', 'test'),
  },
  {
    call: 'UpdateAssumeRolePolicy',
    action: 'iam:UpdateAssumeRolePolicy',
    resource: `arn:aws:iam::*:role/${ROLE}`,
    deny: () => iam.on(UpdateAssumeRolePolicyCommand).rejects(iamDenied()),
    run: () => updateAssumeRolePolicy(target, ROLE, '{}'),
  },
  {
    call: 'GetRolePolicy',
    action: 'iam:GetRolePolicy',
    resource: `arn:aws:iam::*:role/${ROLE}`,
    deny: () => iam.on(GetRolePolicyCommand).rejects(iamDenied()),
    run: () => getRolePolicy(target, ROLE, 'platform-s3-sqs-access'),
  },
  {
    call: 'PutRolePolicy',
    action: 'iam:PutRolePolicy',
    resource: `arn:aws:iam::*:role/${ROLE}`,
    deny: () => iam.on(PutRolePolicyCommand).rejects(iamDenied()),
    run: () => putRolePolicy(target, ROLE, 'platform-s3-sqs-access', '{}'),
  },
];

describe('AccessDenied on each AWS call names the IAM action and the resource', () => {
  it.each(CASES.map((c) => [c.call, c] as const))('%s', async (_call, c) => {
    c.deny();
    const error = await errorOf(c.run);
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.message).toContain(`call ${c.action} on ${c.resource}.`);
    expect(error.fix).toContain(`permission ${c.action} on ${c.resource},`);
    expect(JSON.stringify(error)).not.toMatch(/\n\s+at |AKIA|secret/i);
  });

  it('GetCallerIdentity (connect): ACCESS_DENIED naming sts:GetCallerIdentity, never a credential', async () => {
    // IAM policies cannot deny sts:GetCallerIdentity (STS API reference); an SCP or a proxy answering 403 can.
    sts.on(GetCallerIdentityCommand).rejects(deniedBy(STSServiceException, 'AccessDenied'));
    const workspace = new Workspace({ AWS_ACCESS_KEY_ID: 'AKIAFAKETESTKEY12345', AWS_SECRET_ACCESS_KEY: 'fakeSecretForTests' });
    const dispatch = createDispatcher({ handlers, workspace, frontEnd: 'cli', emit: () => undefined });
    const result = await dispatch({ channel: 'session.connect', input: { profile: ENVIRONMENT_PROFILE, region: 'us-east-1' } });
    expect(result.ok).toBe(false);
    const error = result.ok ? null : result.error;
    expect(error?.code).toBe('ACCESS_DENIED');
    expect(error?.message).toContain('sts:GetCallerIdentity');
    expect(error?.fix).toContain('permission sts:GetCallerIdentity');
    expect(JSON.stringify(error)).not.toMatch(/AKIAFAKETESTKEY12345|fakeSecretForTests/);
  });

  it('a 403 without an error name is still ACCESS_DENIED', async () => {
    sqs.on(GetQueueAttributesCommand).rejects(deniedBy(SQSServiceException, 'UnknownError'));
    const error = await errorOf(() => getQueueAttributes(target, QUEUE_URL));
    expect(error).toMatchObject({ code: 'ACCESS_DENIED' });
    expect(error.message).toContain('sqs:GetQueueAttributes');
  });
});
