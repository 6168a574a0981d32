import { isTestEventFor } from '../../shared/livetest/classify-message';
import { readAhead } from '../../shared/util/read-ahead';
import { getQueueUrl, receiveMessages } from '../aws/sqs';
import { ForeignMessages } from '../livetest/foreign-messages';
import { readMaxReceiveCount } from '../livetest/redrive-limit';
import { deleteTestMessage } from '../livetest/release-or-delete';
import type { StepContext } from './step-context';

/** How long to look for S3's test event after the notification write (moto delivers it at once; AWS within seconds). */
const LOOK_FOR_MS = 3_000;

/**
 * After the wizard writes its notification rule, S3 sends an s3:TestEvent to the queue. On the setup's own dedicated
 * queue the wizard deletes it, so the platform never reads it as data and the queue is empty again; any other message
 * is handed back at once (held until the end when a redrive policy counts receives). Returns how many it deleted.
 */
export async function clearTestEvents(ctx: StepContext): Promise<number> {
  const queueUrl = await getQueueUrl(ctx.target, ctx.setup.queueName, ctx.signal);
  if (!queueUrl) return 0;
  ctx.progress(`Removing S3's test event from queue ${ctx.setup.queueName}`);
  // Read during the first receive: only another team's message, handed back, needs the queue's redrive limit.
  const maxReceiveCount = readAhead(readMaxReceiveCount(ctx.target, queueUrl, ctx.signal));
  const deadline = Date.now() + LOOK_FOR_MS;
  const others = new ForeignMessages(ctx.target, queueUrl, maxReceiveCount, deadline);
  let deleted = 0;
  try {
    while (deleted === 0 && Date.now() < deadline) {
      const messages = await receiveMessages(ctx.target, queueUrl, { maxMessages: 10, waitTimeSeconds: 1, visibilityTimeout: 30 }, ctx.signal);
      for (const m of messages) {
        if (isTestEventFor(m.body, ctx.setup.bucket)) {
          await deleteTestMessage(ctx.target, queueUrl, m.receiptHandle, ctx.signal);
          deleted++;
        } else await others.handle(m, ctx.signal);
      }
    }
  } finally {
    await others.releaseHeld();
  }
  return deleted;
}
