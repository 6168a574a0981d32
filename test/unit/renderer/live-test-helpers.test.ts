import { describe, expect, it } from 'vitest';
import { fixStepOf } from '../../../renderer/src/livetest/fix-step';
import { messagesSeenOf, parseTimeout } from '../../../renderer/src/livetest/live-test-timeout';

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

describe('messagesSeenOf', () => {
  it('reads the count from the back end progress line', () => {
    expect(messagesSeenOf('Waiting for the event: 3.2 s, 4 message(s) seen')).toBe(4);
    expect(messagesSeenOf('Uploading s3://b/k')).toBeNull();
    expect(messagesSeenOf(null)).toBeNull();
  });
});

describe('fixStepOf', () => {
  it('finds the step named in the back end diagnoses and fixes', () => {
    expect(fixStepOf('Apply the bucket notification step again (it adds the rule and keeps the others).')).toBe('bucketNotification');
    expect(fixStepOf("Make the setup's prefix/suffix and the rule agree: apply the bucket notification step again.")).toBe('bucketNotification');
    expect(fixStepOf('Check the bucket notification configuration.')).toBe('bucketNotification');
    expect(fixStepOf('Apply the queue policy step again.')).toBe('queuePolicy');
    expect(fixStepOf('Add the key-policy statement shown in the queue step to the key policy, or switch the queue to SSE-SQS.')).toBe('queue');
    expect(fixStepOf("Use a queue in eu-west-1 (set the setup's Region to it and apply again).")).toBe('scope');
  });

  it('offers no step when the fix names none', () => {
    expect(fixStepOf('Run the live test again with a longer timeout.')).toBeNull();
    expect(fixStepOf(null)).toBeNull();
  });
});
