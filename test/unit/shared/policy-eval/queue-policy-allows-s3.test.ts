import { describe, expect, it } from 'vitest';
import { queuePolicyAllowsS3 } from '../../../../shared/policy-eval/queue-policy-allows-s3';
import { SAMPLE } from '../fixtures/sample-setup';
import { SEED_QUEUE_POLICY } from '../fixtures/seed-documents';

const ask = (policy: unknown, bucketArn: string = SAMPLE.bucketArn, accountId: string = SAMPLE.accountId) =>
  queuePolicyAllowsS3({ policy, queueArn: SAMPLE.queueArn, bucketArn, accountId });

const ours = SEED_QUEUE_POLICY.Statement[0];

describe('queuePolicyAllowsS3', () => {
  it('allows the platform guide policy for the right bucket and account, naming the statement', () => {
    const decision = ask(JSON.stringify(SEED_QUEUE_POLICY));
    expect(decision).toMatchObject({ allowed: true, decidedBy: 'AllowS3ToSendMessage' });
    expect(decision.reason).toMatch(/allows sqs:SendMessage/);
  });

  it('denies another bucket or another account, explaining the closest statement', () => {
    const decision = ask(SEED_QUEUE_POLICY, 'arn:aws:s3:::other');
    expect(decision).toMatchObject({ allowed: false, decidedBy: null });
    expect(decision.reason).toMatch(/No statement allows.*AllowS3ToSendMessage.*ArnLike aws:SourceArn expects arn:aws:s3:::acme-raw/);
    expect(ask(SEED_QUEUE_POLICY, SAMPLE.bucketArn, '999999999999').allowed).toBe(false);
  });

  it('reads Statement as an object, Principal "*" / {AWS: "*"} and action wildcards', () => {
    for (const statement of [
      { ...ours, Principal: '*' },
      { ...ours, Principal: { AWS: '*' } },
      { ...ours, Principal: { Service: ['sns.amazonaws.com', 's3.amazonaws.com'] } },
      { ...ours, Action: 'sqs:*' },
      { ...ours, Action: ['sqs:Send*'] },
      { ...ours, Action: '*' },
      { ...ours, Resource: 'arn:aws:sqs:*:123456789012:*' },
    ]) {
      expect(ask({ Version: '2012-10-17', Statement: statement }).allowed, JSON.stringify(statement)).toBe(true);
    }
  });

  it('does not allow other principals or actions', () => {
    for (const statement of [
      { ...ours, Principal: { Service: 'sns.amazonaws.com' } },
      { ...ours, Principal: { AWS: 'arn:aws:iam::123456789012:root' } },
      { ...ours, Action: 'sqs:ReceiveMessage' },
      { ...ours, Resource: 'arn:aws:sqs:us-east-1:123456789012:other' },
      { ...ours, Effect: 'Maybe' },
      { ...ours, Principal: undefined },
    ]) {
      expect(ask({ Statement: [statement] }).allowed, JSON.stringify(statement)).toBe(false);
    }
  });

  it('handles NotAction and NotResource', () => {
    expect(ask({ Statement: [{ ...ours, Action: undefined, NotAction: 'sqs:DeleteQueue' }] }).allowed).toBe(true);
    expect(ask({ Statement: [{ ...ours, Action: undefined, NotAction: 'sqs:Send*' }] }).allowed).toBe(false);
    expect(ask({ Statement: [{ ...ours, Resource: undefined, NotResource: SAMPLE.queueArn }] }).allowed).toBe(false);
  });

  it('lets an explicit Deny win and says which statement decided', () => {
    const deny = { Sid: 'DenyAll', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*' };
    const decision = ask({ Statement: [ours, deny] });
    expect(decision).toMatchObject({ allowed: false, decidedBy: 'DenyAll' });
    expect(decision.reason).toMatch(/explicitly denies.*explicit Deny wins/);
  });

  it('a Deny whose condition does not hold does not block; a Deny on the network makes the answer depend on it', () => {
    const denyOther = {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sqs:SendMessage',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:SourceAccount': SAMPLE.accountId } },
    };
    expect(ask({ Statement: [ours, denyOther] }).allowed).toBe(true);
    const denyIp = { Effect: 'Deny', Principal: '*', Action: 'sqs:SendMessage', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } };
    const decision = ask({ Statement: [ours, denyIp] });
    expect(decision).toMatchObject({ status: 'depends', allowed: false, decidedBy: 'Statement[1]' });
    expect(decision.reason).toMatch(/may apply: NotIpAddress aws:SourceIp: depends on the network \(aws:SourceIp\)/);
  });

  it('an operator the engine does not evaluate makes an Allow "cannot evaluate", naming it; never a pass', () => {
    const allowEpoch = { ...ours, Condition: { NumericLessThan: { 'aws:EpochTime': '2000000000' } } };
    const decision = ask({ Statement: [allowEpoch] });
    expect(decision).toMatchObject({ status: 'cannot-evaluate', allowed: false, decidedBy: 'AllowS3ToSendMessage' });
    expect(decision.reason).toMatch(/NumericLessThan is not evaluated by the wizard/);
  });

  it('the seed policy written with ${aws:ResourceAccount} passes; with ${aws:PrincipalAccount} (absent for S3) it does not', () => {
    const withVariable = (value: string) => ({
      Version: '2012-10-17',
      Statement: [{ ...ours, Condition: { ArnLike: { 'aws:SourceArn': SAMPLE.bucketArn }, StringEquals: { 'aws:SourceAccount': value } } }],
    });
    expect(ask(withVariable('${aws:ResourceAccount}'))).toMatchObject({ status: 'allowed', decidedBy: 'AllowS3ToSendMessage' });
    expect(ask(withVariable('${aws:PrincipalAccount}')).status).toBe('denied');
  });

  it('a data-perimeter Deny that spares AWS services lets S3 deliver', () => {
    const perimeter = {
      Sid: 'EnforceNetworkPerimeter',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sqs:*',
      Resource: '*',
      Condition: {
        NotIpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' },
        StringNotEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    };
    expect(ask({ Version: '2012-10-17', Statement: [ours, perimeter] })).toMatchObject({ status: 'allowed', decidedBy: 'AllowS3ToSendMessage' });
  });

  it('accepts the IfExists forms', () => {
    const ifExists = {
      ...ours,
      Condition: { ArnLikeIfExists: { 'aws:SourceArn': SAMPLE.bucketArn }, StringEqualsIfExists: { 'aws:SourceAccount': SAMPLE.accountId } },
    };
    expect(ask({ Statement: [ifExists] }).allowed).toBe(true);
    expect(ask({ Statement: [ifExists] }, 'arn:aws:s3:::other').allowed).toBe(false);
  });

  it('answers "denied" with the reason when the policy is unreadable or absent', () => {
    expect(ask('{oops').reason).toMatch(/could not be read.*not valid JSON/);
    expect(ask(null)).toMatchObject({ allowed: false, decidedBy: null });
  });
});
