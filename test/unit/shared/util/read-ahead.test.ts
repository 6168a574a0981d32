import { afterEach, describe, expect, it } from 'vitest';
import { readAhead } from '../../../../shared/util/read-ahead';

describe('readAhead', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
    unhandled.length = 0;
  });

  it('keeps a failure that happens before the await from being unhandled, and the await still sees it', async () => {
    process.on('unhandledRejection', onUnhandled);
    const failure = new Error('AccessDenied: sqs:GetQueueAttributes');
    const read = readAhead(Promise.reject(failure));
    // Another call runs meanwhile: several turns of the event loop before the read is awaited.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
    await expect(read).rejects.toBe(failure);
  });

  it('hands back the answer unchanged', async () => {
    expect(await readAhead(Promise.resolve(3))).toBe(3);
  });
});
