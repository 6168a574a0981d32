import { describe, expect, it } from 'vitest';
import { effectivePermissions, type RolePolicies } from '../../../../shared/policy-eval/effective-permissions';
import { rolePermissionsContext } from '../../../../shared/policy-eval/request-context';
import { trustPolicyAllowsAssume } from '../../../../shared/policy-eval/trust-policy-allows-assume';
import { buildPermissionsPolicy } from '../../../../shared/policy/build-permissions-policy';
import { SAMPLE } from '../fixtures/sample-setup';
import { SEED_PERMISSIONS_POLICY, SEED_TRUST_POLICY } from '../fixtures/seed-documents';

describe('trustPolicyAllowsAssume', () => {
  const urlEncoded = encodeURIComponent(JSON.stringify(SEED_TRUST_POLICY));

  it('allows each platform role with the external ID, naming its statement (URL-encoded as GetRole returns it)', () => {
    expect(trustPolicyAllowsAssume({ policy: urlEncoded, principalArn: SAMPLE.platformSetupRoleArn, externalId: 'org-42' })).toMatchObject({
      allowed: true,
      decidedBy: 'AllowPlatformSetupAssumeRole',
    });
    expect(trustPolicyAllowsAssume({ policy: urlEncoded, principalArn: SAMPLE.platformLoadRoleArn, externalId: 'org-42' })).toMatchObject({
      allowed: true,
      decidedBy: 'AllowPlatformLoadAssumeRole',
    });
  });

  it('denies a wrong or missing external ID and other principals', () => {
    const wrong = trustPolicyAllowsAssume({ policy: urlEncoded, principalArn: SAMPLE.platformSetupRoleArn, externalId: 'org-43' });
    expect(wrong.allowed).toBe(false);
    expect(wrong.reason).toMatch(/sts:ExternalId expects org-42; the request has org-43/);
    const none = trustPolicyAllowsAssume({ policy: urlEncoded, principalArn: SAMPLE.platformSetupRoleArn });
    expect(none.reason).toMatch(/the request has no sts:ExternalId/);
    expect(trustPolicyAllowsAssume({ policy: urlEncoded, principalArn: 'arn:aws:iam::111122223333:role/other', externalId: 'org-42' }).allowed).toBe(false);
  });

  it('matches account principals (id or :root) and assumed-role sessions of the named role', () => {
    const policy = (aws: string) => ({ Statement: [{ Effect: 'Allow', Principal: { AWS: aws }, Action: 'sts:AssumeRole' }] });
    const ask = (aws: string, principalArn: string) => trustPolicyAllowsAssume({ policy: policy(aws), principalArn }).allowed;
    expect(ask('111122223333', SAMPLE.platformSetupRoleArn)).toBe(true);
    expect(ask('arn:aws:iam::111122223333:root', SAMPLE.platformSetupRoleArn)).toBe(true);
    expect(ask('arn:aws:iam::999999999999:root', SAMPLE.platformSetupRoleArn)).toBe(false);
    expect(ask(SAMPLE.platformSetupRoleArn, 'arn:aws:sts::111122223333:assumed-role/platform-setup/session-1')).toBe(true);
    expect(ask('arn:aws:iam::111122223333:role/path/platform-setup', 'arn:aws:sts::111122223333:assumed-role/platform-setup/s')).toBe(true);
    expect(ask(SAMPLE.platformSetupRoleArn, 'arn:aws:sts::111122223333:assumed-role/platform-load/s')).toBe(false);
    expect(ask('*', SAMPLE.platformSetupRoleArn)).toBe(true);
  });

  it('lets a Deny with NotPrincipal or a condition win', () => {
    const policy = {
      Statement: [
        ...SEED_TRUST_POLICY.Statement,
        { Sid: 'OnlyOrg', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:*', Condition: { StringNotEquals: { 'sts:ExternalId': 'org-42' } } },
      ],
    };
    expect(trustPolicyAllowsAssume({ policy, principalArn: SAMPLE.platformSetupRoleArn, externalId: 'org-42' }).allowed).toBe(true);
    expect(trustPolicyAllowsAssume({ policy, principalArn: SAMPLE.platformSetupRoleArn, externalId: 'x' })).toMatchObject({
      allowed: false,
      decidedBy: 'OnlyOrg',
    });
  });
});

describe('trust policies admins write by hand', () => {
  const ask = (policy: unknown, principalArn: string, externalId: string | null) =>
    trustPolicyAllowsAssume({ policy, principalArn, externalId, roleAccount: SAMPLE.accountId });

  it('narrowed by aws:PrincipalArn on an account principal: the named roles only', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PlatformRoles',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'org-42' }, ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/platform-*' } },
        },
      ],
    };
    expect(ask(policy, SAMPLE.platformSetupRoleArn, 'org-42')).toMatchObject({ status: 'allowed', decidedBy: 'PlatformRoles' });
    expect(ask(policy, 'arn:aws:iam::111122223333:role/other', 'org-42').status).toBe('denied');
    expect(ask(policy, SAMPLE.platformSetupRoleArn, null).status).toBe('denied');
  });

  it('StringEqualsIfExists on sts:ExternalId lets the platform in WITHOUT the external ID (the confused-deputy hole)', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Lax',
          Effect: 'Allow',
          Principal: { AWS: SAMPLE.platformSetupRoleArn },
          Action: 'sts:AssumeRole',
          Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'org-42' } },
        },
      ],
    };
    expect(ask(policy, SAMPLE.platformSetupRoleArn, 'org-42').status).toBe('allowed');
    expect(ask(policy, SAMPLE.platformSetupRoleArn, null)).toMatchObject({ status: 'allowed', decidedBy: 'Lax' });
  });

  it('a trust policy conditioned on the organisation depends on it, never a pass or a fail', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Org',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc', 'sts:ExternalId': 'org-42' } },
        },
      ],
    };
    const d = ask(policy, SAMPLE.platformSetupRoleArn, 'org-42');
    expect(d).toMatchObject({ status: 'depends', allowed: false, decidedBy: 'Org' });
    expect(d.reason).toMatch(/aws:PrincipalOrgID/);
  });
});

