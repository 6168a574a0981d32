import { apiError, type ApiError } from '../contract/api-error';
import type { JsonObject } from '../diff/json-object';
import { parsePolicyDocument } from '../diff/parse-policy-document';
import { summarizeChanges } from '../diff/summarize-changes';
import type { ChangeSummary } from './merge-result';
import type { BucketNotificationDocument } from './notification-document';
import { readNotificationDocument } from './read-notification-document';
import { statementsOf } from './merge-statements-by-sid';

/** What taking a setup's part out of a document gives: the document without it (null: nothing else remains), or why not. */
export type RemovalResult<D> =
  | { readonly ok: true; readonly removed: boolean; readonly document: D | null; readonly summary: ChangeSummary }
  | { readonly ok: false; readonly error: ApiError };

/**
 * The bucket's notification document without the setup's own rules (`isOurs`: its Id and queue). Every other Queue,
 * Topic and Lambda configuration stays as it is and in order, and so does EventBridge (the put replaces the whole
 * document: docs/aws-behaviour.md#s3-bucket-notifications).
 */
export function withoutOurRules(
  current: unknown,
  isOurs: (configuration: { readonly Id?: string; readonly QueueArn: string }) => boolean,
): RemovalResult<BucketNotificationDocument> {
  const read = readNotificationDocument(current ?? {});
  if (!read.ok) return read;
  const live = read.document;
  const kept = (live.QueueConfigurations ?? []).filter((c) => !isOurs(c));
  if (kept.length === (live.QueueConfigurations ?? []).length) return { ok: true, removed: false, document: live, summary: summarizeChanges(live, live) };
  const document: Record<string, unknown> = { ...live, QueueConfigurations: kept };
  if (kept.length === 0) delete document['QueueConfigurations'];
  const proposed = document as BucketNotificationDocument;
  return { ok: true, removed: true, document: proposed, summary: summarizeChanges(live, proposed) };
}

/**
 * A policy without the statements `isOurs` picks, keeping every other statement, Id and Version; null when none is
 * left (the SQS policy is then removed). An unreadable policy is refused: removing must not guess.
 */
export function withoutOurStatements(current: unknown, isOurs: (statement: unknown) => boolean, what: string): RemovalResult<JsonObject> {
  if (current === null || current === undefined || current === '') return { ok: true, removed: false, document: null, summary: [] };
  const parsed = parsePolicyDocument(current);
  if (!parsed.ok) return { ok: false, error: { ...parsed.error, message: `The current ${what} could not be read. ${parsed.error.message}` } };
  const statements = statementsOf(parsed.value);
  if (statements === null) {
    return { ok: false, error: apiError('BAD_INPUT', `The current ${what} has a "Statement" that is neither an object nor a list.`) };
  }
  const kept = statements.filter((s) => !isOurs(s));
  if (kept.length === statements.length) return { ok: true, removed: false, document: parsed.value, summary: summarizeChanges(parsed.value, parsed.value) };
  const document = kept.length === 0 ? null : { ...parsed.value, Statement: kept };
  return { ok: true, removed: true, document, summary: summarizeChanges(parsed.value, document) };
}
