import { describe, expect, it } from 'vitest';
import { parseTimeout } from '../../../renderer/src/livetest/live-test-timeout';
import { diagnoseMissingEvent, FIX_STEP_OF_HOP } from '../../../shared/livetest/diagnose-missing-event';

describe('parseTimeout', () => {
  it('accepts whole seconds from 5 to 900', () => {
    expect(parseTimeout('120')).toEqual({ ok: true, seconds: 120 });
    expect(parseTimeout(' 5 ')).toEqual({ ok: true, seconds: 5 });
    expect(parseTimeout('900')).toEqual({ ok: true, seconds: 900 });
  });

  it('refuses what livetest.run would refuse, saying the bounds', () => {
    expect(parseTimeout('4')).toEqual({ ok: false, message: 'At least 5 seconds.' });
    expect(parseTimeout('901')).toEqual({ ok: false, message: 'At most 900 seconds (15 minutes).' });
    for (const bad of ['', '12.5', '-3', '2m', '1e3']) expect(parseTimeout(bad).ok, bad).toBe(false);
  });
});

describe('the step a live-test diagnosis opens', () => {
  const expected = {
    region: 'us-east-1',
    bucketArn: 'arn:aws:s3:::b',
    queueArn: 'arn:aws:sqs:us-east-1:123456789012:q',
    accountId: '123456789012',
    key: 'in/x.csv',
  };
  const state = { bucketRegion: 'us-east-1', notification: {}, queuePolicy: null, kmsMasterKeyId: null };

  it('is data on the diagnosis (its hop), never read from the fix sentence', () => {
    expect(FIX_STEP_OF_HOP[diagnoseMissingEvent({ ...state, bucketRegion: 'eu-west-1' }, expected).hop]).toBe('scope');
    expect(FIX_STEP_OF_HOP[diagnoseMissingEvent(state, expected).hop]).toBe('bucketNotification');
    const rule = { Id: 'q', QueueArn: expected.queueArn, Events: ['s3:ObjectCreated:*'] };
    expect(FIX_STEP_OF_HOP[diagnoseMissingEvent({ ...state, notification: { QueueConfigurations: [rule] } }, expected).hop]).toBe('queuePolicy');
  });

  it('offers no step when no plan can fix it (wait and run again)', () => {
    expect(FIX_STEP_OF_HOP.unknown).toBeNull();
  });
});
