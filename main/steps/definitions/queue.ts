import { triageQueue, type QueueFacts } from '../../../shared/steps/queue-triage';
import { createQueue, getQueueAttributes, getQueueUrl } from '../../aws/sqs';
import { nameInResource } from '../resource-name';
import type { StepDefinition } from '../step-definition';

/** What the queue step reads besides the queue's facts: its name, URL and policy (for the shared-queue warning). */
interface QueueReadFacts {
  readonly queueName: string;
  readonly queueUrl: string | null;
  readonly policy: string | null;
}

/** Platform guide step 1: create the standard queue, or reuse an existing one after checking it can receive S3 events. */
export const queueStep: StepDefinition<QueueFacts, QueueReadFacts> = {
  id: 'queue',
  resource: (ctx) => ctx.queueArn,
  async read(call, resource) {
    const queueName = nameInResource(resource, 'queue');
    call.progress(`Looking up queue ${queueName}`);
    const queueUrl = await getQueueUrl(call.target, queueName, call.signal);
    if (!queueUrl) return { resource, document: null, facts: { queueName, queueUrl: null, policy: null } };
    const attrs = await getQueueAttributes(call.target, queueUrl, ['All'], call.signal);
    const document: QueueFacts = {
      QueueName: queueName,
      QueueArn: attrs.QueueArn ?? resource,
      FifoQueue: attrs.FifoQueue ?? 'false',
      ...(attrs.SqsManagedSseEnabled ? { SqsManagedSseEnabled: attrs.SqsManagedSseEnabled } : {}),
      ...(attrs.KmsMasterKeyId ? { KmsMasterKeyId: attrs.KmsMasterKeyId } : {}),
    };
    return { resource: queueUrl, document, facts: { queueName, queueUrl, policy: attrs.Policy ?? null } };
  },
  offlineLive: (ctx) => ({ resource: ctx.queueArn, document: null, facts: { queueName: ctx.setup.queueName, queueUrl: null, policy: null } }),
  propose(live, ctx) {
    if (live.document === null) {
      const proposed: QueueFacts = { QueueName: ctx.setup.queueName, QueueArn: ctx.queueArn, FifoQueue: 'false' };
      return {
        ok: true,
        document: proposed,
        summary: [{ kind: 'added', label: `Standard queue ${ctx.setup.queueName}` }],
        changed: true,
        notes: [],
        warnings: [],
      };
    }
    const triage = triageQueue(live.document, live.facts.policy, ctx);
    if (triage.error) return { ok: false, error: triage.error };
    return {
      ok: true,
      document: live.document,
      summary: [{ kind: 'unchanged', label: `Standard queue ${ctx.setup.queueName} (reused)` }],
      changed: false,
      notes: ['The queue exists and can receive S3 events; it is reused as it is.'],
      warnings: triage.warnings,
    };
  },
  async write(call, live) {
    call.progress(`Creating queue ${live.facts.queueName}`);
    await createQueue(call.target, live.facts.queueName, {}, call.signal);
    return 'created';
  },
};
