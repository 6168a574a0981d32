import type { AwsTarget } from '../aws/client-config';
import { changeMessageVisibility, deleteMessage } from '../aws/sqs';

/** Makes a message that is not the test's visible again at once, so the platform still gets it (never swallowed). */
export async function releaseMessage(target: AwsTarget, queueUrl: string, receiptHandle: string, signal?: AbortSignal): Promise<void> {
  await changeMessageVisibility(target, queueUrl, receiptHandle, 0, signal);
}

/** Deletes one of the test's own messages after it was verified. */
export async function deleteTestMessage(target: AwsTarget, queueUrl: string, receiptHandle: string, signal?: AbortSignal): Promise<void> {
  await deleteMessage(target, queueUrl, receiptHandle, signal);
}
