import type { NamedPolicy } from '../../../../../shared/policy-eval/policy-request';
import { assumeRoleContext, rolePermissionsContext, s3DeliveryContext } from '../../../../../shared/policy-eval/request-context';
import { SEED_PERMISSIONS_POLICY, SEED_QUEUE_POLICY, SEED_TRUST_POLICY } from '../../fixtures/seed-documents';
import { ACCT, BUCKET, LOAD_ROLE, NOW, QUEUE, ROLE, SETUP_ROLE, type OracleCase } from './cases';

/** A hand-written policy as admins write them, the question asked, and the engine's expected answer. */
export interface HandWrittenCase {
  readonly name: string;
  readonly expected: 'allowed' | 'denied' | 'depends' | 'cannot-evaluate';
  readonly case: OracleCase;
}

const V = '2012-10-17';
const s3Sends = { Sid: 'AllowS3ToSendMessage', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: QUEUE };

function queue(name: string, expected: HandWrittenCase['expected'], statements: ReadonlyArray<unknown>, bucketArn = BUCKET): HandWrittenCase {
  return {
    name,
    expected,
    case: {
      kind: 'queue',
      resourcePolicy: { Version: V, Statement: statements },
      identity: [],
      boundary: null,
      request: {
        principal: { service: 's3.amazonaws.com' },
        action: 'sqs:SendMessage',
        resource: QUEUE,
        context: s3DeliveryContext(bucketArn, ACCT, ACCT, NOW),
      },
    },
  };
}

function trust(
  name: string,
  expected: HandWrittenCase['expected'],
  statements: ReadonlyArray<unknown>,
  externalId: string | null = 'org-42',
  principal = SETUP_ROLE,
): HandWrittenCase {
  return {
    name,
    expected,
    case: {
      kind: 'trust',
      resourcePolicy: { Version: V, Statement: statements },
      identity: [],
      boundary: null,
      request: { principal: { arn: principal }, action: 'sts:AssumeRole', resource: ROLE, context: assumeRoleContext(principal, externalId, ACCT, NOW) },
    },
  };
}

function identity(
  name: string,
  expected: HandWrittenCase['expected'],
  policies: ReadonlyArray<NamedPolicy>,
  action: string,
  resource: string,
  boundary: NamedPolicy | null = null,
): HandWrittenCase {
  return {
    name,
    expected,
    case: {
      kind: 'identity',
      resourcePolicy: null,
      identity: policies,
      boundary,
      request: { action, resource, context: rolePermissionsContext(ROLE, ACCT, NOW) },
    },
  };
}

const seedCondition = { ArnLike: { 'aws:SourceArn': BUCKET }, StringEquals: { 'aws:SourceAccount': ACCT } };
const denyPlainHttp = {
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 'sqs:*',
  Resource: '*',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};
const OBJECT = `${BUCKET}/incoming/sample-object.csv`;
const seedPermissions = { name: 'inline policy platform-s3-sqs-access', document: SEED_PERMISSIONS_POLICY };
const trustStatement = (principal: unknown, condition: unknown) => ({
  Sid: 'Platform',
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  Condition: condition,
});

