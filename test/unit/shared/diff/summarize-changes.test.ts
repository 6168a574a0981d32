import { describe, expect, it } from 'vitest';
import { summaryHeadline } from '../../../../shared/diff/change-summary';
import { summarizeChanges } from '../../../../shared/diff/summarize-changes';

const s = (Sid: string | undefined, Action = 'sqs:SendMessage') => ({ ...(Sid ? { Sid } : {}), Effect: 'Allow', Principal: '*', Action, Resource: '*' });

describe('summarizeChanges', () => {
  it('matches statements by Sid and unnamed ones by content', () => {
    const before = { Statement: [s('Keep'), s('Ours', 'sqs:A'), s(undefined, 'sqs:X'), s('Gone')] };
    const after = { Statement: [s('Keep'), s('Ours', 'sqs:B'), s(undefined, 'sqs:X'), s('New')] };
    expect(summarizeChanges(before, after)).toEqual([
      { kind: 'kept', label: 'Statement Keep' },
      { kind: 'replaced', label: 'Statement Ours' },
      { kind: 'kept', label: 'Statement [2] (no Sid)' },
      { kind: 'added', label: 'Statement New' },
      { kind: 'removed', label: 'Statement Gone' },
    ]);
  });

  it('calls our own equal items unchanged and treats a lone Statement object like a list', () => {
    expect(summarizeChanges({ Statement: s('Ours') }, { Statement: [s('Ours')] }, new Set(['Statement Ours']))).toEqual([
      { kind: 'unchanged', label: 'Statement Ours' },
    ]);
  });

  it('summarises notification configurations per kind and EventBridge', () => {
    const q = { Id: 'orders', QueueArn: 'arn:q', Events: ['s3:ObjectCreated:*'] };
    const t = { Id: 'audit', TopicArn: 'arn:t', Events: ['s3:ObjectRemoved:*'] };
    const before = { TopicConfigurations: [t], EventBridgeConfiguration: {} };
    const after = { QueueConfigurations: [q], TopicConfigurations: [t], EventBridgeConfiguration: {} };
    const summary = summarizeChanges(before, after);
    expect(summary).toEqual([
      { kind: 'added', label: 'QueueConfiguration orders' },
      { kind: 'kept', label: 'TopicConfiguration audit' },
      { kind: 'kept', label: 'EventBridgeConfiguration' },
    ]);
    expect(summaryHeadline(summary)).toBe('1 added, 2 kept');
    expect(summaryHeadline([])).toBe('empty document');
  });
});
