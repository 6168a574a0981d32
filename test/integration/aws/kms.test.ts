import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { clientsFor } from '../../../main/aws/clients';
import { describeKey, getKeyPolicy, putKeyPolicy } from '../../../main/aws/kms';
import { createKmsKey } from '../../support/moto-seed';
import { resetMoto } from '../../support/moto-server';
import { failureOf, motoTarget } from './moto-target';

const motoUrl = inject('motoUrl');
const target = motoTarget(motoUrl);

describe('kms module against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('resolves a key id, alias or alias ARN to the key ARN and its manager; an unknown key is null', async () => {
    const key = await createKmsKey(motoUrl, 'alias/ingest');
    const expected = { keyArn: key.arn, keyManager: 'CUSTOMER', keyState: 'Enabled' };
    expect(await describeKey(target, key.keyId)).toEqual(expected);
    expect(await describeKey(target, 'alias/ingest')).toEqual(expected);
    expect(await describeKey(target, 'arn:aws:kms:us-east-1:123456789012:alias/ingest')).toEqual(expected);
    expect(await describeKey(target, '11111111-2222-3333-4444-555555555555')).toBeNull();
    // moto has no AWS managed keys: alias/aws/sqs is unknown there (AWS creates it on first use).
    expect(await describeKey(target, 'alias/aws/sqs')).toBeNull();
  });

  it('reads the default key policy, writes a new one and reads it back; policy name and key ARN are what the API needs', async () => {
    const key = await createKmsKey(motoUrl);
    const policy = JSON.parse(await getKeyPolicy(target, key.arn));
    expect(policy).toMatchObject({ Version: '2012-10-17', Id: 'key-default-1', Statement: [{ Sid: 'Enable IAM User Permissions', Action: 'kms:*' }] });
    const next = {
      ...policy,
      Statement: [...policy.Statement, { Sid: 'S3', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'kms:Decrypt', Resource: '*' }],
    };
    await putKeyPolicy(target, key.arn, JSON.stringify(next));
    expect(JSON.parse(await getKeyPolicy(target, key.keyId))).toEqual(next);
    // An alias is refused by GetKeyPolicy (as on AWS), which is why the step calls DescribeKey first.
    expect((await failureOf(getKeyPolicy(target, 'alias/none'))).code).toBe('NOT_FOUND');
    // moto requires PolicyName (AWS defaults it to "default"): the module always sends it.
    await expect(clientsFor(target).kms.send(new GetKeyPolicyCommand({ KeyId: key.keyId }))).rejects.toThrow('No such policy exists');
  });

  it('names the action and key when a write fails', async () => {
    const error = await failureOf(putKeyPolicy(target, 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555', '{}'));
    expect(error.message).toContain('kms:PutKeyPolicy');
    expect(error.message).toContain('key/11111111-2222-3333-4444-555555555555');
  });

  it('moto does not enforce key policies: it accepts text that is no JSON, a policy over 32 KB, and one that locks everyone out', async () => {
    // AWS refuses all three (MalformedPolicyDocumentException, LimitExceeded, the lockout safety check); the step refuses them itself.
    const key = await createKmsKey(motoUrl);
    await putKeyPolicy(target, key.arn, 'not json');
    expect(await getKeyPolicy(target, key.arn)).toBe('not json');
    await putKeyPolicy(target, key.arn, JSON.stringify({ Version: '2012-10-17', Statement: [], Padding: 'x'.repeat(40_000) }));
    const lockout = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }] };
    await putKeyPolicy(target, key.arn, JSON.stringify(lockout));
    expect(JSON.parse(await getKeyPolicy(target, key.arn))).toEqual(lockout);
  });
});
