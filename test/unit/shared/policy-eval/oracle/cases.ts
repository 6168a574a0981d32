import fc from 'fast-check';
import type { NamedPolicy, PolicyRequest } from '../../../../../shared/policy-eval/policy-request';
import { assumeRoleContext, rolePermissionsContext, s3DeliveryContext } from '../../../../../shared/policy-eval/request-context';

/** The account of the setup, the platform's account, and the resources the three checks ask about. */
export const ACCT = '123456789012';
export const PLATFORM = '111122223333';
export const QUEUE = `arn:aws:sqs:us-east-1:${ACCT}:orders-events`;
export const BUCKET = 'arn:aws:s3:::acme-raw';
export const ROLE = `arn:aws:iam::${ACCT}:role/platform-role`;
export const SETUP_ROLE = `arn:aws:iam::${PLATFORM}:role/platform-setup`;
export const LOAD_ROLE = `arn:aws:iam::${PLATFORM}:role/platform-load`;
/** A fixed "now", so date conditions are reproducible. */
export const NOW = new Date('2026-11-28T12:00:00Z');

/** Which of the diagnostics' three questions a case asks. */
export type CaseKind = 'queue' | 'trust' | 'identity';

/** One generated (policies, request) pair, in the engine's terms; the oracle gets the same. */
export interface OracleCase {
  readonly kind: CaseKind;
  /** The queue policy or trust policy (resource-based), or null for identity cases. */
  readonly resourcePolicy: unknown;
  readonly identity: ReadonlyArray<NamedPolicy>;
  readonly boundary: NamedPolicy | null;
  readonly request: PolicyRequest;
}

const PRINCIPALS: ReadonlyArray<unknown> = [
  '*',
  { AWS: '*' },
  { AWS: PLATFORM },
  { AWS: `arn:aws:iam::${PLATFORM}:root` },
  { AWS: SETUP_ROLE },
  { AWS: LOAD_ROLE },
  { AWS: [SETUP_ROLE, LOAD_ROLE] },
  { AWS: `arn:aws:iam::${PLATFORM}:role/someone-else` },
  { AWS: ACCT },
  { AWS: `arn:aws:iam::${ACCT}:root` },
  { Service: 's3.amazonaws.com' },
  { Service: 'sns.amazonaws.com' },
  { Service: ['sns.amazonaws.com', 's3.amazonaws.com'] },
  { Service: 'S3.amazonaws.com' },
  { AWS: `arn:aws:sts::${PLATFORM}:assumed-role/platform-setup/session-1` },
  { Federated: 'cognito-identity.amazonaws.com' },
];

const ACTIONS: Readonly<Record<CaseKind, ReadonlyArray<string>>> = {
  queue: ['sqs:SendMessage', 'sqs:*', 'sqs:Send*', 'SQS:sendmessage', '*', 'sqs:ReceiveMessage', 'sqs:S?ndMessage', 'sns:Publish'],
  trust: ['sts:AssumeRole', 'sts:*', 'STS:assumerole', '*', 'sts:AssumeRoleWithSAML', 'sts:Assume*', 'sts:TagSession'],
  identity: [
    's3:GetObject',
    's3:Get*',
    's3:ListBucket',
    's3:*',
    '*',
    'sqs:ReceiveMessage',
    'sqs:DeleteMessage',
    'sqs:*',
    'sqs:Get*',
    's3:PutObject',
    'S3:GETOBJECT',
  ],
};

const RESOURCES: ReadonlyArray<string> = [
  '*',
  QUEUE,
  `arn:aws:sqs:*:${ACCT}:*`,
  `arn:aws:sqs:us-east-1:${ACCT}:other`,
  `arn:aws:sqs:us-east-1:${ACCT}:orders-*`,
  'arn:aws:sqs:us-east-1:${aws:ResourceAccount}:orders-events',
  'arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:*',
  'arn:aws:sqs:*',
  'arn:aws:*:*:*:*',
  BUCKET,
  `${BUCKET}/*`,
  `${BUCKET}/incoming/*`,
  'arn:aws:s3:::acme-*',
  'arn:aws:s3:::acme-raw*',
  'arn:aws:s3:::*/incoming/*',
  `${BUCKET}/\${aws:username}/*`,
  `${BUCKET}/\${*}`,
  `arn:aws:SQS:us-east-1:${ACCT}:orders-events`,
  'arn:AWS:s3:::acme-raw/*',
  `arn:aws:sqs:us-east-1:${ACCT}:ORDERS-EVENTS`,
];

