import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueueConfiguration } from '../../../../shared/policy/build-bucket-notification';
import { mergeBucketNotification } from '../../../../shared/policy/merge-bucket-notification';
import { describeScope, scopesOverlap, whatWouldNotOverlap } from '../../../../shared/policy/non-overlapping-scope';
import { SAMPLE } from '../fixtures/sample-setup';

const OURS = { events: ['s3:ObjectCreated:*'], prefix: 'incoming/', suffix: '.csv' };

describe('whatWouldNotOverlap', () => {
  it('offers a prefix of our own with an example that no longer overlaps, a suffix only when theirs has one, and their side', () => {
    const theirs = { events: ['s3:ObjectCreated:Put'], prefix: 'incoming/', suffix: '' };
    const [prefix, suffix, their] = whatWouldNotOverlap(OURS, theirs, 'orders-landing');
    expect(prefix).toEqual({
      change: 'our-prefix',
      possible: true,
      text: `A prefix of ours that neither starts with "incoming/" nor is the start of it (the platform's objects under a folder of their own).`,
      example: 'orders-landing/',
    });
    expect(scopesOverlap({ ...OURS, prefix: prefix?.example ?? '' }, theirs)).toBe(false);
    expect(suffix).toMatchObject({ change: 'our-suffix', possible: false, text: 'No suffix of ours: their rule has no suffix, so it matches every key.' });
    expect(their?.text).toBe(
      `Their rule narrowed by its owner: without s3:ObjectCreated:Put, or with a prefix or suffix apart from ours (prefix "incoming/", suffix ".csv").`,
    );
  });

  it('says no prefix of ours can help when their rule has none', () => {
    const [prefix, suffix] = whatWouldNotOverlap(OURS, { events: ['s3:ObjectCreated:*'], prefix: '', suffix: '.csv' }, 'x');
    expect(prefix).toMatchObject({ possible: false, example: null });
    expect(suffix).toMatchObject({ possible: true });
  });

  it('picks an example beside theirs when the setup name itself would overlap', () => {
    const [prefix] = whatWouldNotOverlap({ ...OURS, prefix: 'orders/' }, { events: ['s3:ObjectCreated:*'], prefix: 'orders', suffix: '' }, 'orders');
    expect(prefix?.example).toBe('platform/orders/');
  });

  it('describes a scope with "(none)" for an empty part', () => {
    expect(describeScope({ prefix: '', suffix: '.csv' })).toBe('prefix (none), suffix ".csv"');
  });

  it('over random rules: every example prefix avoids the rule, and the prefix way is closed exactly when theirs has no prefix', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '-'), maxLength: 5 });
    fc.assert(
      fc.property(part, part, part, part, fc.constantFrom('orders', 'a', 'a/b', 'ab'), (op, os, tp, ts, name) => {
        const ours = { events: ['s3:ObjectCreated:*'], prefix: op, suffix: os };
        const theirs = { events: ['s3:ObjectCreated:Put'], prefix: tp, suffix: ts };
        const [byPrefix, bySuffix] = whatWouldNotOverlap(ours, theirs, name);
        expect(byPrefix?.possible).toBe(tp !== '');
        expect(bySuffix?.possible).toBe(ts !== '');
        if (byPrefix?.example) expect(scopesOverlap({ ...ours, prefix: byPrefix.example }, theirs)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('an overlap refused by the merge', () => {
  it('carries each rule in the way with both filters and why, and the document with our rule placed as a draft', () => {
    const ours = buildQueueConfiguration({ queueName: SAMPLE.queueName, queueArn: SAMPLE.queueArn, prefix: 'incoming/', suffix: '.csv' });
    const theirs = {
      Id: 'csv-importer-rule',
      QueueArn: 'arn:aws:sqs:us-east-1:123456789012:csv-importer',
      Events: ['s3:ObjectCreated:Put'],
      Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'incoming/' }] } },
    };
    const result = mergeBucketNotification({ QueueConfigurations: [theirs] }, ours, 'orders-landing');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.overlaps).toHaveLength(1);
    expect(result.error.overlaps?.[0]).toMatchObject({
      rule: 'QueueConfiguration "csv-importer-rule"',
      destination: theirs.QueueArn,
      theirs: { events: ['s3:ObjectCreated:Put'], prefix: 'incoming/', suffix: '' },
      ours: { id: SAMPLE.queueName, events: ['s3:ObjectCreated:*'], prefix: 'incoming/', suffix: '.csv' },
      why: { events: 'both receive s3:ObjectCreated:Put', prefix: 'both use prefix "incoming/"', suffix: 'its empty suffix matches every key' },
    });
    expect(result.draft?.QueueConfigurations).toEqual([theirs, ours]);
  });
});
