import type { FieldIssue } from '../contract/api-error';

/** Checks an SQS queue name (SQS CreateQueue: 1-80 of [A-Za-z0-9_-]); S3 cannot send events to FIFO queues (docs/aws-behaviour.md#sqs-queues). */
export function validateQueueName(value: string, field = 'queueName'): FieldIssue | null {
  const fail = (message: string): FieldIssue => ({ field, message });
  if (value === '') return fail('Queue name is required: enter the name of an SQS standard queue (not its URL or ARN).');
  if (/^https?:\/\/|^arn:/.test(value)) {
    return fail('Queue name must be the bare name, not the queue URL or ARN: enter only the last part, e.g. "orders-events".');
  }
  if (value.toLowerCase().endsWith('.fifo')) {
    return fail('Queue name ends with ".fifo": FIFO queues cannot receive S3 event notifications. Use a standard queue.');
  }
  if (value.length > 80) return fail(`Queue name must be at most 80 characters (SQS limit); this one has ${value.length}.`);
  const bad = /[^A-Za-z0-9_-]/.exec(value);
  if (bad) {
    return fail(`Queue name may contain only letters, digits, "-" and "_" (SQS naming rules); remove "${bad[0]}".`);
  }
  return null;
}
