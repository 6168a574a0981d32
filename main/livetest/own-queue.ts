import { UNKNOWN_NEIGHBOURHOOD } from '../../shared/neighbours/neighbourhood';
import { queueIsOwn } from '../../shared/neighbours/queue-users';
import { listQueueTags } from '../aws/sqs';
import { listSetups } from '../store/setups';
import type { StepContext } from '../steps/step-context';

/**
 * Whether the queue is this setup's own (it created it, tagged it, or recorded its queue policy statement): only there
 * does the live test delete S3's test events, as the notification step does after its write; on a queue the setup
 * shares they are handed back to its consumers. Reads the saved record and the queue's tags only.
 */
export async function isOwnQueue(ctx: StepContext, queueUrl: string): Promise<boolean> {
  const [records, queueTags] = await Promise.all([listSetups(ctx.dataDir).catch(() => []), listQueueTags(ctx.target, queueUrl, ctx.signal).catch(() => null)]);
  const own = records.find((r) => r.setup.name === ctx.setup.name) ?? null;
  const neighbourhood = { ...UNKNOWN_NEIGHBOURHOOD, own: own ? { setup: own.setup, ownership: own.ownership ?? null } : null, queueTags };
  return queueIsOwn({ ...ctx, neighbourhood });
}
