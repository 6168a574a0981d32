import { GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { parseArn } from '../../shared/policy/arns';
import type { DestinationCheck, DestinationKind } from '../../shared/policy/notification-destinations';
import { toApiError } from './aws-errors';
import type { AwsTarget } from './client-config';
import { isAwsError, targetInRegion } from './clients';
import { lambda } from './lambda';
import { sns } from './sns';
import { sqsClient } from './sqs';

/** Missing-resource answers: SQS (JSON and query names), SNS, Lambda. */
const GONE = ['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'NotFound', 'NotFoundException', 'ResourceNotFoundException'];

/** The read that proves each kind of destination exists, and the IAM action it needs. */
const PROBES: Readonly<Record<DestinationKind, { readonly action: string; readonly gone: string }>> = {
  queue: { action: 'sqs:GetQueueUrl', gone: 'no longer exists (SQS: queue does not exist)' },
  topic: { action: 'sns:GetTopicAttributes', gone: 'no longer exists (SNS: topic not found)' },
  function: { action: 'lambda:GetFunction', gone: 'no longer exists (Lambda: function not found)' },
};

/**
 * Whether a destination of a notification rule still exists, asked in its own Region: GetQueueUrl for a queue,
 * GetTopicAttributes for a topic, GetFunction for a function. A refusal or any other failure leaves it unchecked,
 * saying why; a cancel is thrown.
 */
export async function checkDestination(target: AwsTarget, kind: DestinationKind, arn: string, signal?: AbortSignal): Promise<DestinationCheck> {
  const parts = parseArn(arn);
  if (!parts) return { state: 'unchecked', why: 'it is not a well-formed ARN' };
  const where = targetInRegion(target, parts.region);
  const probe = PROBES[kind];
  try {
    if (kind === 'queue') {
      await sqsClient(where).send(new GetQueueUrlCommand({ QueueName: parts.resource, QueueOwnerAWSAccountId: parts.account }), { abortSignal: signal });
    } else if (kind === 'topic') {
      const { client, sdk } = await sns(where);
      await client.send(new sdk.GetTopicAttributesCommand({ TopicArn: arn }), { abortSignal: signal });
    } else {
      const { client, sdk } = await lambda(where);
      await client.send(new sdk.GetFunctionCommand({ FunctionName: arn }), { abortSignal: signal });
    }
    return { state: 'exists' };
  } catch (err) {
    if (signal?.aborted) throw err;
    if (isAwsError(err, GONE)) return { state: 'missing', detail: probe.gone };
    return { state: 'unchecked', why: `${probe.action} failed: ${toApiError(err, { action: probe.action, resource: arn }).message}` };
  }
}
