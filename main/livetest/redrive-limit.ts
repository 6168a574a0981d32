import type { AwsTarget } from '../aws/client-config';
import { getQueueAttributes } from '../aws/sqs';

/** The RedrivePolicy's maxReceiveCount, or null without a usable one; AWS writes the count as a number or a string. */
export function maxReceiveCountOf(redrivePolicy: string | undefined): number | null {
  if (!redrivePolicy) return null;
  try {
    const count = Number((JSON.parse(redrivePolicy) as { maxReceiveCount?: unknown }).maxReceiveCount);
    return Number.isInteger(count) && count > 0 ? count : null;
  } catch {
    return null;
  }
}

/** The queue's maxReceiveCount: each receive by the live test counts toward it, so platform messages could reach the DLQ. */
export async function readMaxReceiveCount(target: AwsTarget, queueUrl: string, signal?: AbortSignal): Promise<number | null> {
  const attrs = await getQueueAttributes(target, queueUrl, ['RedrivePolicy'], signal);
  return maxReceiveCountOf(attrs['RedrivePolicy']);
}
