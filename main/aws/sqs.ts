import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueueTagsCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  type QueueAttributeName,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { queueArnOf } from '../../shared/policy/arns';
import type { AwsTarget } from './client-config';
import { awsFailure, isAwsError, serviceClient } from './clients';

/** The target's SQS client. */
export function sqsClient(target: AwsTarget): SQSClient {
  return serviceClient(target, 'SQS', (config) => new SQSClient(config));
}

/** One received message; `attributes` are the system attributes (SentTimestamp, ApproximateReceiveCount, ...). */
export interface ReceivedMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** ReceiveMessage options (SQS API: at most 10 messages, wait at most 20 s). */
export interface ReceiveOptions {
  readonly maxMessages?: number;
  readonly waitTimeSeconds?: number;
  readonly visibilityTimeout?: number;
}

/** The queue's ARN from its URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME), so errors name the resource a policy uses. */
export function queueArnFromUrl(queueUrl: string, region: string): string {
  const path = URL.canParse(queueUrl) ? new URL(queueUrl).pathname : '';
  const [account, name] = path
    .split('/')
    .filter((part) => part !== '')
    .slice(-2);
  return account && name ? queueArnOf(region, account, name) : queueUrl;
}

/** A queue's ARN before its account is known (any account): what an IAM policy names for a queue by its name. */
function queueArnGuess(target: AwsTarget, queueName: string): string {
  return queueArnOf(target.region, '*', queueName);
}

/** JSON-protocol name and query-protocol code of a missing queue (SQS API, GetQueueUrl errors). */
const NO_SUCH_QUEUE = ['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue'];

/** The queue URL, or null when no queue has that name in the Region. */
export async function getQueueUrl(target: AwsTarget, queueName: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const out = await sqsClient(target).send(new GetQueueUrlCommand({ QueueName: queueName }), { abortSignal: signal });
    return out.QueueUrl ?? null;
  } catch (err) {
    if (isAwsError(err, NO_SUCH_QUEUE)) return null;
    throw awsFailure(err, 'sqs:GetQueueUrl', queueArnGuess(target, queueName));
  }
}

/** Creates a standard queue with its tags and returns its URL; SQS answers with the same URL if it exists with the same attributes. */
export async function createQueue(
  target: AwsTarget,
  queueName: string,
  attributes: Readonly<Record<string, string>>,
  signal?: AbortSignal,
  tags: Readonly<Record<string, string>> = {},
): Promise<string> {
  try {
    const out = await sqsClient(target).send(
      new CreateQueueCommand({ QueueName: queueName, Attributes: { ...attributes }, ...(Object.keys(tags).length > 0 ? { tags: { ...tags } } : {}) }),
      { abortSignal: signal },
    );
    return out.QueueUrl ?? '';
  } catch (err) {
    throw awsFailure(err, 'sqs:CreateQueue', queueArnGuess(target, queueName));
  }
}

/** Deletes a queue and every message in it (remove, only for a queue its setup created and nothing else uses). */
export async function deleteQueue(target: AwsTarget, queueUrl: string, signal?: AbortSignal): Promise<void> {
  try {
    await sqsClient(target).send(new DeleteQueueCommand({ QueueUrl: queueUrl }), { abortSignal: signal });
  } catch (err) {
    if (isAwsError(err, NO_SUCH_QUEUE)) return;
    throw awsFailure(err, 'sqs:DeleteQueue', queueArnFromUrl(queueUrl, target.region));
  }
}

/** The queue's tags (the wizard's sqs-s3-wizard:setup tag says which setup created it). */
export async function listQueueTags(target: AwsTarget, queueUrl: string, signal?: AbortSignal): Promise<Readonly<Record<string, string>>> {
  try {
    const out = await sqsClient(target).send(new ListQueueTagsCommand({ QueueUrl: queueUrl }), { abortSignal: signal });
    return { ...(out.Tags ?? {}) };
  } catch (err) {
    throw awsFailure(err, 'sqs:ListQueueTags', queueArnFromUrl(queueUrl, target.region));
  }
}

/** The queue's attributes (QueueArn, Policy, FifoQueue, KmsMasterKeyId, ...); a queue deleted since its URL was read is NOT_FOUND. */
export async function getQueueAttributes(
  target: AwsTarget,
  queueUrl: string,
  names: ReadonlyArray<string> = ['All'],
  signal?: AbortSignal,
): Promise<Readonly<Record<string, string>>> {
  try {
    const out = await sqsClient(target).send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: names as QueueAttributeName[] }), {
      abortSignal: signal,
    });
    return { ...(out.Attributes ?? {}) };
  } catch (err) {
    const arn = queueArnFromUrl(queueUrl, target.region);
    if (isAwsError(err, NO_SUCH_QUEUE)) {
      throw new ApiFailure(apiError('NOT_FOUND', `Queue ${arn} does not exist (it may have just been deleted).`, { fix: 'Plan again to create it.' }));
    }
    throw awsFailure(err, 'sqs:GetQueueAttributes', arn);
  }
}

async function writeAttributes(target: AwsTarget, queueUrl: string, attributes: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<void> {
  try {
    await sqsClient(target).send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { ...attributes } }), { abortSignal: signal });
  } catch (err) {
    throw awsFailure(err, 'sqs:SetQueueAttributes', queueArnFromUrl(queueUrl, target.region));
  }
}

/** Replaces the queue policy (SetQueueAttributes Policy); an empty string removes it. */
export async function setQueuePolicy(target: AwsTarget, queueUrl: string, policyJson: string, signal?: AbortSignal): Promise<void> {
  await writeAttributes(target, queueUrl, { Policy: policyJson }, signal);
}

/** Receives up to `maxMessages` messages, long-polling `waitTimeSeconds` (the live test's receive loop). */
export async function receiveMessages(
  target: AwsTarget,
  queueUrl: string,
  options: ReceiveOptions = {},
  signal?: AbortSignal,
): Promise<ReadonlyArray<ReceivedMessage>> {
  try {
    const out = await sqsClient(target).send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: options.maxMessages ?? 10,
        WaitTimeSeconds: options.waitTimeSeconds ?? 0,
        ...(options.visibilityTimeout === undefined ? {} : { VisibilityTimeout: options.visibilityTimeout }),
        MessageSystemAttributeNames: ['All'],
      }),
      { abortSignal: signal },
    );
    return (out.Messages ?? []).map((m) => ({
      messageId: m.MessageId ?? '',
      receiptHandle: m.ReceiptHandle ?? '',
      body: m.Body ?? '',
      attributes: { ...(m.Attributes ?? {}) },
    }));
  } catch (err) {
    throw awsFailure(err, 'sqs:ReceiveMessage', queueArnFromUrl(queueUrl, target.region));
  }
}

/** Deletes a handled message by its receipt handle. */
export async function deleteMessage(target: AwsTarget, queueUrl: string, receiptHandle: string, signal?: AbortSignal): Promise<void> {
  try {
    await sqsClient(target).send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }), { abortSignal: signal });
  } catch (err) {
    throw awsFailure(err, 'sqs:DeleteMessage', queueArnFromUrl(queueUrl, target.region));
  }
}

/** Makes a received message visible again after `seconds` (0 = now), e.g. to hand back a message that is not ours. */
export async function changeMessageVisibility(
  target: AwsTarget,
  queueUrl: string,
  receiptHandle: string,
  seconds: number,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await sqsClient(target).send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: seconds }), {
      abortSignal: signal,
    });
  } catch (err) {
    throw awsFailure(err, 'sqs:ChangeMessageVisibility', queueArnFromUrl(queueUrl, target.region));
  }
}
