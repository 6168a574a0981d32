import { apiError } from '../../../shared/contract/api-error';
import { createdByThisSetup } from '../../../shared/neighbours/neighbour-setups';
import { describeNeighbours } from '../../../shared/neighbours/neighbourhood';
import { dedicatedQueueName, otherQueuePolicyStatements, otherQueueUsers } from '../../../shared/neighbours/queue-users';
import { ownerTags } from '../../../shared/setup/ownership';
import { triageQueue, type QueueFacts } from '../../../shared/steps/queue-triage';
import { countOf } from '../../../shared/util/count-of';
import { createQueue, deleteQueue, getQueueAttributes, getQueueUrl } from '../../aws/sqs';
import { nameInResource } from '../resource-name';
import type { PlanContext } from '../step-context';
import type { StepDefinition } from '../step-definition';

/** What the queue step reads besides the queue's facts: its name, URL, policy (who else it serves) and how many messages it holds. */
interface QueueReadFacts {
  readonly queueName: string;
  readonly queueUrl: string | null;
  readonly policy: string | null;
  readonly messages: number;
}

/** Messages in the queue: visible, in flight and delayed (GetQueueAttributes "Approximate*" counts). */
function messageCount(attrs: Readonly<Record<string, string>>): number {
  return ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'].reduce(
    (sum, name) => sum + (Number(attrs[name] ?? 0) || 0),
    0,
  );
}

/** The refusal when the queue serves someone else: the platform guide asks for a dedicated queue per data source. */
function takenQueue(ctx: PlanContext, users: string) {
  return apiError(
    'CONFLICT',
    `Queue ${ctx.setup.queueName} is used by ${users}. The platform guide asks for a dedicated queue per data source, and this setup would take it over.`,
    { fix: `Choose another queue name for this setup (Edit scope), e.g. ${dedicatedQueueName(ctx.setup)}; the wizard creates it.` },
  );
}

/** Platform guide step 1: create the standard queue (tagged with the setup), or reuse an existing one after checking it can receive S3 events and serves nobody else. */
export const queueStep: StepDefinition<QueueFacts, QueueReadFacts> = {
  id: 'queue',
  // A queue its write creates gets the setup's tags.
  changesNeighbourhood: ['queueTags'],
  resource: (ctx) => ctx.queueArn,
  async read(call, resource) {
    const queueName = nameInResource(resource, 'queue');
    call.progress(`Looking up queue ${queueName}`);
    const queueUrl = await getQueueUrl(call.target, queueName, call.signal);
    if (!queueUrl) return { resource, document: null, facts: { queueName, queueUrl: null, policy: null, messages: 0 } };
    const attrs = await getQueueAttributes(call.target, queueUrl, ['All'], call.signal);
    const document: QueueFacts = {
      QueueName: queueName,
      QueueArn: attrs.QueueArn ?? resource,
      FifoQueue: attrs.FifoQueue ?? 'false',
      ...(attrs.SqsManagedSseEnabled ? { SqsManagedSseEnabled: attrs.SqsManagedSseEnabled } : {}),
      ...(attrs.KmsMasterKeyId ? { KmsMasterKeyId: attrs.KmsMasterKeyId } : {}),
    };
    return { resource: queueUrl, document, facts: { queueName, queueUrl, policy: attrs.Policy ?? null, messages: messageCount(attrs) } };
  },
  offlineLive: (ctx) => ({ resource: ctx.queueArn, document: null, facts: { queueName: ctx.setup.queueName, queueUrl: null, policy: null, messages: 0 } }),
  propose(live, ctx) {
    if (live.document === null) {
      const proposed: QueueFacts = { QueueName: ctx.setup.queueName, QueueArn: ctx.queueArn, FifoQueue: 'false', Tags: ownerTags(ctx.setup) };
      return {
        ok: true,
        document: proposed,
        summary: [{ kind: 'added', label: `Standard queue ${ctx.setup.queueName}, tagged with this setup` }],
        changed: true,
        notes: [],
        warnings: [],
      };
    }
    const users = otherQueueUsers(ctx, live.facts.policy);
    if (users.length > 0) return { ok: false, error: takenQueue(ctx, describeNeighbours(users)) };
    const triage = triageQueue(live.document, live.facts.policy);
    if (triage.error) return { ok: false, error: triage.error };
    return {
      ok: true,
      document: live.document,
      summary: [{ kind: 'unchanged', label: `Standard queue ${ctx.setup.queueName} (reused)` }],
      changed: false,
      notes: ['The queue exists and can receive S3 events; it is reused as it is.', ...triage.notes],
      warnings: triage.warnings,
    };
  },
  proposeRemoval(live, ctx, options) {
    if (live.document === null) return { kind: 'keep', notes: ['The queue does not exist.'] };
    const n = ctx.neighbourhood;
    if (!createdByThisSetup(ctx.setup, n, n.own?.ownership?.queue?.created, n.queueTags)) {
      return { kind: 'keep', notes: ['Kept: this setup did not create the queue (it was there before), so remove leaves it.'] };
    }
    const users = otherQueueUsers(ctx, live.facts.policy);
    if (users.length > 0) return { kind: 'keep', notes: [`Kept: the queue is also used by ${describeNeighbours(users)}.`] };
    const statements = otherQueuePolicyStatements(ctx, live.facts.policy);
    if (statements.length > 0) {
      const note = `Kept: the queue policy holds statements that are not this setup's, so someone else uses the queue: ${statements.map((s) => s.who).join('; ')}. Only this setup's statement is taken out of the policy (see Queue policy).`;
      return { kind: 'keep', notes: [note] };
    }
    const { messages } = live.facts;
    if (messages > 0 && !options.deleteQueueWithMessages) {
      const question = `Queue ${ctx.setup.queueName} still holds ${countOf(messages, 'message')}. Delete the queue with ${messages === 1 ? 'it' : 'them'}?`;
      return {
        kind: 'keep',
        notes: [`Kept: the queue still holds ${countOf(messages, 'message')} the platform may not have read yet.`],
        choice: { flag: 'deleteQueueWithMessages', question },
      };
    }
    const withMessages = messages > 0 ? ` and its ${countOf(messages, 'message')}` : '';
    return {
      kind: 'write',
      document: null,
      summary: [{ kind: 'removed', label: `Queue ${ctx.setup.queueName}${withMessages} (created by this setup)` }],
      notes: [],
    };
  },
  async write(call, live, document) {
    const { queueName, queueUrl } = live.facts;
    if (document === null) {
      call.progress(`Deleting queue ${queueName}`);
      if (queueUrl) await deleteQueue(call.target, queueUrl, call.signal);
      return 'updated';
    }
    call.progress(`Creating queue ${queueName}`);
    await createQueue(call.target, queueName, {}, call.signal, document.Tags ?? {});
    return 'created';
  },
  owns: (ctx, created) => ({ queue: { name: ctx.setup.queueName, created } }),
  deletionIsEventual: true,
};
