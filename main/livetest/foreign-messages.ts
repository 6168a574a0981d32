import type { AwsTarget } from '../aws/client-config';
import { changeMessageVisibility, type ReceivedMessage } from '../aws/sqs';
import { releaseMessage } from './release-or-delete';

/** Longest visibility timeout SQS accepts (ChangeMessageVisibility: 12 hours). */
const MAX_VISIBILITY_SECONDS = 43_200;
/** Margin past the deadline, so a held message stays hidden until the test's cleanup releases it. */
const HOLD_MARGIN_SECONDS = 30;

/**
 * Hands the platform's messages back during the live test. Without a redrive policy each one is made visible again at
 * once, whenever received. With one, every receive raises ApproximateReceiveCount toward maxReceiveCount, so a message
 * is released at once only the first time (and only while it is not near the limit); after that it is held hidden until
 * the test ends and then released: the test receives it at most twice and never moves it to the dead-letter queue.
 */
export class ForeignMessages {
  private readonly released = new Set<string>();
  private readonly held = new Map<string, string>();
  /** Messages handed back that are not the platform's data (S3's test events on a queue the setup does not own): never counted as the platform's. */
  private readonly notData = new Set<string>();

  /** `maxReceiveCount` may still be on its way (readAhead): only a message that arrives waits for it. */
  constructor(
    private readonly target: AwsTarget,
    private readonly queueUrl: string,
    private readonly maxReceiveCount: Promise<number | null>,
    private readonly deadline: number,
  ) {}

  /** Distinct messages of the platform made visible again at once at least once. */
  get releasedCount(): number {
    return [...this.released].filter((id) => !this.notData.has(id)).length;
  }

  /** Distinct messages of the platform held hidden until the end of the test. */
  get heldCount(): number {
    return [...this.held.keys()].filter((id) => !this.notData.has(id)).length;
  }

  /** Releases or holds one message that is not the test's; `data: false` for one that is not the platform's data either (an S3 test event). */
  async handle(m: ReceivedMessage, signal: AbortSignal, { data = true }: { readonly data?: boolean } = {}): Promise<void> {
    if (!data) this.notData.add(m.messageId);
    if (!this.mustHold(m, await this.maxReceiveCount)) {
      await releaseMessage(this.target, this.queueUrl, m.receiptHandle, signal);
      this.released.add(m.messageId);
      return;
    }
    // Recorded before the call: should it fail, the cleanup still tries to release the message.
    this.held.set(m.messageId, m.receiptHandle);
    const remaining = Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
    await changeMessageVisibility(this.target, this.queueUrl, m.receiptHandle, Math.min(MAX_VISIBILITY_SECONDS, remaining + HOLD_MARGIN_SECONDS), signal);
  }

  /** Makes every held message visible again; without a signal, so it also runs after Cancel. A failed release only delays the message until its hold expires. */
  async releaseHeld(): Promise<void> {
    await Promise.allSettled([...this.held.values()].map((handle) => releaseMessage(this.target, this.queueUrl, handle)));
  }

  private mustHold(m: ReceivedMessage, maxReceiveCount: number | null): boolean {
    if (maxReceiveCount === null) return false;
    if (this.released.has(m.messageId) || this.held.has(m.messageId)) return true;
    return Number(m.attributes['ApproximateReceiveCount'] ?? 0) >= maxReceiveCount - 1;
  }
}