/** Keys and the values worth comparing them with: the request's own, near misses, wildcards, variables. */
const KEY_VALUES: Readonly<Record<string, ReadonlyArray<string>>> = {
  'aws:SourceArn': [BUCKET, 'arn:aws:s3:::other', 'arn:aws:s3:::acme-*', 'arn:aws:s3:::*', 'arn:*:s3:::acme-raw', 'arn:aws:s3:::acme-ra?'],
  'aws:SourceAccount': [ACCT, PLATFORM, '${aws:ResourceAccount}', '${aws:PrincipalAccount}', '1234*'],
  'aws:ResourceAccount': [ACCT, PLATFORM, '${aws:PrincipalAccount}', '${aws:SourceAccount}'],
  'aws:PrincipalAccount': [ACCT, PLATFORM, '${aws:ResourceAccount}'],
  'aws:PrincipalArn': [
    SETUP_ROLE,
    LOAD_ROLE,
    ROLE,
    `arn:aws:iam::${PLATFORM}:role/platform-*`,
    `arn:aws:iam::${PLATFORM}:role/other`,
    `arn:aws:iam::\${aws:PrincipalAccount}:role/*`,
  ],
  'aws:PrincipalServiceName': ['s3.amazonaws.com', 'sns.amazonaws.com', '*.amazonaws.com'],
  'aws:PrincipalIsAWSService': ['true', 'false'],
  'aws:PrincipalType': ['AssumedRole', 'User', 'Assumed*'],
  'aws:SecureTransport': ['true', 'false'],
  'sts:ExternalId': ['org-42', 'org-43', 'org-*', 'ORG-42', '${aws:PrincipalAccount}'],
  's3:prefix': ['incoming/', 'incoming/*'],
  'aws:username': ['alice', '*'],
  'aws:CurrentTime': ['2020-01-01T00:00:00Z', '2100-01-01T00:00:00Z'],
  // Keys the diagnostics cannot know: the engine must answer "depends", never a pass or a fail that hangs on them.
  'aws:SourceIp': ['10.0.0.0/8', '192.0.2.0/24'],
  'aws:PrincipalOrgID': ['o-abc123', 'o-*'],
  'aws:SourceVpce': ['vpce-1a2b3c'],
  'aws:PrincipalTag/team': ['data'],
  's3:max-keys': ['10'],
  // A key the request has, under operators the engine does not evaluate: "cannot evaluate", never a pass or a fail.
  'aws:EpochTime': ['1795867200', '100'],
};

/** Values the oracle is also asked with for each unknowable key, so an answer the engine gives must hold for all of them. */
export const UNKNOWABLE_SAMPLES: Readonly<Record<string, ReadonlyArray<string>>> = {
  'aws:SourceIp': ['10.1.2.3', '198.51.100.7'],
  'aws:PrincipalOrgID': ['o-abc123', 'o-other999'],
  'aws:SourceVpce': ['vpce-1a2b3c', 'vpce-ffff'],
  'aws:PrincipalTag/team': ['data', 'web'],
};

const STRING_OPERATORS = ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'];
const ARN_OPERATORS = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'];
const DATE_OPERATORS = ['DateLessThan', 'DateGreaterThan', 'DateLessThanEquals', 'DateGreaterThanEquals'];

/** Operators that make sense for a key (the oracle, like IAM, types keys: ARN keys take Arn*, Bool keys Bool). */
function operatorsFor(key: string): ReadonlyArray<string> {
  if (key === 'aws:SourceIp') return ['IpAddress', 'NotIpAddress', 'IpAddressIfExists'];
  if (key === 'aws:EpochTime') return ['NumericLessThan', 'NumericGreaterThanEquals', 'NumericEqualsIfExists'];
  if (key === 's3:max-keys') return ['NumericLessThan', 'NumericLessThanIfExists', 'NumericNotEquals'];
  if (key === 'aws:SecureTransport' || key === 'aws:PrincipalIsAWSService') return ['Bool', 'BoolIfExists', 'Null'];
  if (key === 'aws:CurrentTime') return [...DATE_OPERATORS, 'Null'];
  const base = /^aws:(SourceArn|PrincipalArn)$/.test(key) ? [...ARN_OPERATORS, ...STRING_OPERATORS] : STRING_OPERATORS;
  return [...base, ...base.map((o) => `${o}IfExists`), ...base.map((o) => `ForAllValues:${o}`), ...base.map((o) => `ForAnyValue:${o}`), 'Null'];
}

const condition = fc
  .constantFrom(...Object.keys(KEY_VALUES))
  .chain((key) =>
    fc.tuple(
      fc.constant(key),
      fc.constantFrom(...operatorsFor(key)),
      fc.subarray([...(KEY_VALUES[key] ?? [])], { minLength: 1, maxLength: Math.min(2, KEY_VALUES[key]?.length ?? 1) }),
      fc.constantFrom('true', 'false'),
    ),
  )
  .map(([key, operator, values, nullValue]) => ({ [operator]: { [key]: operator === 'Null' ? nullValue : values.length === 1 ? values[0] : values } }));

