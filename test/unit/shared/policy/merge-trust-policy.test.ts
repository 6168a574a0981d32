import { describe, expect, it } from 'vitest';
import { buildTrustPolicy } from '../../../../shared/policy/build-trust-policy';
import { mergeTrustPolicy } from '../../../../shared/policy/merge-trust-policy';
import { SAMPLE } from '../fixtures/sample-setup';
import { SEED_TRUST_POLICY } from '../fixtures/seed-documents';

const ours = buildTrustPolicy(SAMPLE);
const ec2 = { Sid: 'Ec2', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };

describe('mergeTrustPolicy', () => {
  it('writes a new document for a new role', () => {
    const result = mergeTrustPolicy(null, ours);
    expect(result).toMatchObject({ ok: true, document: SEED_TRUST_POLICY, changed: true, notes: [] });
    expect(result.ok && result.summary.map((s) => s.kind)).toEqual(['added', 'added']);
  });

  it("keeps unrelated statements (listed as kept) and replaces ours by Sid, from GetRole's URL-encoded form", () => {
    const old = { ...ours.Statement[0], Condition: { StringEquals: { 'sts:ExternalId': 'old-org' } } };
    const current = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [ec2, old] }));
    const result = mergeTrustPolicy(current, ours);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document['Statement']).toEqual([ec2, ours.Statement[0], ours.Statement[1]]);
    expect(result.summary).toEqual([
      { kind: 'kept', label: 'Statement Ec2' },
      { kind: 'replaced', label: 'Statement AllowPlatformSetupAssumeRole' },
      { kind: 'added', label: 'Statement AllowPlatformLoadAssumeRole' },
    ]);
    const again = mergeTrustPolicy(encodeURIComponent(JSON.stringify(result.document)), ours);
    expect(again).toMatchObject({ ok: true, changed: false, document: result.document });
  });

  it('notes a kept statement that lets a platform role in without the external ID', () => {
    const open = { Sid: 'Legacy', Effect: 'Allow', Principal: { AWS: SAMPLE.platformLoadRoleArn }, Action: 'sts:AssumeRole' };
    const result = mergeTrustPolicy({ Version: '2012-10-17', Statement: [open] }, ours);
    expect(result.ok && result.notes).toEqual([expect.stringMatching(/Statement Legacy still lets .*platform-load assume the role without the external ID/)]);
  });

  it("notes when the trust policy passes IAM's default 2,048 characters", () => {
    const many = Array.from({ length: 16 }, (_, i) => ({ ...ec2, Sid: `Service${i}`, Principal: { Service: `service-number-${i}.example.amazonaws.com` } }));
    const result = mergeTrustPolicy({ Version: '2012-10-17', Statement: many }, ours);
    expect(result.ok && result.notes.join()).toMatch(/IAM's default limit is 2,048/);
  });
});