describe('effective permissions of the role', () => {
  const objects = `${SAMPLE.bucketArn}/incoming/a.csv`;
  const context = rolePermissionsContext('arn:aws:iam::123456789012:role/platform-role', SAMPLE.accountId);
  const grants = (role: RolePolicies, action: string, resource: string) => effectivePermissions(role, { action, resource, context });
  const inline = (document: unknown, name = 'inline policy platform-s3-sqs-access') => ({ name, document });

  it('grants what the platform guide grants and nothing more', () => {
    const role = { identity: [inline(SEED_PERMISSIONS_POLICY)], boundary: null };
    expect(grants(role, 's3:GetObject', objects)).toMatchObject({ allowed: true, decidedBy: 'S3ObjectReadAccess' });
    expect(grants(role, 's3:ListBucket', SAMPLE.bucketArn)).toMatchObject({ allowed: true, decidedBy: 'S3BucketMetadataAccess' });
    expect(grants(role, 'sqs:ReceiveMessage', SAMPLE.queueArn)).toMatchObject({ allowed: true, decidedBy: 'SQSConsumeAccess' });
    expect(grants(role, 's3:DeleteObject', objects)).toMatchObject({ allowed: false, decidedBy: null });
    expect(grants(role, 's3:GetObject', 'arn:aws:s3:::other/a.csv').allowed).toBe(false);
  });

  it('honours the prefix scope and the delete option', () => {
    const policy = buildPermissionsPolicy({
      bucket: SAMPLE.bucket,
      queueArn: SAMPLE.queueArn,
      prefix: 'incoming/',
      objectReadScope: 'prefix',
      allowDeleteObject: true,
    });
    const role = { identity: [inline(policy)], boundary: null };
    expect(grants(role, 's3:GetObject', objects).allowed).toBe(true);
    expect(grants(role, 's3:GetObject', `${SAMPLE.bucketArn}/other/a.csv`).allowed).toBe(false);
    expect(grants(role, 's3:DeleteObject', objects).allowed).toBe(true);
  });

  it('a Deny in any identity policy wins, naming the statement and the policy', () => {
    const deny = { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 's3:*', NotResource: `${SAMPLE.bucketArn}/incoming/*` } };
    const role = {
      identity: [inline(SEED_PERMISSIONS_POLICY), inline(JSON.stringify(deny), 'managed policy arn:aws:iam::123456789012:policy/guard')],
      boundary: null,
    };
    expect(grants(role, 's3:GetObject', `${SAMPLE.bucketArn}/x`)).toMatchObject({
      allowed: false,
      decidedBy: 'Statement[0]',
      policy: 'managed policy arn:aws:iam::123456789012:policy/guard',
    });
    expect(grants(role, 's3:GetObject', objects).allowed).toBe(true);
  });

  it('a permissions boundary must allow the action too', () => {
    const boundary = {
      name: 'permissions boundary arn:aws:iam::123456789012:policy/b',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
    };
    const role = { identity: [inline(SEED_PERMISSIONS_POLICY)], boundary };
    expect(grants(role, 's3:GetObject', objects).allowed).toBe(true);
    const refused = grants(role, 'sqs:ReceiveMessage', SAMPLE.queueArn);
    expect(refused).toMatchObject({ status: 'denied', allowed: false });
    expect(refused.reason).toMatch(/permissions boundary .*policy\/b does not allow sqs:ReceiveMessage/);
  });

  it('allowed only over TLS: aws:SecureTransport is true for the platform, so it passes', () => {
    const tls = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'TlsOnly', Effect: 'Allow', Action: 'sqs:*', Resource: SAMPLE.queueArn, Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
        { Sid: 'DenyPlain', Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ],
    };
    expect(grants({ identity: [inline(tls)], boundary: null }, 'sqs:ReceiveMessage', SAMPLE.queueArn)).toMatchObject({
      status: 'allowed',
      decidedBy: 'TlsOnly',
    });
  });

  it('a data-perimeter Deny on the network depends on it: never a pass', () => {
    const perimeter = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sqs:*', Resource: '*' },
        {
          Sid: 'NetworkPerimeter',
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { NotIpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' }, 'ForAnyValue:StringNotEquals': { 'aws:CalledVia': 'x' } },
        },
      ],
    };
    const d = grants({ identity: [inline(perimeter)], boundary: null }, 'sqs:ReceiveMessage', SAMPLE.queueArn);
    expect(d).toMatchObject({ status: 'depends', allowed: false, decidedBy: 'NetworkPerimeter' });
  });
});