function statementOf(kind: CaseKind, withPrincipal: boolean, withResource: boolean) {
  return fc
    .record({
      sid: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
      effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
      notPrincipal: fc.boolean(),
      principal: fc.constantFrom(...PRINCIPALS),
      notAction: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      actions: fc.subarray([...ACTIONS[kind]], { minLength: 1, maxLength: 2 }),
      notResource: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      resources: fc.subarray([...RESOURCES], { minLength: 1, maxLength: 2 }),
      conditions: fc.array(condition, { maxLength: 2 }),
    })
    .map((s) => {
      // NotPrincipal is valid with Deny only (IAM JSON reference, "NotPrincipal").
      const notPrincipal = s.notPrincipal && s.effect === 'Deny';
      const merged: Record<string, Record<string, unknown>> = {};
      for (const c of s.conditions) for (const [op, block] of Object.entries(c)) merged[op] = { ...(merged[op] ?? {}), ...block };
      return {
        ...(s.sid ? { Sid: s.sid } : {}),
        Effect: s.effect,
        ...(withPrincipal ? { [notPrincipal ? 'NotPrincipal' : 'Principal']: s.principal } : {}),
        [s.notAction ? 'NotAction' : 'Action']: s.actions.length === 1 ? s.actions[0] : s.actions,
        ...(withResource ? { [s.notResource ? 'NotResource' : 'Resource']: s.resources.length === 1 ? s.resources[0] : s.resources } : {}),
        ...(Object.keys(merged).length > 0 ? { Condition: merged } : {}),
      };
    });
}

function policyOf(kind: CaseKind, withPrincipal: boolean, withResource: boolean) {
  const version = fc.constantFrom<string | undefined>('2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2008-10-17', undefined);
  return fc
    .tuple(version, fc.array(statementOf(kind, withPrincipal, withResource), { minLength: 1, maxLength: 3 }))
    .map(([Version, Statement]) => (Version === undefined ? { Statement } : { Version, Statement }));
}

const queueCase: fc.Arbitrary<OracleCase> = fc
  .tuple(policyOf('queue', true, true), fc.constantFrom(BUCKET, 'arn:aws:s3:::other-bucket'), fc.constantFrom(ACCT, PLATFORM))
  .map(([policy, bucketArn, bucketAccount]) => ({
    kind: 'queue',
    resourcePolicy: policy,
    identity: [],
    boundary: null,
    request: {
      principal: { service: 's3.amazonaws.com' },
      action: 'sqs:SendMessage',
      resource: QUEUE,
      context: s3DeliveryContext(bucketArn, bucketAccount, ACCT, NOW),
    },
  }));

const trustCase: fc.Arbitrary<OracleCase> = fc
  .tuple(
    policyOf('trust', true, false),
    fc.constantFrom(SETUP_ROLE, LOAD_ROLE, `arn:aws:iam::${PLATFORM}:role/someone-else`),
    fc.constantFrom('org-42', 'org-43', null),
  )
  .map(([policy, principal, externalId]) => ({
    kind: 'trust',
    resourcePolicy: policy,
    identity: [],
    boundary: null,
    request: { principal: { arn: principal }, action: 'sts:AssumeRole', resource: ROLE, context: assumeRoleContext(principal, externalId, ACCT, NOW) },
  }));

const REQUIRED: ReadonlyArray<readonly [string, string]> = [
  ['s3:GetObject', `${BUCKET}/incoming/sample-object.csv`],
  ['s3:ListBucket', BUCKET],
  ['sqs:ReceiveMessage', QUEUE],
  ['sqs:DeleteMessage', QUEUE],
  ['sqs:GetQueueAttributes', QUEUE],
];

const identityCase: fc.Arbitrary<OracleCase> = fc
  .tuple(
    fc.array(policyOf('identity', false, true), { minLength: 1, maxLength: 2 }),
    fc.option(policyOf('identity', false, true), { freq: 3 }),
    fc.constantFrom(...REQUIRED),
  )
  .map(([policies, boundary, [action, resource]]) => ({
    kind: 'identity',
    resourcePolicy: null,
    identity: policies.map((document, i) => ({ name: `policy-${i + 1}`, document })),
    boundary: boundary === null ? null : { name: 'boundary', document: boundary },
    request: { action, resource, context: rolePermissionsContext(ROLE, ACCT, NOW) },
  }));

/** Every kind of case, in equal parts. */
export const oracleCase: fc.Arbitrary<OracleCase> = fc.oneof(queueCase, trustCase, identityCase);
