import { describe, expect, it } from 'vitest';
import { diffDocuments, documentText } from '../../../../shared/diff/diff-documents';
import { SEED_QUEUE_POLICY } from '../fixtures/seed-documents';

const other = {
  Sid: 'AllowOps',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::123456789012:role/ops' },
  Action: 'sqs:*',
  Resource: 'arn:aws:sqs:us-east-1:123456789012:orders-events',
};

describe('diffDocuments', () => {
  it('shows no change for the same document in another encoding or key order', () => {
    const diff = diffDocuments(encodeURIComponent(JSON.stringify(SEED_QUEUE_POLICY)), {
      Statement: SEED_QUEUE_POLICY.Statement,
      Id: SEED_QUEUE_POLICY.Id,
      Version: '2012-10-17',
    });
    expect(diff.lines.every((l) => l.kind === 'same')).toBe(true);
    expect(diff.unified).toBe('');
  });

  it('shows every line as added when there is no current document', () => {
    const diff = diffDocuments(null, SEED_QUEUE_POLICY);
    expect(diff.lines.length).toBe(documentText(SEED_QUEUE_POLICY).split('\n').length - 1);
    expect(diff.lines.every((l) => l.kind === 'added')).toBe(true);
    expect(diff.unified).toMatch(/^--- current\n\+\+\+ proposed\n@@ -0,0 \+1,\d+ @@\n\+\{/);
  });

  it('marks added and removed lines and writes unified hunks with 3 lines of context', () => {
    const before = { ...SEED_QUEUE_POLICY, Statement: [other] };
    const after = { ...SEED_QUEUE_POLICY, Statement: [other, SEED_QUEUE_POLICY.Statement[0]] };
    const diff = diffDocuments(before, after);
    const added = diff.lines.filter((l) => l.kind === 'added').map((l) => l.text.trim());
    expect(added).toContain('"Sid": "AllowS3ToSendMessage",');
    expect(diff.lines.filter((l) => l.kind === 'same').map((l) => l.text.trim())).toContain('"Sid": "AllowOps",');
    const unified = diff.unified.split('\n');
    expect(unified[0]).toBe('--- current');
    expect(unified[2]).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/);
    expect(unified.filter((l) => l.startsWith('+') && !l.startsWith('+++')).length).toBe(added.length);
  });

  it('hunk headers count lines correctly', () => {
    const before = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11 };
    const near = diffDocuments(before, { ...before, b: 20, h: 80 });
    expect(near.unified.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,12 +1,12 @@']);
    const apart = diffDocuments(before, { ...before, b: 20, j: 100 });
    expect(apart.unified.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,6 +1,6 @@', '@@ -8,6 +8,6 @@']);
    const far = diffDocuments({ ...before, x1: 1, x2: 2, x3: 3, x4: 4 }, { ...before, a: 0, x1: 1, x2: 2, x3: 3, x4: 40 });
    expect(far.unified.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,5 +1,5 @@', '@@ -13,5 +13,5 @@']);
  });
});
