import { regionalEndpoint } from '../policy/partition';

/** The URL SQS gives a queue on its standard endpoint, amazonaws.com.cn in China (SQS Developer Guide, "Queue and message identifiers"). */
export function predictedQueueUrl(region: string, accountId: string, queueName: string): string {
  return `${regionalEndpoint('sqs', region)}/${accountId}/${queueName}`;
}
