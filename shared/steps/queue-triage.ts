import { apiError, type ApiError } from '../contract/api-error';
import { parsePolicyDocument } from '../diff/parse-policy-document';
import { statementsOf } from '../policy/merge-statements-by-sid';
import { QUEUE_POLICY_SID } from '../policy/build-queue-policy';

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

/** True for a KmsMasterKeyId naming SQS's AWS managed key (alias/aws/sqs, or its alias ARN). */
export function namesAwsManagedSqsKey(keyId: string): boolean {
  return /(^|:|\/)alias\/aws\/sqs$/.test(keyId);
}

/**
 * The refusal for a queue encrypted with an AWS managed key: its key policy cannot be changed, so S3 can never use the
 * key (docs/aws-behaviour.md#sqs-queues). The queue step (by alias) and the KMS key policy step (by DescribeKey) share it.
 */
export function awsManagedKeyRefusal(queueName: string, keyId: string): ApiError {
  const named = namesAwsManagedSqsKey(keyId) ? 'alias/aws/sqs' : keyId;
  return apiError('CONFLICT', `Queue ${queueName} is encrypted with the AWS managed key ${named}, whose key policy cannot let S3 encrypt messages.`, {
    fix: 'Switch the queue to SSE-SQS (SqsManagedSseEnabled) or to a customer managed KMS key, or use another queue.',
  });
}

/** Verdict on an existing queue: a reason it cannot be used, warnings the admin should read, and notes. */
export interface QueueTriage {
  readonly error: ApiError | null;
  readonly warnings: ReadonlyArray<string>;
  readonly notes: ReadonlyArray<string>;
}

/**
 * Whether an existing queue can receive S3 events: FIFO queues cannot (docs/aws-behaviour.md#sqs-queues); SSE-KMS with the AWS managed key
 * alias/aws/sqs cannot (its key policy cannot be changed); a customer managed key needs a key-policy statement, which
 * the KMS key policy step plans; other statements in the queue policy mean the queue is shared, while the platform
 * guide asks for a dedicated queue.
 */
export function triageQueue(facts: QueueFacts, policy: string | null): QueueTriage {
  if (facts.FifoQueue === 'true' || facts.QueueName.endsWith('.fifo')) {
    return {
      error: apiError('CONFLICT', `Queue ${facts.QueueName} is a FIFO queue: S3 event notifications cannot be sent to FIFO queues.`, {
        fix: 'Choose a standard queue name (without .fifo); the wizard will create it.',
      }),
      warnings: [],
      notes: [],
    };
  }
  const key = facts.KmsMasterKeyId;
  if (key && namesAwsManagedSqsKey(key)) return { error: awsManagedKeyRefusal(facts.QueueName, key), warnings: [], notes: [] };
  const notes = key ? [`The queue is encrypted with the KMS key ${key}: the KMS key policy step lets S3 use it.`] : [];
  const warnings: string[] = [];
  const others = otherStatementLabels(policy);
  if (others.length > 0) {
    warnings.push(
      `The queue policy has ${others.length} other statement(s) (${others.join(', ')}): the queue seems shared with other sources. The platform's guide asks for a dedicated queue per data source.`,
    );
  }
  return { error: null, warnings, notes };
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
