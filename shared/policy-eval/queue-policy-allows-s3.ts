import { evaluatePolicies } from './evaluate-policies';
import type { PolicyDecision } from './policy-request';

/** Inputs of the queue policy check; `policy` is the SQS Policy attribute as returned (string or object). */
export interface QueuePolicyCheck {
  readonly policy: unknown;
  readonly queueArn: string;
  readonly bucketArn: string;
  readonly accountId: string;
}

/** Can S3 deliver events from this bucket of this account? S3 sends as s3.amazonaws.com with SourceArn/SourceAccount (docs/aws-behaviour.md#sqs-queue-policy). */
export function queuePolicyAllowsS3(check: QueuePolicyCheck): PolicyDecision {
  return evaluatePolicies([check.policy], {
    principal: { service: 's3.amazonaws.com' },
    action: 'sqs:SendMessage',
    resource: check.queueArn,
    context: { 'aws:SourceArn': check.bucketArn, 'aws:SourceAccount': check.accountId },
  });
}
