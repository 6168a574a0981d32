import { apiError, type ApiError } from '../contract/api-error';
import { parsePolicyDocument } from '../diff/parse-policy-document';
import { statementsOf } from '../policy/merge-statements-by-sid';
import { QUEUE_POLICY_SID } from '../policy/build-queue-policy';
import { partitionOfArn } from '../policy/arns';
import { servicePrincipal } from '../policy/partition';

/** The queue facts the wizard shows and checks (GetQueueAttributes names). */
export interface QueueFacts {
  readonly QueueName: string;
  readonly QueueArn: string;
  readonly FifoQueue: string;
  readonly SqsManagedSseEnabled?: string;
  readonly KmsMasterKeyId?: string;
  /** The tags of a queue the wizard creates (the setup's name, bucket and scope); not read back for existing queues. */
  readonly Tags?: Readonly<Record<string, string>>;
}

/** The key-policy statement a customer managed KMS key needs so S3 can send to the encrypted queue (docs/aws-behaviour.md#sqs-queues). */
export function kmsKeyStatementForS3(bucketArn: string, accountId: string) {
  return {
    Sid: 'AllowS3ToUseTheKeyForSqsNotifications',
    Effect: 'Allow',
    Principal: { Service: servicePrincipal('s3', partitionOfArn(bucketArn)) },
    Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
    Resource: '*',
    Condition: { ArnLike: { 'aws:SourceArn': bucketArn }, StringEquals: { 'aws:SourceAccount': accountId } },
  } as const;
}

/** Verdict on an existing queue: a reason it cannot be used, and warnings the admin should read. */
export interface QueueTriage {
  readonly error: ApiError | null;
  readonly warnings: ReadonlyArray<string>;
}

/**
 * Whether an existing queue can receive S3 events: FIFO queues cannot (docs/aws-behaviour.md#sqs-queues); SSE-KMS with the AWS managed key
 * alias/aws/sqs cannot (its key policy cannot be changed); a customer managed key needs a key-policy statement; other
 * statements in the queue policy mean the queue is shared, while the platform guide asks for a dedicated queue.
 */
export function triageQueue(facts: QueueFacts, policy: string | null, ctx: { bucketArn: string; bucketOwner: string }): QueueTriage {
  if (facts.FifoQueue === 'true' || facts.QueueName.endsWith('.fifo')) {
    return {
      error: apiError('CONFLICT', `Queue ${facts.QueueName} is a FIFO queue: S3 event notifications cannot be sent to FIFO queues.`, {
        fix: 'Choose a standard queue name (without .fifo); the wizard will create it.',
      }),
      warnings: [],
    };
  }
  const key = facts.KmsMasterKeyId;
  if (key && /(^|:|\/)alias\/aws\/sqs$/.test(key)) {
    return {
      error: apiError(
        'CONFLICT',
        `Queue ${facts.QueueName} is encrypted with the AWS managed key alias/aws/sqs, whose key policy cannot let S3 encrypt messages.`,
        {
          fix: 'Switch the queue to SSE-SQS (SqsManagedSseEnabled) or to a customer managed KMS key, or use another queue.',
        },
      ),
      warnings: [],
    };
  }
  const warnings: string[] = [];
  if (key) {
    warnings.push(
      `Queue ${facts.QueueName} uses the customer managed KMS key ${key}. Its key policy must contain this statement, or S3 cannot deliver events: ${JSON.stringify(kmsKeyStatementForS3(ctx.bucketArn, ctx.bucketOwner))}`,
    );
  }
  const others = otherStatementLabels(policy);
  if (others.length > 0) {
    warnings.push(
      `The queue policy has ${others.length} other statement(s) (${others.join(', ')}): the queue seems shared with other sources. The platform's guide asks for a dedicated queue per data source.`,
    );
  }
  return { error: null, warnings };
}

function otherStatementLabels(policy: string | null): ReadonlyArray<string> {
  if (!policy) return [];
  const parsed = parsePolicyDocument(policy);
  if (!parsed.ok) return [];
  const statements = statementsOf(parsed.value) ?? [];
  return statements.flatMap((s, i) => {
    const sid = typeof s === 'object' && s !== null ? (s as { Sid?: unknown }).Sid : undefined;
    return sid === QUEUE_POLICY_SID ? [] : [typeof sid === 'string' ? sid : `Statement[${i}]`];
  });
}
