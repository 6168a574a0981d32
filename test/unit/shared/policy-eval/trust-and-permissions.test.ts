import { describe, expect, it } from 'vitest';
import { permissionsPolicyGrants } from '../../../../shared/policy-eval/permissions-policy-grants';
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

describe('permissionsPolicyGrants', () => {
  const objects = `${SAMPLE.bucketArn}/incoming/a.csv`;

  it('grants what the platform guide grants and nothing more', () => {
    const grants = (action: string, resource: string) => permissionsPolicyGrants({ policies: [SEED_PERMISSIONS_POLICY], action, resource });
    expect(grants('s3:GetObject', objects)).toMatchObject({ allowed: true, decidedBy: 'S3ObjectReadAccess' });
    expect(grants('s3:ListBucket', SAMPLE.bucketArn)).toMatchObject({ allowed: true, decidedBy: 'S3BucketMetadataAccess' });
    expect(grants('sqs:ReceiveMessage', SAMPLE.queueArn)).toMatchObject({ allowed: true, decidedBy: 'SQSConsumeAccess' });
    expect(grants('S3:getobject', objects).allowed).toBe(true);
    expect(grants('s3:DeleteObject', objects)).toMatchObject({ allowed: false, decidedBy: null });
    expect(grants('s3:GetObject', 'arn:aws:s3:::other/a.csv').allowed).toBe(false);
    expect(grants('sqs:SendMessage', SAMPLE.queueArn).allowed).toBe(false);
  });

  it('honours the prefix scope and the delete option', () => {
    const policy = buildPermissionsPolicy({
      bucket: SAMPLE.bucket,
      queueArn: SAMPLE.queueArn,
      prefix: 'incoming/',
      objectReadScope: 'prefix',
      allowDeleteObject: true,
    });
    const grants = (action: string, resource: string) => permissionsPolicyGrants({ policies: [policy], action, resource }).allowed;
    expect(grants('s3:GetObject', objects)).toBe(true);
    expect(grants('s3:GetObject', `${SAMPLE.bucketArn}/other/a.csv`)).toBe(false);
    expect(grants('s3:DeleteObject', objects)).toBe(true);
  });

  it('evaluates several policies together: a Deny in any of them wins', () => {
    const deny = { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 's3:*', NotResource: `${SAMPLE.bucketArn}/incoming/*` } };
    const decision = permissionsPolicyGrants({
      policies: [SEED_PERMISSIONS_POLICY, JSON.stringify(deny)],
      action: 's3:GetObject',
      resource: `${SAMPLE.bucketArn}/x`,
    });
    expect(decision).toMatchObject({ allowed: false, decidedBy: 'Statement[0]' });
    expect(decision.reason).toMatch(/policy 2/);
    expect(permissionsPolicyGrants({ policies: [SEED_PERMISSIONS_POLICY, deny], action: 's3:GetObject', resource: objects }).allowed).toBe(true);
  });

  it('uses the request context for conditions when given', () => {
    const listUnderPrefix = {
      Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: SAMPLE.bucketArn, Condition: { StringLike: { 's3:prefix': 'incoming/*' } } }],
    };
    const ask = (context?: Record<string, string>) =>
      permissionsPolicyGrants({ policies: [listUnderPrefix], action: 's3:ListBucket', resource: SAMPLE.bucketArn, ...(context ? { context } : {}) }).allowed;
    expect(ask({ 's3:prefix': 'incoming/2024/' })).toBe(true);
    expect(ask({ 's3:prefix': 'other/' })).toBe(false);
    expect(ask()).toBe(false);
  });
});
