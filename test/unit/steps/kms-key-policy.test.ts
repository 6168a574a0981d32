import { describe, expect, it } from 'vitest';
import { offlineStepContext } from '../../../main/export/offline-step-context';
import { kmsKeyPolicyStep } from '../../../main/steps/definitions/kms-key-policy';
import type { PlanContext } from '../../../main/steps/step-context';
import { KMS_KEY_POLICY_SID, kmsKeyStatementForS3 } from '../../../shared/policy/build-kms-key-statement';
import { KMS_KEY_POLICY_LIMITS } from '../../../shared/policy/merge-kms-key-policy';
import { compactPolicySize } from '../../../shared/policy/policy-size';
import { setupSchema } from '../../../shared/setup/setup';
import { triageQueue } from '../../../shared/steps/queue-triage';
import { SAMPLE, SAMPLE_SETUP_FILE } from '../shared/fixtures/sample-setup';

const ACCOUNT = SAMPLE.accountId;
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ctx: PlanContext = offlineStepContext(setupSchema.parse(SAMPLE_SETUP_FILE), ACCOUNT);
const OURS = kmsKeyStatementForS3(SAMPLE.bucketArn, ACCOUNT);

/** The policy KMS gives a key created without one (CreateKey, "Default key policy"), as GetKeyPolicy returns it. */
const DEFAULT_KEY_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
  },
  null,
  2,
);

/** A console-made key policy: the account, key administrators and key users (AWS KMS Developer Guide, "Default key policy"). */
const CONSOLE_KEY_POLICY = {
  Version: '2012-10-17',
  Id: 'key-consolepolicy-3',
  Statement: [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
    {
      Sid: 'Allow access for Key Administrators',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KeyAdmin` },
      Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*'],
      Resource: '*',
    },
    {
      Sid: 'Allow use of the key',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/OrdersService` },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
    },
  ],
};

type Live = Parameters<typeof kmsKeyPolicyStep.propose>[0];

