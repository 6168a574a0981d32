import { bucketArn, parseArn, partitionOfArn } from '../policy/arns';
import { POLICY_VERSION, type PolicyDocument, type PolicyStatement } from '../policy/policy-document';

/** The Sid of the topic policy statement that lets S3 publish (merges find and replace it by Sid). */
export const TOPIC_POLICY_SID = 'AllowS3ToPublish';

/** The Sid prefix of the statement that lets the fan-out topic send to a queue (one per topic: the topic's name follows). */
export const TOPIC_TO_QUEUE_SID_PREFIX = 'AllowFanOutTopic';

/** The statement id the wizard gives the Lambda permission that lets the fan-out topic invoke a function. */
export const TOPIC_TO_FUNCTION_STATEMENT_ID = 'sqs-s3-wizard-fan-out';

/** The fan-out topic's name for a bucket: SNS names allow letters, digits, "-" and "_" (a bucket's dots become "-"). */
export function fanOutTopicName(bucket: string): string {
  return `${bucket.replace(/\./g, '-')}-s3-events-fan-out`.slice(0, 256);
}

/** The topic's ARN in the bucket's Region and the setup's account. */
export function fanOutTopicArn(bucket: string, region: string, account: string, partition: string): string {
  return `arn:${partition}:sns:${region}:${account}:${fanOutTopicName(bucket)}`;
}

/**
 * Lets S3 publish events of this bucket of this account to the topic (S3 User Guide, "Granting permissions to publish
 * event notification messages to a destination": aws:SourceArn and aws:SourceAccount guard the confused deputy).
 */
export function buildTopicPolicy(topicArn: string, bucket: string, accountId: string): PolicyDocument {
  const statement: PolicyStatement = {
    Sid: TOPIC_POLICY_SID,
    Effect: 'Allow',
    Principal: { Service: 's3.amazonaws.com' },
    Action: 'sns:Publish',
    Resource: topicArn,
    Condition: { ArnLike: { 'aws:SourceArn': bucketArn(bucket, partitionOfArn(topicArn)) }, StringEquals: { 'aws:SourceAccount': accountId } },
  };
  return { Version: POLICY_VERSION, Id: `${parseArn(topicArn)?.resource ?? 'topic'}-policy`, Statement: [statement] };
}

/** The Sid of the statement letting one topic send to a queue (SQS Sids allow letters and digits only). */
export function topicToQueueSid(topicArn: string): string {
  return `${TOPIC_TO_QUEUE_SID_PREFIX}${(parseArn(topicArn)?.resource ?? '').replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 100);
}

/**
 * Lets the fan-out topic send to a queue (SNS Developer Guide, "Sending Amazon SNS messages to an Amazon SQS queue":
 * sns.amazonaws.com, sqs:SendMessage, aws:SourceArn = the topic). Added beside the queue's existing statements.
 */
export function buildTopicToQueuePolicy(topicArn: string, queueArn: string): PolicyDocument {
  const statement: PolicyStatement = {
    Sid: topicToQueueSid(topicArn),
    Effect: 'Allow',
    Principal: { Service: 'sns.amazonaws.com' },
    Action: 'sqs:SendMessage',
    Resource: queueArn,
    Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
  };
  return { Version: POLICY_VERSION, Statement: [statement] };
}
