import { describe, expect, it } from 'vitest';
import { eventCovers, sharedEventTypes } from '../../../../shared/policy/event-type-overlap';
import type { QueueConfiguration } from '../../../../shared/policy/notification-document';
import { findOurConfigurationsUnderOtherIds, findOverlaps } from '../../../../shared/policy/notification-overlap';

const rule = (Id: string, events: ReadonlyArray<string>, prefix: string, suffix: string): QueueConfiguration => ({
  Id,
  QueueArn: `arn:aws:sqs:us-east-1:123456789012:${Id}`,
  Events: events,
  Filter: {
    Key: {
      FilterRules: [
        { Name: 'Prefix', Value: prefix },
        { Name: 'suffix', Value: suffix },
      ],
    },
  },
});
const ours = rule('ours', ['s3:ObjectCreated:*'], 'incoming/', '.csv');
const overlaps = (other: QueueConfiguration) => findOverlaps(ours, { QueueConfigurations: [other] });

describe('event types', () => {
  it('treats s3:X:* as covering s3:X:anything', () => {
    expect(eventCovers('s3:ObjectCreated:*', 's3:ObjectCreated:Put')).toBe(true);
    expect(eventCovers('s3:ObjectCreated:Put', 's3:ObjectCreated:*')).toBe(false);
    expect(eventCovers('s3:ObjectCreated:*', 's3:ObjectRemoved:Delete')).toBe(false);
    expect(sharedEventTypes(['s3:ObjectCreated:*'], ['s3:ObjectCreated:Put', 's3:ObjectRemoved:*'])).toEqual(['s3:ObjectCreated:Put']);
    expect(sharedEventTypes(['s3:ObjectCreated:Copy'], ['s3:ObjectCreated:*'])).toEqual(['s3:ObjectCreated:Copy']);
  });
});

describe('findOverlaps (AWS rule: shared event, overlapping prefixes, overlapping suffixes)', () => {
  it('finds overlaps and says why', () => {
    expect(overlaps(rule('a', ['s3:ObjectCreated:Put'], 'incoming/2024/', ''))[0]?.reason).toBe(
      'both receive s3:ObjectCreated:Put; its prefix "incoming/2024/" starts with ours, "incoming/"; its empty suffix matches every key ' +
        '(its filter: prefix "incoming/2024/", suffix (none))',
    );
    expect(overlaps(rule('b', ['s3:ObjectCreated:*'], 'in', 'data.csv'))[0]?.reason).toMatch(
      /our prefix "incoming\/" starts with its prefix "in"; its suffix "data.csv" ends with ours, ".csv"/,
    );
    expect(overlaps(rule('c', ['s3:ObjectCreated:*'], '', '')).length).toBe(1);
  });

  it('finds none when any of the three differs', () => {
    expect(overlaps(rule('a', ['s3:ObjectRemoved:*'], 'incoming/', '.csv'))).toEqual([]);
    expect(overlaps(rule('b', ['s3:ObjectCreated:*'], 'outgoing/', '.csv'))).toEqual([]);
    expect(overlaps(rule('c', ['s3:ObjectCreated:*'], 'incoming/', '.json'))).toEqual([]);
  });

  it('does not count our own configuration (same Id) and reports kind, Id and ARN', () => {
    expect(findOverlaps(ours, { QueueConfigurations: [ours] })).toEqual([]);
    const topic = { Id: 'ours', TopicArn: 'arn:aws:sns:us-east-1:1:t', Events: ['s3:ObjectCreated:*'] };
    expect(findOverlaps(ours, { TopicConfigurations: [topic] })).toEqual([
      expect.objectContaining({ kind: 'TopicConfiguration', id: 'ours', arn: 'arn:aws:sns:us-east-1:1:t', index: 0 }),
    ]);
    const noId = { LambdaFunctionArn: 'arn:l', Events: ['s3:ObjectCreated:Post'] };
    expect(findOverlaps(ours, { LambdaFunctionConfigurations: [noId] })[0]).toMatchObject({ kind: 'LambdaFunctionConfiguration', id: null });
  });
});

describe('findOurConfigurationsUnderOtherIds', () => {
  it('finds configurations for our queue under another Id only', () => {
    const same = { ...ours, Id: 'legacy' };
    expect(findOurConfigurationsUnderOtherIds(ours, { QueueConfigurations: [ours, same, rule('x', [], '', '')] })).toEqual([
      expect.objectContaining({ id: 'legacy', arn: ours.QueueArn, reason: expect.stringMatching(/under Id "legacy"/) }),
    ]);
  });
});