/** The live state of the setup's queue encrypted with a customer managed key whose policy is `policy`. */
function cmk(policy: unknown, facts: Partial<Live['facts']> = {}): Live {
  return {
    resource: KEY_ARN,
    document: policy as Live['document'],
    facts: {
      via: 'queue',
      queueName: SAMPLE.queueName,
      queueUrl: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/${SAMPLE.queueName}`,
      keyId: 'alias/orders',
      keyArn: KEY_ARN,
      keyManager: 'CUSTOMER',
      keyState: 'Enabled',
      keyAccount: ACCOUNT,
      ...facts,
    },
  };
}

const noKey = (queueUrl: string | null): Live => ({
  resource: kmsKeyPolicyStep.resource(ctx),
  document: null,
  facts: { via: 'queue', queueName: SAMPLE.queueName, queueUrl, keyId: null, keyArn: null, keyManager: null, keyState: null, keyAccount: null },
});

function proposed(live: Live) {
  const proposal = kmsKeyPolicyStep.propose(live, ctx);
  if (!proposal.ok) throw new Error(proposal.error.message);
  return proposal;
}

const sids = (doc: unknown) => (doc as { Statement: Array<{ Sid?: string }> }).Statement.map((s) => s.Sid);

/** A key policy with one extra statement whose description pads it so that the merged policy has exactly `bytes` bytes. */
function policyMergingTo(bytes: number) {
  const withPad = (pad: number) => ({
    ...CONSOLE_KEY_POLICY,
    Statement: [
      ...CONSOLE_KEY_POLICY.Statement,
      { Sid: `Padding${'x'.repeat(pad)}`, Effect: 'Deny', Principal: '*', Action: 'kms:ScheduleKeyDeletion', Resource: '*' },
    ],
  });
  const base = compactPolicySize({ ...withPad(0), Statement: [...withPad(0).Statement, OURS] });
  return withPad(bytes - base);
}

describe('KMS key policy step: propose', () => {
  it('needs nothing when the queue does not exist yet, or has no KMS key (SSE-SQS or none)', () => {
    const missing = proposed(noKey(null));
    expect(missing).toMatchObject({ changed: false, document: null, summary: [], warnings: [] });
    expect(missing.notes.join(' ')).toContain('does not exist yet');
    const sse = proposed(noKey('https://sqs.us-east-1.amazonaws.com/123456789012/orders-events'));
    expect(sse).toMatchObject({ changed: false, document: null });
    expect(sse.notes.join(' ')).toContain('not encrypted with a customer managed KMS key');
  });

  it('refuses an AWS managed key with the same reason the queue step gives (one rule)', () => {
    const byAlias = kmsKeyPolicyStep.propose(cmk(null, { keyId: 'alias/aws/sqs', keyArn: null, keyManager: 'AWS' }), ctx);
    const triage = triageQueue({ QueueName: SAMPLE.queueName, QueueArn: SAMPLE.queueArn, FifoQueue: 'false', KmsMasterKeyId: 'alias/aws/sqs' }, null);
    expect(byAlias).toEqual({ ok: false, error: triage.error });
    // DescribeKey says AWS for a key named by its id too: refused, naming the key.
    const byId = kmsKeyPolicyStep.propose(cmk(null, { keyId: '0f1e2d3c-aaaa-bbbb-cccc-1234567890ab', keyManager: 'AWS' }), ctx);
    expect(byId.ok ? null : byId.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('AWS managed key 0f1e2d3c-') });
  });

  it("adds our statement to the key's default policy, keeping its statement and Id", () => {
    const p = proposed(cmk(DEFAULT_KEY_POLICY));
    expect(p.changed).toBe(true);
    expect(p.document).toMatchObject({ Version: '2012-10-17', Id: 'key-default-1' });
    expect(sids(p.document)).toEqual(['Enable IAM User Permissions', KMS_KEY_POLICY_SID]);
    expect((p.document as { Statement: unknown[] }).Statement[1]).toEqual(OURS);
    expect(p.summary).toEqual([
      { kind: 'kept', label: 'Statement Enable IAM User Permissions' },
      { kind: 'added', label: `Statement ${KMS_KEY_POLICY_SID}` },
    ]);
    expect(OURS).toMatchObject({
      Principal: { Service: 's3.amazonaws.com' },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Condition: { ArnLike: { 'aws:SourceArn': SAMPLE.bucketArn }, StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    });
  });

  it('keeps every other statement, in order, of a key policy that already has several', () => {
    const p = proposed(cmk(JSON.stringify(CONSOLE_KEY_POLICY)));
    expect(sids(p.document)).toEqual(['Enable IAM User Permissions', 'Allow access for Key Administrators', 'Allow use of the key', KMS_KEY_POLICY_SID]);
    expect((p.document as { Statement: unknown[] }).Statement.slice(0, 3)).toEqual(CONSOLE_KEY_POLICY.Statement);
  });

  it('changes nothing when our statement is already there, wherever it stands and however KMS formats it', () => {
    const live = { ...CONSOLE_KEY_POLICY, Statement: [OURS, ...CONSOLE_KEY_POLICY.Statement] };
    const p = proposed(cmk(JSON.stringify(live, null, 4)));
    expect(p.changed).toBe(false);
    expect(p.document).toEqual(live);
  });

  it('replaces an earlier version of our statement for this bucket (here: without the account condition)', () => {
    const stale = { ...OURS, Condition: { ArnLike: { 'aws:SourceArn': SAMPLE.bucketArn } } };
    const p = proposed(cmk(JSON.stringify({ ...CONSOLE_KEY_POLICY, Statement: [...CONSOLE_KEY_POLICY.Statement, stale] })));
    expect(p.changed).toBe(true);
    expect((p.document as { Statement: unknown[] }).Statement[3]).toEqual(OURS);
    expect(p.summary.filter((item) => item.kind !== 'kept')).toEqual([{ kind: 'replaced', label: `Statement ${KMS_KEY_POLICY_SID}` }]);
  });

  it('refuses to replace our Sid serving another bucket (another queue shares the key), and keeps one that lists this bucket too', () => {
    const foreign = { ...OURS, Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::invoices' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } } };
    const refused = kmsKeyPolicyStep.propose(cmk(JSON.stringify({ ...CONSOLE_KEY_POLICY, Statement: [...CONSOLE_KEY_POLICY.Statement, foreign] })), ctx);
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('arn:aws:s3:::invoices') });
    const both = {
      ...OURS,
      Condition: { ArnLike: { 'aws:SourceArn': ['arn:aws:s3:::invoices', SAMPLE.bucketArn] }, StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    };
    const kept = proposed(cmk(JSON.stringify({ ...CONSOLE_KEY_POLICY, Statement: [...CONSOLE_KEY_POLICY.Statement, both] })));
    expect(kept.changed).toBe(false);
    expect(kept.notes.join(' ')).toContain('also for arn:aws:s3:::invoices');
  });

  it('writes a merged policy of exactly 32,768 bytes and refuses one byte more (KMS key policy size limit)', () => {
    const atLimit = policyMergingTo(KMS_KEY_POLICY_LIMITS.maxBytes);
    const p = proposed(cmk(JSON.stringify(atLimit)));
    expect(compactPolicySize(p.document)).toBe(32768);
    const over = kmsKeyPolicyStep.propose(cmk(JSON.stringify(policyMergingTo(KMS_KEY_POLICY_LIMITS.maxBytes + 1))), ctx);
    expect(over.ok ? null : over.error).toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('32,769 bytes') });
  });

  it('refuses a key policy it cannot read, and never writes one from nothing', () => {
    const unreadable = kmsKeyPolicyStep.propose(cmk('{"Version": "2012-10-17", "Statement": ['), ctx);
    expect(unreadable.ok ? null : unreadable.error.message).toContain('The current key policy could not be read');
    expect(kmsKeyPolicyStep.propose(cmk(null), ctx).ok).toBe(false);
  });

  it('warns with the statement to add for a key of another account (its policy can be changed only there), and about a disabled key', () => {
    const foreign = proposed(cmk(null, { keyArn: 'arn:aws:kms:us-east-1:999999999999:key/abc', keyAccount: '999999999999' }));
    expect(foreign.changed).toBe(false);
    expect(foreign.warnings[0]).toContain('account 999999999999');
    expect(foreign.warnings[0]).toContain(JSON.stringify(OURS));
    const disabled = proposed(cmk(DEFAULT_KEY_POLICY, { keyState: 'Disabled' }));
    expect(disabled.changed).toBe(true);
    expect(disabled.warnings.join(' ')).toContain('is Disabled');
  });
});

describe('KMS key policy step: remove and ownership', () => {
  const withOurs = JSON.stringify({ ...CONSOLE_KEY_POLICY, Statement: [...CONSOLE_KEY_POLICY.Statement, OURS] });
  const removal = (live: Live) => kmsKeyPolicyStep.proposeRemoval(live, ctx, { deleteQueueWithMessages: false });

  it('takes out only our statement and keeps the key and every other statement', () => {
    const r = removal(cmk(withOurs));
    expect(r.kind).toBe('write');
    if (r.kind !== 'write') return;
    expect(r.document).toEqual(CONSOLE_KEY_POLICY);
    expect(r.summary.filter((item) => item.kind !== 'kept')).toEqual([{ kind: 'removed', label: `Statement ${KMS_KEY_POLICY_SID}` }]);
  });

  it('keeps a policy without our statement, one whose statement serves other buckets too, and one where ours is the only statement', () => {
    expect(removal(cmk(JSON.stringify(CONSOLE_KEY_POLICY)))).toMatchObject({ kind: 'keep', notes: [expect.stringContaining('has no statement')] });
    const both = { ...OURS, Condition: { ArnLike: { 'aws:SourceArn': ['arn:aws:s3:::invoices', SAMPLE.bucketArn] } } };
    expect(removal(cmk(JSON.stringify({ ...CONSOLE_KEY_POLICY, Statement: [both] })))).toMatchObject({
      kind: 'keep',
      notes: [expect.stringContaining('also serves other buckets')],
    });
    expect(removal(cmk(JSON.stringify({ Version: '2012-10-17', Statement: [OURS] })))).toMatchObject({ kind: 'keep' });
    expect(removal(noKey(null)).kind).toBe('keep');
    expect(removal(cmk(null, { keyId: 'alias/aws/sqs', keyArn: null, keyManager: 'AWS' }))).toMatchObject({
      kind: 'keep',
      notes: [expect.stringContaining('is AWS managed')],
    });
    expect(removal(cmk(null, { keyAccount: '999999999999' }))).toMatchObject({ kind: 'keep', notes: [expect.stringContaining('another account')] });
  });

  it('records our Sid only when the key policy read back holds our statement', () => {
    expect(kmsKeyPolicyStep.owns(ctx, false, JSON.parse(withOurs))).toEqual({ kmsKeySid: KMS_KEY_POLICY_SID });
    expect(kmsKeyPolicyStep.owns(ctx, false, withOurs)).toEqual({ kmsKeySid: KMS_KEY_POLICY_SID });
    expect(kmsKeyPolicyStep.owns(ctx, false, null)).toEqual({ kmsKeySid: null });
  });
});
