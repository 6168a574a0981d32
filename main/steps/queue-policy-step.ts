import { apiError, ApiFailure } from '../../shared/contract/api-error';
import { buildQueuePolicy } from '../../shared/policy/build-queue-policy';
import { mergeQueuePolicy } from '../../shared/policy/merge-queue-policy';
import { queuePolicyAllowsS3 } from '../../shared/policy-eval/queue-policy-allows-s3';
import { getQueueAttributes, getQueueUrl, setQueuePolicy } from '../aws/sqs';
import type { StepDefinition } from './step-definition';

/** Seed step 2: let S3 send from this bucket and account, keeping every other statement of the queue policy. */
export const queuePolicyStep: StepDefinition = {
  id: 'queuePolicy',
  async read(ctx) {
    ctx.progress(`Reading the policy of queue ${ctx.setup.queueName}`);
    const url = await getQueueUrl(ctx.target, ctx.setup.queueName, ctx.signal);
    if (!url) return { resource: ctx.queueArn, document: null, facts: { queueUrl: null } };
    const attrs = await getQueueAttributes(ctx.target, url, ['Policy'], ctx.signal);
    const policy = attrs.Policy && attrs.Policy.trim() ? attrs.Policy : null;
    return { resource: ctx.queueArn, document: policy, facts: { queueUrl: url } };
  },
  propose(live, ctx) {
    const ours = buildQueuePolicy({ queueName: ctx.setup.queueName, queueArn: ctx.queueArn, bucket: ctx.setup.bucket, accountId: ctx.accountId });
    const merged = mergeQueuePolicy(live.document, ours);
    if (!merged.ok) return merged;
    // Other statements are kept as they are, so an explicit Deny for S3 still wins after our Allow is added.
    const s3 = queuePolicyAllowsS3({ policy: merged.document, queueArn: ctx.queueArn, bucketArn: ctx.bucketArn, accountId: ctx.accountId });
    const warnings = s3.allowed
      ? []
      : [`Even after this change S3 may not send from ${ctx.bucketArn}: ${s3.reason} This step keeps other statements as they are: remove or narrow ${s3.decidedBy ?? 'that statement'} in the queue policy yourself.`];
    return { ...merged, warnings };
  },
  async write(proposed, live, ctx) {
    const url = live.facts.queueUrl;
    if (!url) {
      throw new ApiFailure(apiError('NOT_FOUND', `Queue ${ctx.setup.queueName} does not exist yet.`, { fix: 'Apply the queue step first, then this one.' }));
    }
    ctx.progress(`Writing the policy of queue ${ctx.setup.queueName}`);
    await setQueuePolicy(ctx.target, url, JSON.stringify(proposed), ctx.signal);
    return live.document === null ? 'created' : 'updated';
  },
};
