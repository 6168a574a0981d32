import { partitionOfRegion } from '../policy/arns';

/** The URL SQS gives a queue on its standard endpoint (SQS Developer Guide, "Queue and message identifiers"). */
export function predictedQueueUrl(region: string, accountId: string, queueName: string): string {
  const domain = partitionOfRegion(region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${region}.${domain}/${accountId}/${queueName}`;
}
