import { describe, expect, it } from 'vitest';
import { mergeQueuePolicy } from '../../../../shared/policy/merge-queue-policy';
import { buildQueuePolicy } from '../../../../shared/policy/build-queue-policy';
import { SAMPLE } from '../fixtures/sample-setup';
import { SEED_QUEUE_POLICY } from '../fixtures/seed-documents';

const ours = buildQueuePolicy({ queueName: SAMPLE.queueName, queueArn: SAMPLE.queueArn, bucket: SAMPLE.bucket, accountId: SAMPLE.accountId });
const other = (sid: string) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::123456789012:role/ops' },
  Action: 'sqs:ReceiveMessage',
  Resource: SAMPLE.queueArn,
});

describe('mergeQueuePolicy', () => {
  it('uses our document when the queue has no policy', () => {
    for (const current of [undefined, null, '']) {
      const result = mergeQueuePolicy(current, ours);
      expect(result).toMatchObject({ ok: true, document: SEED_QUEUE_POLICY, changed: true });
      expect(result.ok && result.summary).toEqual([{ kind: 'added', label: 'Statement AllowS3ToSendMessage' }]);
    }
  });

  it('keeps other statements, Id and Version, and appends ours', () => {
    const current = JSON.stringify({ Version: '2012-10-17', Id: 'their-id', Statement: [other('Ops'), other('Ops2')] });
    const result = mergeQueuePolicy(current, ours);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document).toEqual({ Version: '2012-10-17', Id: 'their-id', Statement: [other('Ops'), other('Ops2'), ours.Statement[0]] });
    expect(result.summary).toEqual([
      { kind: 'kept', label: 'Statement Ops' },
      { kind: 'kept', label: 'Statement Ops2' },
      { kind: 'added', label: 'Statement AllowS3ToSendMessage' },
    ]);
    expect(result.changed).toBe(true);
  });

  it('replaces ours by Sid in place and says whose access changes', () => {
    const stale = {
      ...ours.Statement[0],
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::old-bucket' }, StringEquals: { 'aws:SourceAccount': SAMPLE.accountId } },
    };
    const result = mergeQueuePolicy({ Version: '2012-10-17', Statement: [other('A'), stale, other('B')] }, ours);
    expect(result.ok && result.document['Statement']).toEqual([other('A'), ours.Statement[0], other('B')]);
    expect(result.ok && result.summary.map((s) => s.kind)).toEqual(['kept', 'replaced', 'kept']);
    expect(result.ok && result.notes.join()).toMatch(/old-bucket.*after this change only.*acme-raw/);
  });

  it('accepts Statement as an object and keeps it an object when ours is the only statement', () => {
    const single = mergeQueuePolicy({ Version: '2012-10-17', Id: 'x', Statement: ours.Statement[0] }, ours);
    expect(single).toMatchObject({ ok: true, changed: false });
    expect(single.ok && single.document['Statement']).toEqual(ours.Statement[0]);
    const withOther = mergeQueuePolicy({ Version: '2012-10-17', Statement: other('Ops') }, ours);
    expect(withOther.ok && withOther.document['Statement']).toEqual([other('Ops'), ours.Statement[0]]);
  });

  it('is idempotent and reports "no change" on a configured queue, even with AWS formatting', () => {
    const first = mergeQueuePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [other('Ops')] }), ours);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = mergeQueuePolicy(JSON.stringify(first.document), ours);
    expect(second).toMatchObject({ ok: true, changed: false, document: first.document });
    expect(second.ok && second.summary).toEqual([
      { kind: 'kept', label: 'Statement Ops' },
      { kind: 'unchanged', label: 'Statement AllowS3ToSendMessage' },
    ]);
    const asListed = { ...ours.Statement[0], Action: ['sqs:SendMessage'], Resource: [SAMPLE.queueArn] };
    const third = mergeQueuePolicy({ Version: '2012-10-17', Id: 'x', Statement: [asListed] }, ours);
    expect(third).toMatchObject({ ok: true, changed: false });
    expect(third.ok && third.document['Statement']).toEqual([asListed]);
  });

  it('removes a duplicate of our Sid, with a note', () => {
    const result = mergeQueuePolicy({ Version: '2012-10-17', Statement: [ours.Statement[0], ours.Statement[0]] }, ours);
    expect(result.ok && result.document['Statement']).toEqual([ours.Statement[0]]);
    expect(result.ok && result.changed).toBe(true);
    expect(result.ok && result.notes.join()).toMatch(/second statement with Sid "AllowS3ToSendMessage"/);
  });

  it('refuses past 20 statements', () => {
    const current = { Version: '2012-10-17', Statement: Array.from({ length: 20 }, (_, i) => other(`S${i}`)) };
    const result = mergeQueuePolicy(current, ours);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('LIMIT_EXCEEDED');
    expect(result.error.message).toMatch(/21 statements; SQS allows at most 20/);
    expect(result.error.fix).toMatch(/Remove statements/);
    expect(mergeQueuePolicy({ ...current, Statement: current.Statement.slice(1) }, ours).ok).toBe(true);
  });

  it('refuses past 8,192 bytes, counting UTF-8 bytes of the compact JSON', () => {
    const padded = (n: number) => ({
      Version: '2012-10-17',
      Statement: [{ ...other('Big'), Resource: `arn:aws:sqs:us-east-1:123456789012:${'é'.repeat(n)}` }],
    });
    const empty = mergeQueuePolicy(padded(0), ours);
    const base = empty.ok ? JSON.stringify(empty.document).length : 0;
    const fits = Math.floor((8192 - base) / 2);
    expect(mergeQueuePolicy(padded(fits), ours).ok).toBe(true);
    const result = mergeQueuePolicy(padded(fits + 1), ours);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringMatching(/8,19[34] bytes; SQS allows at most 8,192/) });
  });

  it('gives a clear error for an unreadable policy', () => {
    const result = mergeQueuePolicy('{"Statement": [', ours);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/current queue policy could not be read.*not valid JSON/);
    const bad = mergeQueuePolicy({ Statement: 'nope' }, ours);
    expect(!bad.ok && bad.error.message).toMatch(/neither an object nor a list/);
  });
});
