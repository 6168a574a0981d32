import { partitionOfArn } from '../policy/arns';
import { servicePrincipal } from '../policy/partition';
import { evaluatePolicies } from './evaluate-policies';
import type { PolicyDecision } from './policy-request';
import { s3DeliveryContext } from './request-context';

/** Inputs of the queue policy check; `policy` is the SQS Policy attribute as returned (string or object). */
export interface QueuePolicyCheck {
  readonly policy: unknown;
  readonly queueArn: string;
  readonly bucketArn: string;
  /** The bucket owner's account (the setup's account). */
  readonly accountId: string;
}

/**
 * Can S3 deliver events from this bucket of this account? S3 sends as s3.amazonaws.com with the context a service
 * principal's call carries (docs/aws-behaviour.md#sqs-queue-policy).
 */
export function queuePolicyAllowsS3(check: QueuePolicyCheck): PolicyDecision {
  const queueAccount = check.queueArn.split(':')[4] ?? check.accountId;
  const s3 = servicePrincipal('s3', partitionOfArn(check.queueArn));
  return evaluatePolicies([{ name: 'queue policy', document: check.policy }], {
    principal: { service: s3 },
    action: 'sqs:SendMessage',
    resource: check.queueArn,
    context: s3DeliveryContext(check.bucketArn, check.accountId, queueAccount, new Date(), s3),
  });
}
