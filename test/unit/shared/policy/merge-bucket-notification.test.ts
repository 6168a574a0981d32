import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../../../shared/diff/diff-documents';
import { buildQueueConfiguration } from '../../../../shared/policy/build-bucket-notification';
import { mergeBucketNotification } from '../../../../shared/policy/merge-bucket-notification';
import { SAMPLE } from '../fixtures/sample-setup';

const ours = buildQueueConfiguration({ queueName: SAMPLE.queueName, queueArn: SAMPLE.queueArn, prefix: SAMPLE.prefix, suffix: SAMPLE.suffix });
const filter = (prefix: string, suffix: string) => ({
  Key: { FilterRules: [...(prefix ? [{ Name: 'Prefix', Value: prefix }] : []), ...(suffix ? [{ Name: 'Suffix', Value: suffix }] : [])] },
});
const thumbs = {
  Id: 'thumbs',
  LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:thumbs',
  Events: ['s3:ObjectCreated:*'],
  Filter: filter('images/', ''),
};
const audit = { Id: 'audit', TopicArn: 'arn:aws:sns:us-east-1:123456789012:audit', Events: ['s3:ObjectRemoved:*'] };
const otherQueue = {
  Id: 'exports',
  QueueArn: 'arn:aws:sqs:us-east-1:123456789012:exports',
  Events: ['s3:ObjectCreated:Put'],
  Filter: filter('exports/', '.json'),
};

