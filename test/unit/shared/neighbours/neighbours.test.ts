import { describe, expect, it } from 'vitest';
import type { Neighbourhood } from '../../../../shared/neighbours/neighbourhood';
import { UNKNOWN_NEIGHBOURHOOD } from '../../../../shared/neighbours/neighbourhood';
import { dedicatedQueueName, otherQueuePolicyStatements, otherQueueUsers, otherRulesToQueue, queueIsOwn } from '../../../../shared/neighbours/queue-users';
import { otherRoleUsers, ownInlinePolicyName, replacedTrustStatements } from '../../../../shared/neighbours/role-users';
import { buildPermissionsPolicy } from '../../../../shared/policy/build-permissions-policy';
import { buildQueueConfiguration } from '../../../../shared/policy/build-bucket-notification';
import { buildQueuePolicy } from '../../../../shared/policy/build-queue-policy';
import { buildTrustPolicy } from '../../../../shared/policy/build-trust-policy';
import { withoutOurRules, withoutOurStatements } from '../../../../shared/policy/remove-ours';
import { freeRoleName } from '../../../../shared/setup/default-names';
import { ownerTags, tagValue } from '../../../../shared/setup/ownership';
import { setupSchema } from '../../../../shared/setup/setup';
import { setupArns } from '../../../../shared/setup/setup-arns';
import { SAMPLE_SETUP_FILE } from '../fixtures/sample-setup';

const ACCOUNT = '123456789012';
const setup = setupSchema.parse(SAMPLE_SETUP_FILE);
const arns = setupArns(setup, ACCOUNT);
const other = setupSchema.parse({ ...SAMPLE_SETUP_FILE, name: 'other', prefix: 'other/' });
const ctx = (n: Partial<Neighbourhood> = {}) => ({ setup, accountId: ACCOUNT, ...arns, neighbourhood: { ...UNKNOWN_NEIGHBOURHOOD, ...n } });

