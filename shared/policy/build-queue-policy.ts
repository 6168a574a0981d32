import { bucketArn, partitionOfArn } from './arns';
import { servicePrincipal } from './partition';
import { POLICY_VERSION, type PolicyDocument, type PolicyStatement } from './policy-document';

/** The Sid the platform guide gives the S3 statement; merges find and replace our statement by it. */
export const QUEUE_POLICY_SID = 'AllowS3ToSendMessage';

/** Inputs of the queue policy (guide step 2). */
export interface QueuePolicyInput {
  readonly queueName: string;
  readonly queueArn: string;
  readonly bucket: string;
  readonly accountId: string;
}

/** Lets S3 send from one bucket of one account (confused deputy guard, guide step 2); the bucket and S3's principal follow the queue's partition. */
export function buildQueuePolicyStatement(input: QueuePolicyInput): PolicyStatement {
  const partition = partitionOfArn(input.queueArn);
  return {
    Sid: QUEUE_POLICY_SID,
    Effect: 'Allow',
    Principal: { Service: servicePrincipal('s3', partition) },
    Action: 'sqs:SendMessage',
    Resource: input.queueArn,
    Condition: {
      ArnLike: { 'aws:SourceArn': bucketArn(input.bucket, partition) },
      StringEquals: { 'aws:SourceAccount': input.accountId },
    },
  };
}

/** The queue policy document exactly as the platform guide's jq command builds it (Id "<queue>-policy"). */
export function buildQueuePolicy(input: QueuePolicyInput): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Id: `${input.queueName}-policy`,
    Statement: [buildQueuePolicyStatement(input)],
  };
}
