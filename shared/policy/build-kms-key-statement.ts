import type { PolicyStatement } from './policy-document';

/** The Sid of the wizard's statement in a customer managed key's policy; merges and removal find our statement by it. */
export const KMS_KEY_POLICY_SID = 'AllowS3ToUseTheKeyForSqsNotifications';

/**
 * Lets S3 use the queue's customer managed KMS key for one bucket of one account, so it can send events to the
 * encrypted queue (S3 User Guide, "AWS KMS key policy"; confused deputy guard as in the queue policy:
 * docs/aws-behaviour.md#sqs-queues).
 */
export function kmsKeyStatementForS3(bucketArn: string, accountId: string): PolicyStatement {
  return {
    Sid: KMS_KEY_POLICY_SID,
    Effect: 'Allow',
    Principal: { Service: 's3.amazonaws.com' },
    Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
    Resource: '*',
    Condition: { ArnLike: { 'aws:SourceArn': bucketArn }, StringEquals: { 'aws:SourceAccount': accountId } },
  };
}

/** The Sid of the statement that lets an SNS fan-out topic use the queue's key (the queue then receives from SNS). */
export const KMS_KEY_POLICY_SNS_SID = 'AllowSnsFanOutToUseTheKeyForSqs';

/**
 * Lets the fan-out topic's deliveries use the queue's customer managed key (SNS Developer Guide, "Encrypting messages
 * published to Amazon SNS with AWS KMS": sns.amazonaws.com needs kms:GenerateDataKey and kms:Decrypt), only for that topic.
 */
export function kmsKeyStatementForTopic(topicArn: string): PolicyStatement {
  return {
    Sid: KMS_KEY_POLICY_SNS_SID,
    Effect: 'Allow',
    Principal: { Service: 'sns.amazonaws.com' },
    Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
    Resource: '*',
    Condition: { ArnLike: { 'aws:SourceArn': topicArn } },
  };
}