describe('who else uses the queue', () => {
  it("finds another saved setup, another setup's tag, and a queue policy for another bucket; never a name pattern", () => {
    expect(otherQueueUsers(ctx(), null)).toEqual([]);
    const saved = { setup: { ...other, queueName: setup.queueName }, accountId: ACCOUNT, ownership: null, removed: false };
    expect(otherQueueUsers(ctx({ others: [saved] }), null)).toEqual([{ who: 'setup other', via: 'saved setup' }]);
    expect(otherQueueUsers(ctx({ others: [{ ...saved, removed: true }] }), null)).toEqual([]);
    expect(otherQueueUsers(ctx({ others: [{ ...saved, accountId: '999999999999' }] }), null)).toEqual([]);
    expect(otherQueueUsers(ctx({ queueTags: ownerTags(other) }), null)).toEqual([{ who: 'setup other', via: 'tag' }]);
    expect(otherQueueUsers(ctx({ queueTags: ownerTags(setup) }), null)).toEqual([]);
    const foreign = buildQueuePolicy({ queueName: setup.queueName, queueArn: arns.queueArn, bucket: 'invoices', accountId: ACCOUNT });
    expect(otherQueueUsers(ctx(), foreign)).toEqual([{ who: 'bucket arn:aws:s3:::invoices', via: 'queue policy' }]);
    // Our own statement, once for an earlier bucket, on a queue this setup created: ours, replaced by the plan.
    expect(otherQueueUsers(ctx({ queueTags: ownerTags(setup) }), foreign)).toEqual([]);
    const ours = buildQueuePolicy({ queueName: setup.queueName, queueArn: arns.queueArn, bucket: setup.bucket, accountId: ACCOUNT });
    expect(otherQueueUsers(ctx(), ours)).toEqual([]);
  });

  it('counts every queue policy statement that is not ours as someone else using the queue, whatever it allows', () => {
    const ours = buildQueuePolicy({ queueName: setup.queueName, queueArn: arns.queueArn, bucket: setup.bucket, accountId: ACCOUNT });
    const otherTeam = {
      Sid: 'OtherTeam',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 'sqs:GetQueueAttributes',
      Resource: arns.queueArn,
    };
    const own = ctx({ queueTags: ownerTags(setup) });
    expect(otherQueuePolicyStatements(own, ours)).toEqual([]);
    expect(otherQueuePolicyStatements(own, null)).toEqual([]);
    expect(otherQueuePolicyStatements(own, JSON.stringify({ ...ours, Statement: [otherTeam, ...ours.Statement] }))).toEqual([
      { who: 'statement OtherTeam (arn:aws:iam::444455556666:root may sqs:GetQueueAttributes)', via: 'queue policy' },
    ]);
    const noSid = { Effect: 'Deny', Principal: '*', Action: ['sqs:DeleteMessage', 'sqs:PurgeQueue'], Resource: arns.queueArn };
    expect(otherQueuePolicyStatements(own, { ...ours, Statement: [...ours.Statement, noSid] })).toEqual([
      { who: 'a statement without Sid (* may not sqs:DeleteMessage, sqs:PurgeQueue)', via: 'queue policy' },
    ]);
    // Our Sid for another bucket is ours on our own queue (an earlier scope), someone else's on a queue that is not ours.
    const earlier = buildQueuePolicy({ queueName: setup.queueName, queueArn: arns.queueArn, bucket: 'invoices', accountId: ACCOUNT });
    expect(otherQueuePolicyStatements(own, earlier)).toEqual([]);
    expect(otherQueuePolicyStatements(ctx(), earlier)).toHaveLength(1);
  });

  it('finds rules sending another scope to the queue; our rule with our Id is ours', () => {
    const ours = buildQueueConfiguration({ queueName: setup.queueName, queueArn: arns.queueArn, prefix: setup.prefix, suffix: setup.suffix });
    const otherScope = { ...buildQueueConfiguration({ queueName: 'x', queueArn: arns.queueArn, prefix: 'other/', suffix: '' }) };
    expect(otherRulesToQueue(ctx(), { QueueConfigurations: [ours] })).toEqual([]);
    expect(otherRulesToQueue(ctx(), { QueueConfigurations: [ours, otherScope] })).toEqual([{ who: 'rule x for "other/*"', via: 'bucket notification' }]);
    const ourIdOtherScope = { ...otherScope, Id: setup.queueName };
    expect(otherRulesToQueue(ctx(), { QueueConfigurations: [ourIdOtherScope] })).toHaveLength(1);
    // On our own queue, a rule with our Id is this setup's earlier scope.
    expect(otherRulesToQueue(ctx({ queueTags: ownerTags(setup) }), { QueueConfigurations: [ourIdOtherScope] })).toEqual([]);
    expect(queueIsOwn(ctx({ queueTags: ownerTags(setup) }))).toBe(true);
  });

  it('offers a dedicated queue name within SQS rules', () => {
    expect(dedicatedQueueName({ name: 'orders.prod', queueName: 'orders-events' })).toBe('orders-events-orders-prod');
    expect(dedicatedQueueName({ name: 'n'.repeat(64), queueName: 'q'.repeat(40) })).toHaveLength(80);
  });
});