/** Common hand-written policies (the platform guide's, and the shapes admins and AWS's examples use). */
export const HAND_WRITTEN: ReadonlyArray<HandWrittenCase> = [
  queue('the platform guide queue policy', 'allowed', SEED_QUEUE_POLICY.Statement),
  queue('the guide queue policy, another bucket', 'denied', SEED_QUEUE_POLICY.Statement, 'arn:aws:s3:::other'),
  queue('the guide queue policy with ${aws:ResourceAccount}', 'allowed', [
    { ...s3Sends, Condition: { ArnLike: { 'aws:SourceArn': BUCKET }, StringEquals: { 'aws:SourceAccount': '${aws:ResourceAccount}' } } },
  ]),
  queue('the guide queue policy with a TLS-only Deny', 'allowed', [{ ...s3Sends, Condition: seedCondition }, denyPlainHttp]),
  queue('Principal "*" narrowed by aws:SourceArn', 'allowed', [{ ...s3Sends, Principal: '*', Condition: { ArnEquals: { 'aws:SourceArn': BUCKET } } }]),
  queue('bucket given by StringLike on aws:SourceArn', 'allowed', [{ ...s3Sends, Condition: { StringLike: { 'aws:SourceArn': 'arn:aws:s3:::acme-*' } } }]),
  queue('an organisation perimeter that spares AWS services', 'allowed', [
    { ...s3Sends, Condition: seedCondition },
    {
      Sid: 'Perimeter',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sqs:*',
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
    },
  ]),
  queue('a network perimeter without the service exemption', 'depends', [
    { ...s3Sends, Condition: seedCondition },
    { Sid: 'Network', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c' } } },
  ]),
  queue('only SNS may send (fan-out through a topic)', 'denied', [
    { ...s3Sends, Principal: { Service: 'sns.amazonaws.com' }, Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:t' } } },
  ]),
  queue('a resource-account perimeter', 'allowed', [
    { ...s3Sends, Condition: seedCondition },
    {
      Sid: 'SameAccount',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sqs:*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:SourceAccount': '${aws:ResourceAccount}' }, Bool: { 'aws:PrincipalIsAWSService': 'true' } },
    },
  ]),
  trust('the platform guide trust policy', 'allowed', SEED_TRUST_POLICY.Statement),
  trust('the guide trust policy without the external ID', 'denied', SEED_TRUST_POLICY.Statement, null),
  trust('the guide trust policy, the load role', 'allowed', SEED_TRUST_POLICY.Statement, 'org-42', LOAD_ROLE),
  trust('account principal narrowed by aws:PrincipalArn', 'allowed', [
    trustStatement(
      { AWS: 'arn:aws:iam::111122223333:root' },
      { StringEquals: { 'sts:ExternalId': 'org-42' }, ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/platform-*' } },
    ),
  ]),
  trust('account principal narrowed by aws:PrincipalArn, another role', 'denied', [
    trustStatement(
      { AWS: '111122223333' },
      { StringEquals: { 'sts:ExternalId': 'org-42' }, ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/platform-load' } },
    ),
  ]),
  trust(
    'StringEqualsIfExists on the external ID, asked without it',
    'allowed',
    [trustStatement({ AWS: SETUP_ROLE }, { StringEqualsIfExists: { 'sts:ExternalId': 'org-42' } })],
    null,
  ),
  trust(
    'Null false plus StringEquals on the external ID, asked without it',
    'denied',
    [trustStatement({ AWS: SETUP_ROLE }, { Null: { 'sts:ExternalId': 'false' }, StringEquals: { 'sts:ExternalId': 'org-42' } })],
    null,
  ),
  trust('external ID given as a list', 'allowed', [
    trustStatement({ AWS: [SETUP_ROLE, LOAD_ROLE] }, { StringEquals: { 'sts:ExternalId': ['org-41', 'org-42'] } }),
  ]),
  trust('conditioned on the platform organisation', 'depends', [
    trustStatement({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': 'o-platform', 'sts:ExternalId': 'org-42' } }),
  ]),
  trust('a Deny of sessions without the external ID', 'allowed', [
    trustStatement({ AWS: SETUP_ROLE }, { StringLike: { 'sts:ExternalId': 'org-*' } }),
    { Sid: 'NoExternalId', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { Null: { 'sts:ExternalId': 'true' } } },
  ]),
  identity('the platform guide permissions policy: an object', 'allowed', [seedPermissions], 's3:GetObject', OBJECT),
  identity('the platform guide permissions policy: the queue', 'allowed', [seedPermissions], 'sqs:DeleteMessage', QUEUE),
  identity(
    'the guide policy, allowed only over TLS',
    'allowed',
    [
      {
        name: 'tls',
        document: {
          Version: V,
          Statement: [{ Effect: 'Allow', Action: ['sqs:*', 's3:Get*'], Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }],
        },
      },
    ],
    'sqs:ReceiveMessage',
    QUEUE,
  ),
  identity(
    'read-only managed policy lacks DeleteMessage',
    'denied',
    [
      {
        name: 'managed ReadOnly',
        document: {
          Version: V,
          Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'sqs:Get*', 'sqs:List*', 'sqs:ReceiveMessage'], Resource: '*' }],
        },
      },
    ],
    'sqs:DeleteMessage',
    QUEUE,
  ),
  identity(
    'full-access managed policy within an S3-only boundary',
    'denied',
    [{ name: 'managed SQSFull', document: { Version: V, Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] } }],
    'sqs:ReceiveMessage',
    QUEUE,
    {
      name: 'boundary',
      document: { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
    },
  ),
  identity(
    'a same-account resource perimeter',
    'allowed',
    [
      seedPermissions,
      {
        name: 'perimeter',
        document: {
          Version: V,
          Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } } }],
        },
      },
    ],
    'sqs:ReceiveMessage',
    QUEUE,
  ),
  identity(
    'a network perimeter on the role',
    'depends',
    [
      seedPermissions,
      {
        name: 'perimeter',
        document: {
          Version: V,
          Statement: [{ Sid: 'Net', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' } } }],
        },
      },
    ],
    's3:GetObject',
    OBJECT,
  ),
  identity(
    'an objects-per-user policy with ${aws:username} (absent for a role)',
    'denied',
    [{ name: 'per-user', document: { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/home/\${aws:username}/*` }] } }],
    's3:GetObject',
    `${BUCKET}/home/alice/x`,
  ),
  identity(
    'time-boxed access (aws:CurrentTime)',
    'allowed',
    [
      {
        name: 'until',
        document: {
          Version: V,
          Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: QUEUE, Condition: { DateLessThan: { 'aws:CurrentTime': '2100-01-01T00:00:00Z' } } }],
        },
      },
    ],
    'sqs:ReceiveMessage',
    QUEUE,
  ),
];
