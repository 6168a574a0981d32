import { describe, expect, it } from 'vitest';
import { middleTruncate } from '../../../renderer/src/components/middle-truncate';

describe('middleTruncate', () => {
  it('leaves a value that fits as it is', () => {
    expect(middleTruncate('arn:aws:s3:::orders-landing')).toBeNull();
  });

  it("keeps an ARN's service and its resource name, cut at separators", () => {
    const role = 'arn:aws:iam::123456789012:role/service-role/platform-s3-sqs-consumer';
    expect(middleTruncate(role)).toEqual({ head: 'arn:aws:iam::', tail: '/platform-s3-sqs-consumer' });
  });

  it('keeps the end of a resource name longer than the tail, within the budget', () => {
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const cut = middleTruncate(key);
    expect(cut?.head.startsWith('arn:aws:kms:')).toBe(true);
    expect(cut?.head.endsWith(':')).toBe(true);
    expect(key.endsWith(cut?.tail ?? '-')).toBe(true);
    expect((cut?.head.length ?? 0) + 1 + (cut?.tail.length ?? 0)).toBeLessThanOrEqual(56);
  });

  it('cuts a value without separators at the budget', () => {
    const cut = middleTruncate('x'.repeat(100), 21);
    expect(cut).toEqual({ head: 'x'.repeat(9), tail: 'x'.repeat(11) });
  });
  it('keeps the resource name of an ARN followed by a note, and folds the note', () => {
    const topic = 'arn:aws:sns:us-east-1:123456789012:orders-landing-s3-events-fan-out';
    const cut = middleTruncate(`${topic} (fan-out; other destinations: arn:aws:sqs:us-east-1:123456789012:team-b-events)`);
    expect(cut?.tail).toBe(':orders-landing-s3-events-fan-out (…)');
    expect(middleTruncate(`arn:aws:s3:::orders-landing (the bucket of setup orders-landing, in us-east-1)`)).toEqual({
      head: 'arn:aws:s3:::orders-landing (',
      tail: ')',
    });
  });
});
