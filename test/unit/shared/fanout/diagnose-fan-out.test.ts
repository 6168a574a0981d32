import { describe, expect, it } from 'vitest';
import { designFanOut } from '../../../../shared/fanout/fan-out-design';
import { buildTopicPolicy, buildTopicToQueuePolicy } from '../../../../shared/fanout/fan-out-policies';
import { diagnoseMissingEvent, FIX_STEP_OF_HOP, type DeliveryState } from '../../../../shared/livetest/diagnose-missing-event';
import { buildQueueConfiguration } from '../../../../shared/policy/build-bucket-notification';

const ACCOUNT = '123456789012';
const queueArn = `arn:aws:sqs:us-east-1:${ACCOUNT}:ours`;
const topicArn = `arn:aws:sns:us-east-1:${ACCOUNT}:acme-raw-s3-events-fan-out`;
const ours = buildQueueConfiguration({ queueName: 'ours', queueArn, prefix: 'incoming/', suffix: '.csv' });
const live = {
  QueueConfigurations: [
    {
      Id: 'b',
      QueueArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:b`,
      Events: ['s3:ObjectCreated:*'],
      Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
    },
  ],
};
const result = designFanOut({ live, ours, account: ACCOUNT, region: 'us-east-1', newTopicArn: topicArn });
if (!result.ok) throw new Error('the design must succeed');
const { design } = result;
const filterPolicy = design.subscriptions.find((s) => s.ours)?.filterPolicy;
const expected = { region: 'us-east-1', bucketArn: 'arn:aws:s3:::acme-raw', queueArn, accountId: ACCOUNT, key: 'incoming/wizard-test a.csv' };

/** A working fan-out, to break one hop at a time. */
function healthy(): DeliveryState {
  return {
    bucketRegion: 'us-east-1',
    notification: design.notification,
    queuePolicy: buildTopicToQueuePolicy(topicArn, queueArn),
    kmsMasterKeyId: null,
    fanOut: { topicArn, topicPolicy: buildTopicPolicy(topicArn, 'acme-raw', ACCOUNT), subscription: { raw: true, filterPolicy } },
  };
}

describe('the live test diagnosis through an SNS fan-out', () => {
  it('blames nothing when every hop is right, and each broken hop with the step that fixes it', () => {
    expect(diagnoseMissingEvent(healthy(), expected).hop).toBe('unknown');
    const cases: ReadonlyArray<readonly [Partial<NonNullable<DeliveryState['fanOut']>> | null, Partial<DeliveryState>, string, RegExp]> = [
      [{ topicPolicy: null }, {}, 'fan-out', /does not let S3 publish/],
      [{ subscription: null }, {}, 'fan-out', /is not subscribed/],
      [{ subscription: { raw: true, filterPolicy: { Records: { eventName: [{ prefix: 'ObjectRemoved:' }] } } } }, {}, 'fan-out', /drops the test key/],
      [null, { queuePolicy: null }, 'queue-policy', /does not let topic .* send/],
      [{ subscription: { raw: false, filterPolicy } }, {}, 'fan-out', /Raw message delivery is off/],
    ];
    for (const [fanOut, state, hop, message] of cases) {
      const base = healthy();
      const d = diagnoseMissingEvent({ ...base, ...state, fanOut: { ...(base.fanOut as NonNullable<DeliveryState['fanOut']>), ...(fanOut ?? {}) } }, expected);
      expect(d.hop, JSON.stringify(fanOut ?? state)).toBe(hop);
      expect(d.message).toMatch(message);
    }
    expect(FIX_STEP_OF_HOP['fan-out']).toBe('snsFanOut');
  });
});
