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

/** The answers of one operation's reads since its last write, by call (docs/ARCHITECTURE.md#one-read-per-resource-per-operation). */
export class OperationReads {
  private readonly answers = new Map<string, Promise<unknown>>();

  /** The shared answer of a read, asking `send` only for the first; a failure is shared too (the resource's state, as read). */
  share<T>(key: string, send: () => Promise<T>): Promise<T> {
    const known = this.answers.get(key);
    if (known) return known as Promise<T>;
    const answer = send();
    this.answers.set(key, answer);
    return answer;
  }

  /** Forgets every answer: a write (or a call that changes state) makes the next read a new request. */
  forget(): void {
    this.answers.clear();
  }
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
      reads.forget();
      try {
        return await next(args);
      } finally {
        reads.forget();
      }
    }
    return reads.share(`${clientKey} ${service} ${command} ${inputKey(args.input)}`, () => next(args));
  };
}