describe('mergeBucketNotification', () => {
  it('adds ours to an empty bucket (nothing, {} or the SDK answer with $metadata)', () => {
    for (const current of [null, undefined, {}, { $metadata: { httpStatusCode: 200 } }, '{}']) {
      const result = mergeBucketNotification(current, ours);
      expect(result).toMatchObject({ ok: true, document: { QueueConfigurations: [ours] }, changed: true });
      expect(result.ok && result.summary).toEqual([{ kind: 'added', label: 'QueueConfiguration orders-events' }]);
    }
  });

  it('keeps every other configuration and EventBridge unchanged and in order', () => {
    const current = { QueueConfigurations: [otherQueue], TopicConfigurations: [audit], LambdaFunctionConfigurations: [thumbs], EventBridgeConfiguration: {} };
    const result = mergeBucketNotification(current, ours);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document).toEqual({ ...current, QueueConfigurations: [otherQueue, ours] });
    expect(Object.keys(result.document)).toEqual(Object.keys(current));
    expect(result.summary).toEqual([
      { kind: 'kept', label: 'QueueConfiguration exports' },
      { kind: 'added', label: 'QueueConfiguration orders-events' },
      { kind: 'kept', label: 'TopicConfiguration audit' },
      { kind: 'kept', label: 'LambdaFunctionConfiguration thumbs' },
      { kind: 'kept', label: 'EventBridgeConfiguration' },
    ]);
    expect(result.notes.join()).toMatch(/queue policy must be applied first/);
  });

  it('replaces ours by Id in place', () => {
    const stale = { ...ours, Filter: filter('old/', '') };
    const result = mergeBucketNotification({ QueueConfigurations: [stale, otherQueue] }, ours);
    expect(result.ok && result.document.QueueConfigurations).toEqual([ours, otherQueue]);
    expect(result.ok && result.summary[0]).toEqual({ kind: 'replaced', label: 'QueueConfiguration orders-events' });
  });

  it('is idempotent and "no change" when AWS returns ours with capitalised rule names', () => {
    const asReturned = {
      QueueConfigurations: [{ Id: ours.Id, QueueArn: ours.QueueArn, Events: ['s3:ObjectCreated:*'], Filter: filter(SAMPLE.prefix, SAMPLE.suffix) }],
      TopicConfigurations: [audit],
    };
    const result = mergeBucketNotification(JSON.stringify(asReturned), ours);
    expect(result).toMatchObject({ ok: true, changed: false, document: asReturned, notes: [] });
    expect(result.ok && result.summary[0]).toEqual({ kind: 'unchanged', label: 'QueueConfiguration orders-events' });
    const first = mergeBucketNotification({ TopicConfigurations: [audit] }, buildQueueConfiguration({ ...SAMPLE }));
    const second = first.ok ? mergeBucketNotification(first.document, ours) : first;
    expect(second).toMatchObject({ ok: true, changed: false });
    expect(first.ok && second.ok && second.document).toEqual(first.ok && first.document);
  });

  it('refuses an overlapping configuration, naming it and why', () => {
    const lambda = { ...thumbs, Filter: filter('incoming/', '') };
    const result = mergeBucketNotification({ LambdaFunctionConfigurations: [lambda] }, ours);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.message).toMatch(/overlaps an existing configuration.*ambiguously defined/);
    expect(result.error.message).toMatch(
      /LambdaFunctionConfiguration "thumbs" \(arn:aws:lambda:.*\): both receive s3:ObjectCreated:\*; both use prefix "incoming\/"; its empty suffix matches every key/,
    );
    expect(result.error.fix).toMatch(/Narrow our prefix or suffix/);
  });

  it('reports our queue under another Id instead of duplicating it', () => {
    const manual = { Id: 'manual-rule', QueueArn: SAMPLE.queueArn, Events: ['s3:ObjectCreated:Put'], Filter: filter('elsewhere/', '') };
    const result = mergeBucketNotification({ QueueConfigurations: [manual] }, ours);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.message).toMatch(/already sends events to queue .*orders-events under another Id.*QueueConfiguration "manual-rule"/);
  });

  it('refuses our Id on a Topic or Lambda configuration (Ids are unique per bucket)', () => {
    const result = mergeBucketNotification({ TopicConfigurations: [{ ...audit, Id: SAMPLE.queueName }] }, ours);
    expect(!result.ok && result.error.message).toMatch(/Id "orders-events" is taken.*TopicConfiguration "orders-events"/);
  });

  it("refuses our Id on another team's queue configuration instead of replacing it", () => {
    const theirs = { Id: SAMPLE.queueName, QueueArn: 'arn:aws:sqs:us-east-1:444455556666:other-team', Events: ['s3:ObjectRemoved:*'] };
    const result = mergeBucketNotification({ QueueConfigurations: [theirs] }, ours);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(
      /Id "orders-events" is taken.*QueueConfiguration "orders-events" \(arn:aws:sqs:us-east-1:444455556666:other-team\)/,
    );
  });

  it('explains a malformed current document', () => {
    const cases: ReadonlyArray<readonly [unknown, RegExp]> = [
      [{ QueueConfigurations: {} }, /QueueConfigurations is not a list/],
      [{ QueueConfigurations: [{ Id: 'x', Events: [] }] }, /QueueConfiguration \[0\] has no QueueArn/],
      [{ TopicConfigurations: [{ TopicArn: 'a', Events: 's3:*' }] }, /TopicConfiguration \[0\] has no Events list/],
      [{ QueueConfigurations: [{ QueueArn: 'a', Events: [], Filter: { Key: { FilterRules: [{ Name: 1 }] } } }] }, /FilterRules/],
      ['<xml/>', /not valid JSON/],
    ];
    for (const [current, message] of cases) {
      const result = mergeBucketNotification(current, ours);
      expect(!result.ok && result.error.message, JSON.stringify(current)).toMatch(message);
    }
  });
});

describe('mergeBucketNotification on a large document', () => {
  it('keeps 1,000 existing configurations and diffs only our lines', () => {
    const queues = Array.from({ length: 1000 }, (_, i) => ({
      Id: `t-${i}`,
      QueueArn: `arn:aws:sqs:us-east-1:1:t-${i}`,
      Events: ['s3:ObjectCreated:*'],
      Filter: filter(`tenants/${i}/`, ''),
    }));
    const result = mergeBucketNotification({ QueueConfigurations: queues }, ours);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.filter((s) => s.kind === 'kept')).toHaveLength(1000);
    const diff = diffDocuments({ QueueConfigurations: queues }, result.document);
    expect(diff.lines.filter((l) => l.kind === 'removed').length).toBeLessThanOrEqual(1);
    expect(diff.lines.filter((l) => l.kind === 'added').length).toBeLessThan(25);
    expect(diff.lines.filter((l) => l.kind === 'added').map((l) => l.text.trim())).toContain('"Id": "orders-events",');
  });
});