describe("who else uses the role, and which inline policy is this setup's", () => {
  const ownPolicy = buildPermissionsPolicy({ bucket: setup.bucket, queueArn: arns.queueArn, prefix: setup.prefix });
  const otherPolicy = buildPermissionsPolicy({ bucket: 'b', queueArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:other`, prefix: '' });
  const role = (inlinePolicies: Array<{ name: string; document: unknown }>, tags: Record<string, string> = {}) => ({
    tags,
    inlinePolicies,
    attachedPolicies: [],
  });

  it("uses the guide's name unless it serves someone else; then one of its own", () => {
    expect(ownInlinePolicyName(ctx())).toBe('platform-s3-sqs-access');
    expect(ownInlinePolicyName(ctx({ role: role([{ name: 'platform-s3-sqs-access', document: ownPolicy }]) }))).toBe('platform-s3-sqs-access');
    expect(ownInlinePolicyName(ctx({ role: role([{ name: 'platform-s3-sqs-access', document: otherPolicy }]) }))).toBe(`platform-s3-sqs-access-${setup.name}`);
    expect(ownInlinePolicyName(ctx({ role: role([{ name: 'custom', document: ownPolicy }]) }))).toBe('custom');
  });

  it('lists other setups, tags, other inline and attached policies as users of the role', () => {
    const users = otherRoleUsers(
      ctx({
        role: {
          tags: ownerTags(other),
          inlinePolicies: [{ name: 'platform-s3-sqs-access', document: otherPolicy }],
          attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        },
      }),
    );
    expect(users.map((u) => u.via)).toEqual(['tag', 'inline policy', 'managed policy']);
  });

  it('names our trust statements that hold another platform or external ID', () => {
    const ours = buildTrustPolicy(setup);
    expect(replacedTrustStatements(ours, ours)).toEqual([]);
    const theirs = buildTrustPolicy({ ...setup, externalId: 'org-other' });
    expect(replacedTrustStatements(theirs, ours)).toEqual(['AllowPlatformSetupAssumeRole', 'AllowPlatformLoadAssumeRole']);
  });
});

describe('taking out only our part', () => {
  it('removes our rule and keeps every other configuration and EventBridge, in order', () => {
    const ours = buildQueueConfiguration({ queueName: setup.queueName, queueArn: arns.queueArn, prefix: setup.prefix, suffix: setup.suffix });
    const theirs = { Id: 'thumbs', QueueArn: 'arn:aws:sqs:us-east-1:1:thumbs', Events: ['s3:ObjectCreated:*'] };
    const topic = { Id: 't', TopicArn: 'arn:aws:sns:us-east-1:1:t', Events: ['s3:ObjectRemoved:*'] };
    const result = withoutOurRules(
      { QueueConfigurations: [theirs, ours], TopicConfigurations: [topic], EventBridgeConfiguration: {} },
      (c) => c.Id === ours.Id,
    );
    expect(result).toMatchObject({
      ok: true,
      removed: true,
      document: { QueueConfigurations: [theirs], TopicConfigurations: [topic], EventBridgeConfiguration: {} },
    });
    expect(withoutOurRules({ QueueConfigurations: [theirs] }, (c) => c.Id === ours.Id)).toMatchObject({ ok: true, removed: false });
  });

  it('removes our statement and keeps the others; none left means no policy', () => {
    const ours = buildQueuePolicy({ queueName: setup.queueName, queueArn: arns.queueArn, bucket: setup.bucket, accountId: ACCOUNT });
    const isOurs = (s: unknown) => (s as { Sid?: string }).Sid === 'AllowS3ToSendMessage';
    expect(withoutOurStatements(JSON.stringify(ours), isOurs, 'queue policy')).toMatchObject({ ok: true, removed: true, document: null });
    const mixed = { ...ours, Statement: [{ Sid: 'Keep', Effect: 'Allow', Principal: '*', Action: 'sqs:GetQueueUrl', Resource: '*' }, ...ours.Statement] };
    const result = withoutOurStatements(mixed, isOurs, 'queue policy');
    expect(result.ok && result.document?.['Statement']).toEqual([mixed.Statement[0]]);
    expect(withoutOurStatements('{"Statement": ', isOurs, 'queue policy').ok).toBe(false);
  });
});

describe('tags and default names', () => {
  it('keeps tag values within what SQS and IAM accept', () => {
    expect(tagValue('in/2024 (raw)*.csv')).toBe('in/2024 _raw__.csv');
    expect(tagValue('x'.repeat(300))).toHaveLength(256);
  });

  it("offers the guide's role name unless another saved setup uses it", () => {
    expect(freeRoleName('orders', new Set())).toBe('platform-s3-sqs-consumer-role');
    expect(freeRoleName('orders', new Set(['platform-s3-sqs-consumer-role']))).toBe('platform-s3-sqs-consumer-role-orders');
    expect(freeRoleName('', new Set(['platform-s3-sqs-consumer-role']))).toBe('platform-s3-sqs-consumer-role');
  });
});
