import { triageQueue, type QueueFacts } from '../../shared/steps/queue-triage';
import { createQueue, getQueueAttributes, getQueueUrl } from '../aws/sqs';
import type { StepDefinition } from './step-definition';

/** Seed step 1: create the standard queue, or reuse an existing one after checking it can receive S3 events. */
export const queueStep: StepDefinition = {
  id: 'queue',
  async read(ctx) {
    ctx.progress(`Looking up queue ${ctx.setup.queueName}`);
    const url = await getQueueUrl(ctx.target, ctx.setup.queueName, ctx.signal);
    if (!url) return { resource: ctx.queueArn, document: null, facts: { queueUrl: null, policy: null } };
    const attrs = await getQueueAttributes(ctx.target, url, ['All'], ctx.signal);
    const facts: QueueFacts = {
      QueueName: ctx.setup.queueName,
      QueueArn: attrs.QueueArn ?? ctx.queueArn,
      FifoQueue: attrs.FifoQueue ?? 'false',
      ...(attrs.SqsManagedSseEnabled ? { SqsManagedSseEnabled: attrs.SqsManagedSseEnabled } : {}),
      ...(attrs.KmsMasterKeyId ? { KmsMasterKeyId: attrs.KmsMasterKeyId } : {}),
    };
    return { resource: url, document: facts, facts: { queueUrl: url, policy: attrs.Policy ?? null } };
  },
  propose(live, ctx) {
    if (live.document === null) {
      const proposed: QueueFacts = { QueueName: ctx.setup.queueName, QueueArn: ctx.queueArn, FifoQueue: 'false' };
      return { ok: true, document: proposed, summary: [{ kind: 'added', label: `Standard queue ${ctx.setup.queueName}` }], changed: true, notes: [], warnings: [] };
    }
    const triage = triageQueue(live.document as QueueFacts, live.facts.policy ?? null, ctx);
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
  async write(_proposed, _live, ctx) {
    ctx.progress(`Creating queue ${ctx.setup.queueName}`);
    await createQueue(ctx.target, ctx.setup.queueName, {}, ctx.signal);
    return 'created';
  },
};
