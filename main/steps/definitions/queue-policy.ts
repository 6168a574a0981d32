import { apiError, ApiFailure } from '../../../shared/contract/api-error';
import type { JsonObject } from '../../../shared/diff/json-object';
import { isJsonObject } from '../../../shared/diff/json-object';
import { conditionValues, s3SourcesOf } from '../../../shared/neighbours/policy-statements';
import { dedicatedQueueName, queueIsOwn } from '../../../shared/neighbours/queue-users';
import { buildQueuePolicy, QUEUE_POLICY_SID } from '../../../shared/policy/build-queue-policy';
import { mergeQueuePolicy } from '../../../shared/policy/merge-queue-policy';
import { withoutOurStatements } from '../../../shared/policy/remove-ours';
import { buildTopicToQueuePolicy, topicToQueueSid } from '../../../shared/fanout/fan-out-policies';
import { fanOutChoiceOf } from './sns-fan-out';
import { queuePolicyAllowsS3 } from '../../../shared/policy-eval/queue-policy-allows-s3';
import { getQueueAttributes, getQueueUrl, setQueuePolicy } from '../../aws/sqs';
import { nameInResource } from '../resource-name';
import type { StepDefinition } from '../step-definition';

/** The queue whose Policy attribute the step reads and writes. */
interface QueuePolicyFacts {
  readonly queueName: string;
  readonly queueUrl: string | null;
}

/** The Policy attribute: JSON text as SQS returns it, or the merged document the step proposes. */
type QueuePolicy = string | JsonObject;

/** Platform guide step 2: let S3 send from this bucket and account, keeping every other statement of the queue policy. */
export const queuePolicyStep: StepDefinition<QueuePolicy, QueuePolicyFacts> = {
  id: 'queuePolicy',
  changesNeighbourhood: [],
  resource: (ctx) => ctx.queueArn,
  async read(call, resource) {
    const queueName = nameInResource(resource, 'queue');
    call.progress(`Reading the policy of queue ${queueName}`);
    const queueUrl = await getQueueUrl(call.target, queueName, call.signal);
    if (!queueUrl) return { resource, document: null, facts: { queueName, queueUrl: null } };
    // All, as the queue steps ask: within one operation the same read answers them all (main/aws/operation-reads.ts).
    const attrs = await getQueueAttributes(call.target, queueUrl, ['All'], call.signal);
    const policy = attrs.Policy && attrs.Policy.trim() ? attrs.Policy : null;
    return { resource, document: policy, facts: { queueName, queueUrl } };
  },
  offlineLive: (ctx) => ({ resource: ctx.queueArn, document: null, facts: { queueName: ctx.setup.queueName, queueUrl: null } }),
  propose(live, ctx) {
    // Our Sid serving another bucket on a queue that is not ours is a neighbour's statement: replacing it cuts that bucket off.
    const taken = queueIsOwn(ctx) ? [] : s3SourcesOf(live.document).filter((s) => s.sid === QUEUE_POLICY_SID && s.sourceArn !== ctx.bucketArn);
    if (taken.length > 0) {
      const error = apiError(
        'CONFLICT',
        `Statement ${QUEUE_POLICY_SID} of the queue policy lets ${taken.map((t) => t.sourceArn).join(', ')} send to queue ${ctx.setup.queueName}: another data source uses this queue, and replacing the statement would stop its events.`,
        { fix: `Choose another queue name for this setup (Edit scope), e.g. ${dedicatedQueueName(ctx.setup)}.` },
      );
      return { ok: false, error };
    }
    const built = buildQueuePolicy({ queueName: ctx.setup.queueName, queueArn: ctx.queueArn, bucket: ctx.setup.bucket, accountId: ctx.bucketOwner });
    // With an SNS fan-out the events arrive from the topic: it is allowed beside S3 (kept for when the fan-out is undone).
    const choice = fanOutChoiceOf(ctx);
    const ours =
      choice.kind === 'design'
        ? { ...built, Statement: [...built.Statement, ...buildTopicToQueuePolicy(choice.design.topicArn, ctx.queueArn).Statement] }
        : built;
    const merged = mergeQueuePolicy(live.document, ours);
    if (!merged.ok) return merged;
    // Other statements are kept as they are, so an explicit Deny for S3 still wins after our Allow is added.
    const s3 = queuePolicyAllowsS3({ policy: merged.document, queueArn: ctx.queueArn, bucketArn: ctx.bucketArn, accountId: ctx.bucketOwner });
    const warnings = s3.allowed
      ? []
      : [
          `Even after this change S3 may not send from ${ctx.bucketArn}: ${s3.reason} This step keeps other statements as they are: remove or narrow ${s3.decidedBy ?? 'that statement'} in the queue policy yourself.`,
        ];
    return { ...merged, warnings };
  },
  proposeRemoval(live, ctx) {
    // Only our Sid, and only while it still lets this setup's bucket send: a statement for another bucket is someone else's.
    const fanOut = ctx.neighbourhood.own?.ownership?.fanOut ?? null;
    const isOurs = (s: unknown) =>
      isJsonObject(s) &&
      ((s['Sid'] === QUEUE_POLICY_SID && conditionValues(s, 'aws:SourceArn').includes(ctx.bucketArn)) ||
        (fanOut !== null && s['Sid'] === topicToQueueSid(fanOut.topicArn)));
    const removal = withoutOurStatements(live.document, isOurs, 'queue policy');
    if (!removal.ok) return { kind: 'blocked', error: removal.error };
    if (!removal.removed) return { kind: 'keep', notes: [`The queue policy has no statement ${QUEUE_POLICY_SID} for ${ctx.bucketArn}.`] };
    const notes = removal.document === null ? ['No other statement remains, so the queue policy is removed.'] : ['Every other statement is kept as it is.'];
    return { kind: 'write', document: removal.document, summary: removal.summary, notes };
  },
  async write(call, live, document) {
    const { queueName, queueUrl } = live.facts;
    if (!queueUrl) {
      throw new ApiFailure(apiError('NOT_FOUND', `Queue ${queueName} does not exist yet.`, { fix: 'Apply the queue step first, then this one.' }));
    }
    call.progress(`Writing the policy of queue ${queueName}`);
    // The Policy attribute is JSON text; an empty one removes the policy (a restore of "there was none", or a remove).
    await setQueuePolicy(call.target, queueUrl, document === null ? '' : typeof document === 'string' ? document : JSON.stringify(document), call.signal);
    return live.document === null ? 'created' : 'updated';
  },
  owns: () => ({ queuePolicySid: QUEUE_POLICY_SID }),
};
