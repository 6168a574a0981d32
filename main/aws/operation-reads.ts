import type { HandlerExecutionContext, InitializeMiddleware, MetadataBearer } from '@aws-sdk/types';
import type { AwsService } from './endpoint';
import { currentOperation } from './operation-scope';

/**
 * The read-only calls whose answer one operation may share: the same call with the same input, asked twice with no
 * write in between (a step's neighbourhood read and its guarded re-read both ask for the queue's URL and the role),
 * is one request. Anything not listed here (a write, ReceiveMessage, which hides messages) ends the sharing.
 */
const SHAREABLE_READS: ReadonlySet<string> = new Set([
  'GetQueueUrlCommand',
  'GetQueueAttributesCommand',
  'ListQueueTagsCommand',
  'GetRoleCommand',
  'GetRolePolicyCommand',
  'ListRolePoliciesCommand',
  'ListAttachedRolePoliciesCommand',
  'GetPolicyCommand',
  'GetPolicyVersionCommand',
  'GetBucketNotificationConfigurationCommand',
  'GetBucketLocationCommand',
  'GetTopicAttributesCommand',
  'ListSubscriptionsByTopicCommand',
  'GetSubscriptionAttributesCommand',
  'DescribeKeyCommand',
  'GetKeyPolicyCommand',
  'GetFunctionCommand',
]);

/**
 * Reads whose answer only the writes listed change: a queue's URL stays the queue's, and a bucket's Region the bucket's,
 * for as long as it exists, so only creating or deleting one makes the read worth asking again.
 */
const CHANGED_ONLY_BY: Readonly<Record<string, ReadonlySet<string>>> = {
  GetQueueUrlCommand: new Set(['CreateQueueCommand', 'DeleteQueueCommand']),
  GetBucketLocationCommand: new Set(['CreateBucketCommand', 'DeleteBucketCommand']),
};

/** The answers of one operation's reads since its last write, by call (docs/ARCHITECTURE.md#one-read-per-resource-per-operation). */
export class OperationReads {
  private readonly answers = new Map<string, { readonly command: string; readonly answer: Promise<unknown> }>();

  /**
   * The shared answer of a read, asking `send` only for the first. AWS's refusal is shared too (the resource's state,
   * as read: no such queue); a failure without an answer from AWS (the network) is not kept, so a later read asks again.
   */
  share<T>(command: string, key: string, send: () => Promise<T>): Promise<T> {
    const known = this.answers.get(key);
    if (known) return known.answer as Promise<T>;
    const answer = send();
    const entry = { command, answer };
    this.answers.set(key, entry);
    answer.catch((err: unknown) => {
      if (!answeredByAws(err) && this.answers.get(key) === entry) this.answers.delete(key);
    });
    return answer;
  }

  /** Forgets what `write` (a call that changes state) may have changed: the next such read is a new request. */
  forget(write: string): void {
    for (const [key, { command }] of this.answers) {
      const only = CHANGED_ONLY_BY[command];
      if (!only || only.has(write)) this.answers.delete(key);
    }
  }
}

/** True when AWS answered the call (an HTTP status), as opposed to a connection that failed or timed out. */
function answeredByAws(err: unknown): boolean {
  return typeof err === 'object' && err !== null && typeof (err as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode === 'number';
}

/** Stable text of a command's input (key order of the caller's object), as part of a read's key. */
function inputKey(input: unknown): string {
  return JSON.stringify(input, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.byteLength} bytes>` : v));
}

/**
 * Shares the reads of one operation (OperationReads), per client: `clientKey` names the target and service, so two
 * connections or Regions never share an answer. Outside an operation (a test calling a module) every call is sent.
 */
export function operationReadsMiddleware(service: AwsService, clientKey: string): InitializeMiddleware<object, MetadataBearer> {
  return (next, context: HandlerExecutionContext) => async (args) => {
    const reads = currentOperation()?.reads;
    if (!reads) return next(args);
    const command = String(context.commandName ?? '');
    if (!SHAREABLE_READS.has(command)) {
      reads.forget(command);
      try {
        return await next(args);
      } finally {
        reads.forget(command);
      }
    }
    return reads.share(command, `${clientKey} ${service} ${command} ${inputKey(args.input)}`, () => next(args));
  };
}
