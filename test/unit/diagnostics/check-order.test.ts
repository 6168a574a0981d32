import { describe, expect, it } from 'vitest';
import { checksByUrgency } from '../../../shared/diagnostics/check-order';
import { evidenceByVerdict, evidenceOf } from '../../../shared/diagnostics/check-evidence';
import { check } from '../../../shared/diagnostics/diagnostic-check';

describe('checksByUrgency', () => {
  it('puts failures first, then warnings, skipped and passed checks, keeping the order within each', () => {
    const checks = [
      check('a', 'A', 'pass', ''),
      check('b', 'B', 'fail', ''),
      check('c', 'C', 'skip', ''),
      check('d', 'D', 'warn', ''),
      check('e', 'E', 'fail', ''),
      check('f', 'F', 'pass', ''),
    ];
    expect(checksByUrgency(checks).map((c) => c.id)).toEqual(['b', 'e', 'd', 'c', 'a', 'f']);
  });
});

describe('check evidence', () => {
  const decision = (status: 'allowed' | 'denied' | 'depends', decidedBy: string | null, policy: string | null) =>
    ({ status, allowed: status === 'allowed', decidedBy, policy, reason: `reason ${status}`, caveats: [] }) as const;

  it('names the deciding statement and its policy, and lists what is refused first', () => {
    const allowed = evidenceOf('role', 's3:GetObject', 'arn:aws:s3:::b/*', decision('allowed', 'S3ObjectReadAccess', 'inline policy p'));
    const refused = evidenceOf('role', 'sqs:ReceiveMessage', 'arn:aws:sqs:us-east-1:1:q', decision('denied', null, null));
    const open = evidenceOf('role', 'sqs:DeleteMessage', 'arn:aws:sqs:us-east-1:1:q', decision('depends', 'Vpce', 'inline policy p'));
    expect(allowed).toMatchObject({ verdict: 'allowed', decidedBy: 'S3ObjectReadAccess in inline policy p' });
    expect(refused).toMatchObject({ verdict: 'refused', decidedBy: null, reason: 'reason denied' });
    expect(evidenceByVerdict([allowed, open, refused]).map((e) => e.verdict)).toEqual(['refused', 'uncertain', 'allowed']);
  });
});
