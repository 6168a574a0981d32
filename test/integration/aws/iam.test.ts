import { beforeEach, describe, expect, inject, it } from 'vitest';
import {
  createRole,
  deleteRole,
  deleteRolePolicy,
  decodePolicyDocument,
  getRole,
  getRolePolicy,
  listAttachedRolePolicies,
  listRolePolicies,
  putRolePolicy,
  simulatePrincipalPolicy,
  updateAssumeRolePolicy,
} from '../../../main/aws/iam';
import { resetMoto } from '../../support/moto-server';
import { failureOf, motoTarget } from './moto-target';

const motoUrl = inject('motoUrl');
const target = motoTarget(motoUrl);

// Characters that URL-encoding changes: '+', '=', ',', '@', ':' and '/' are all valid in an external ID (docs/aws-behaviour.md#iam-roles-and-policies).
const EXTERNAL_ID = 'ext+id=a,b@c:d/e_f';

function trustPolicy(externalId: string, platformRoles: ReadonlyArray<string>) {
  return {
    Version: '2012-10-17',
    Statement: platformRoles.map((arn, i) => ({
      Sid: `PlatformAssume${i}`,
      Effect: 'Allow',
      Principal: { AWS: arn },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': externalId } },
    })),
  };
}

const permissions = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadObjects', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::landing/in coming+x/*' },
    { Sid: 'Queue', Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: 'arn:aws:sqs:us-east-1:123456789012:q' },
  ],
};

describe('iam module against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('finds no role, creates one with its tags, and reads back its decoded trust policy and tags', async () => {
    expect(await getRole(target, 'platform-reader')).toBeNull();
    const trust = trustPolicy(EXTERNAL_ID, ['arn:aws:iam::111122223333:role/platform-setup']);
    const tags = { 'sqs-s3-wizard:setup': 'orders-prod', 'sqs-s3-wizard:bucket': 'orders' };
    const arn = await createRole(target, 'platform-reader', JSON.stringify(trust), 'Lets the data platform read S3 events', undefined, tags);
    expect(arn).toBe('arn:aws:iam::123456789012:role/platform-reader');
    const role = await getRole(target, 'platform-reader');
    expect(role).toEqual({ arn, roleName: 'platform-reader', trustPolicy: trust, createDate: expect.stringMatching(/Z$/), tags, boundaryArn: null });
  });

  it('deletes an inline policy and then the role; both are gone, and deleting again is no error', async () => {
    await createRole(target, 'platform-reader', JSON.stringify(trustPolicy(EXTERNAL_ID, ['arn:aws:iam::111122223333:role/a'])), 'x');
    await putRolePolicy(
      target,
      'platform-reader',
      'p',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
    );
    expect(await listAttachedRolePolicies(target, 'platform-reader')).toEqual([]);
    await deleteRolePolicy(target, 'platform-reader', 'p');
    await deleteRolePolicy(target, 'platform-reader', 'p');
    await deleteRole(target, 'platform-reader');
    await deleteRole(target, 'platform-reader');
    expect(await getRole(target, 'platform-reader')).toBeNull();
    expect(await listAttachedRolePolicies(target, 'platform-reader')).toBeNull();
  });

  it('replaces the trust policy', async () => {
    await createRole(target, 'platform-reader', JSON.stringify(trustPolicy('first-id', ['arn:aws:iam::111122223333:role/a'])), 'x');
    const updated = trustPolicy(EXTERNAL_ID, ['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::111122223333:role/b']);
    await updateAssumeRolePolicy(target, 'platform-reader', JSON.stringify(updated));
    expect((await getRole(target, 'platform-reader'))?.trustPolicy).toEqual(updated);
  });

  it('puts, lists and reads back an inline policy, decoding spaces and "+" in ARNs', async () => {
    await createRole(target, 'platform-reader', JSON.stringify(trustPolicy(EXTERNAL_ID, ['arn:aws:iam::111122223333:role/a'])), 'x');
    expect(await listRolePolicies(target, 'platform-reader')).toEqual([]);
    expect(await getRolePolicy(target, 'platform-reader', 'platform-s3-sqs-access')).toBeNull();
    await putRolePolicy(target, 'platform-reader', 'platform-s3-sqs-access', JSON.stringify(permissions));
    expect(await listRolePolicies(target, 'platform-reader')).toEqual(['platform-s3-sqs-access']);
    expect(await getRolePolicy(target, 'platform-reader', 'platform-s3-sqs-access')).toEqual(permissions);
  });

  it('reads null for a policy or role that does not exist', async () => {
    expect(await getRolePolicy(target, 'no-such-role', 'platform-s3-sqs-access')).toBeNull();
    expect(await listRolePolicies(target, 'no-such-role')).toBeNull();
  });

  it('decodes URL-encoded documents and parses already-decoded ones as they are', () => {
    const doc = { Statement: [{ Condition: { StringEquals: { 'sts:ExternalId': 'a+b%20c' } } }] };
    expect(decodePolicyDocument(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
    expect(decodePolicyDocument(JSON.stringify(doc))).toEqual(doc);
    expect(decodePolicyDocument(`  ${JSON.stringify(doc, null, 2)}\n`)).toEqual(doc);
  });

  it('names the action and the role when a write fails', async () => {
    await createRole(target, 'platform-reader', JSON.stringify(trustPolicy(EXTERNAL_ID, ['arn:aws:iam::111122223333:role/a'])), 'x');
    const duplicate = await failureOf(createRole(target, 'platform-reader', '{}', 'x'));
    expect(duplicate.message).toContain('iam:CreateRole on arn:aws:iam::*:role/platform-reader');
    const missing = await failureOf(updateAssumeRolePolicy(target, 'no-such-role', '{}'));
    expect(missing.message).toContain('iam:UpdateAssumeRolePolicy');
  });

  it('reports SimulatePrincipalPolicy as unavailable with a reason when the endpoint does not implement it', async () => {
    const arn = await createRole(target, 'platform-reader', JSON.stringify(trustPolicy(EXTERNAL_ID, ['arn:aws:iam::111122223333:role/a'])), 'x');
    await putRolePolicy(target, 'platform-reader', 'platform-s3-sqs-access', JSON.stringify(permissions));
    const outcome = await simulatePrincipalPolicy(target, arn, ['s3:GetObject'], ['arn:aws:s3:::landing/in coming+x/file.csv']);
    expect(outcome).toEqual({ available: false, reason: expect.stringContaining('iam:SimulatePrincipalPolicy is not available') });
  });

  it('still reports a cancelled simulation as CANCELLED', async () => {
    const error = await failureOf(simulatePrincipalPolicy(target, 'arn:aws:iam::123456789012:role/x', ['s3:GetObject'], [], AbortSignal.abort()));
    expect(error.code).toBe('CANCELLED');
  });
});
