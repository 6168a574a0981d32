import { evaluatePolicies } from './evaluate-policies';
import type { PolicyDecision } from './policy-request';
import { s3DeliveryContext, snsDeliveryContext } from './request-context';

/** The account in an ARN (its fifth field). */
function accountOf(arn: string, fallback: string): string {
  return arn.split(':')[4] || fallback;
}

/** Can S3 publish this bucket's events to the fan-out topic (the topic policy, with the context S3 supplies)? */
export function topicPolicyAllowsS3(input: {
  readonly policy: unknown;
  readonly topicArn: string;
  readonly bucketArn: string;
  readonly accountId: string;
}): PolicyDecision {
  return evaluatePolicies([{ name: 'topic policy', document: input.policy }], {
    principal: { service: 's3.amazonaws.com' },
    action: 'sns:Publish',
    resource: input.topicArn,
    context: s3DeliveryContext(input.bucketArn, input.accountId, accountOf(input.topicArn, input.accountId)),
  });
}

/** Can the topic deliver to the queue (the queue policy, with the context SNS supplies: the topic as aws:SourceArn)? */
export function queuePolicyAllowsTopic(input: {
  readonly policy: unknown;
  readonly queueArn: string;
  readonly topicArn: string;
  readonly accountId: string;
}): PolicyDecision {
  return evaluatePolicies([{ name: 'queue policy', document: input.policy }], {
    principal: { service: 'sns.amazonaws.com' },
    action: 'sqs:SendMessage',
    resource: input.queueArn,
    context: snsDeliveryContext(input.topicArn, accountOf(input.topicArn, input.accountId), accountOf(input.queueArn, input.accountId)),
  });
}
