import { describe, expect, it } from 'vitest';
import { OperationReads, operationReadsMiddleware } from '../../../main/aws/operation-reads';
import { runInOperation } from '../../../main/aws/operation-scope';
import { RecentWrites } from '../../../main/aws/recent-writes';

/** A client's stack reduced to the middleware and a `next` that counts what reaches the wire. */
function sdkCall(clientKey = 'target-1') {
  const sent: string[] = [];
  const send = (commandName: string, input: object) => {
    const next = async (args: { input: object }) => {
      sent.push(`${commandName} ${JSON.stringify(args.input)}`);
      return { output: { n: sent.length }, response: {} };
    };
    const handler = operationReadsMiddleware('SQS', clientKey)(next as never, { commandName } as never);
    return handler({ input } as never) as unknown as Promise<{ output: { n: number } }>;
  };
  return { sent, send };
}

const inOperation = <T>(run: () => Promise<T>) =>
  runInOperation({ report: () => undefined, recentWrites: new RecentWrites(), reads: new OperationReads() }, run);

describe('one operation shares identical reads until it writes', () => {
  it('sends an identical read once, a different input or client separately', async () => {
    const a = sdkCall('target-1');
    const b = sdkCall('target-2');
    await inOperation(async () => {
      const [first, second] = await Promise.all([a.send('GetQueueUrlCommand', { QueueName: 'q' }), a.send('GetQueueUrlCommand', { QueueName: 'q' })]);
      expect(second).toBe(first);
      await a.send('GetQueueUrlCommand', { QueueName: 'other' });
      await b.send('GetQueueUrlCommand', { QueueName: 'q' });
    });
    expect(a.sent).toEqual(['GetQueueUrlCommand {"QueueName":"q"}', 'GetQueueUrlCommand {"QueueName":"other"}']);
    expect(b.sent).toHaveLength(1);
  });

  it('reads again after a write, and never shares a call that changes state (ReceiveMessage hides messages)', async () => {
    const c = sdkCall();
    await inOperation(async () => {
      await c.send('GetQueueAttributesCommand', { QueueUrl: 'u' });
      await c.send('SetQueueAttributesCommand', { QueueUrl: 'u' });
      await c.send('GetQueueAttributesCommand', { QueueUrl: 'u' });
      await c.send('ReceiveMessageCommand', { QueueUrl: 'u' });
      await c.send('ReceiveMessageCommand', { QueueUrl: 'u' });
      await c.send('GetQueueAttributesCommand', { QueueUrl: 'u' });
    });
    expect(c.sent.map((s) => s.split(' ')[0])).toEqual([
      'GetQueueAttributesCommand',
      'SetQueueAttributesCommand',
      'GetQueueAttributesCommand',
      'ReceiveMessageCommand',
      'ReceiveMessageCommand',
      'GetQueueAttributesCommand',
    ]);
  });

  it("keeps a queue's URL across writes that cannot change it, and asks again after a queue is created or deleted", async () => {
    const q = sdkCall();
    await inOperation(async () => {
      await q.send('GetQueueUrlCommand', { QueueName: 'q' });
      await q.send('SetQueueAttributesCommand', { QueueUrl: 'u' });
      await q.send('GetQueueUrlCommand', { QueueName: 'q' });
      await q.send('CreateQueueCommand', { QueueName: 'q' });
      await q.send('GetQueueUrlCommand', { QueueName: 'q' });
      await q.send('DeleteQueueCommand', { QueueUrl: 'u' });
      await q.send('GetQueueUrlCommand', { QueueName: 'q' });
    });
    expect(q.sent.map((s) => s.split(' ')[0])).toEqual([
      'GetQueueUrlCommand',
      'SetQueueAttributesCommand',
      'CreateQueueCommand',
      'GetQueueUrlCommand',
      'DeleteQueueCommand',
      'GetQueueUrlCommand',
    ]);
  });

  it("shares AWS's refusal of a read (the resource is missing either way) but not a network failure, and nothing between operations or outside one", async () => {
    const reads = new OperationReads();
    let asked = 0;
    const missing = () => {
      asked++;
      return Promise.reject(Object.assign(new Error('QueueDoesNotExist'), { $metadata: { httpStatusCode: 400 } }));
    };
    await expect(reads.share('GetQueueUrlCommand', 'k', missing)).rejects.toThrow('QueueDoesNotExist');
    await expect(reads.share('GetQueueUrlCommand', 'k', missing)).rejects.toThrow('QueueDoesNotExist');
    expect(asked).toBe(1);
    // A failure without an answer from AWS (a reset connection) is not kept: the next read asks again.
    let tried = 0;
    const reset = () => {
      tried++;
      return Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    };
    await expect(reads.share('GetRoleCommand', 'r', reset)).rejects.toThrow('socket hang up');
    await expect(reads.share('GetRoleCommand', 'r', reset)).rejects.toThrow('socket hang up');
    expect(tried).toBe(2);

    const d = sdkCall();
    await inOperation(() => d.send('GetRoleCommand', { RoleName: 'r' }));
    await inOperation(() => d.send('GetRoleCommand', { RoleName: 'r' }));
    await d.send('GetRoleCommand', { RoleName: 'r' });
    await d.send('GetRoleCommand', { RoleName: 'r' });
    expect(d.sent).toHaveLength(4);
  });
});
