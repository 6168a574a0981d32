import { describe, expect, it } from 'vitest';
import { isTestEventFor } from '../../../../shared/livetest/classify-message';
import { liveTestMessagesLine, platformMessagesText, testEventsText } from '../../../../shared/livetest/message-counts';
import type { LiveTestResult } from '../../../../shared/livetest/live-test-result';

const TEST_EVENT = JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2026-01-01T00:00:00Z', Bucket: 'orders', RequestId: 'R', HostId: 'H' });

describe("S3's test events", () => {
  it("are recognised for their bucket only; the platform's messages and events are not test events", () => {
    expect(isTestEventFor(TEST_EVENT, 'orders')).toBe(true);
    expect(isTestEventFor(TEST_EVENT, 'invoices')).toBe(false);
    expect(isTestEventFor('{"platform":"data"}', 'orders')).toBe(false);
    expect(isTestEventFor('{"Records":[]}', 'orders')).toBe(false);
    expect(isTestEventFor('not json', 'orders')).toBe(false);
  });

  it("are said apart from the platform's messages, deleted on the own queue or handed back uncounted", () => {
    expect(testEventsText({ testEvents: 0, testEventsDeleted: 0 })).toBeNull();
    expect(testEventsText({ testEvents: 1, testEventsDeleted: 1 })).toBe(
      "1 s3:TestEvent message from S3, deleted from this setup's own queue (sent when a rule is written; not data)",
    );
    expect(testEventsText({ testEvents: 2, testEventsDeleted: 0 })).toContain('2 s3:TestEvent messages from S3, handed back');
  });
});

describe("the platform's messages", () => {
  it('are counted in words, released at once or held to the end under a redrive policy', () => {
    expect(platformMessagesText({ released: 0, held: 0, redriveMaxReceiveCount: null })).toBe('none received');
    expect(platformMessagesText({ released: 1, held: 0, redriveMaxReceiveCount: null })).toBe('1 message, each made visible again at once');
    expect(platformMessagesText({ released: 2, held: 1, redriveMaxReceiveCount: 3 })).toBe(
      '2 messages, each made visible again at once; 1 held until the end of the test, then made visible again (redrive policy: at most 3 receives)',
    );
  });

  it("make the doctor's line without the test events when there were none", () => {
    const base = { released: 0, held: 0, redriveMaxReceiveCount: null, testEvents: 0, testEventsDeleted: 0 } as unknown as LiveTestResult;
    expect(liveTestMessagesLine(base)).toBe("the platform's messages: none received");
    expect(liveTestMessagesLine({ ...base, testEvents: 1, testEventsDeleted: 1 })).toContain('; 1 s3:TestEvent message from S3, deleted');
  });
});
