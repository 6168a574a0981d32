import { apiError } from '../contract/api-error';
import { isJsonObject, type JsonObject } from '../diff/json-object';
import { parsePolicyDocument } from '../diff/parse-policy-document';
import type { MergeResult } from './merge-result';
import { mergeStatementsBySid, statementsOf } from './merge-statements-by-sid';
import type { PolicyDocument } from './policy-document';
import { compactPolicySize, formatCount } from './policy-size';

/** SQS queue policy limits (SQS Developer Guide, "Quotas related to policies"; docs/aws-behaviour.md#sqs-queue-policy). */
export const QUEUE_POLICY_LIMITS = { maxBytes: 8192, maxStatements: 20 } as const;

const LIMIT_FIX = "Remove statements that are no longer needed from the queue's access policy (SQS console > queue > Access policy), then plan again.";

function sourceArnOf(statement: unknown): string | null {
  if (!isJsonObject(statement) || !isJsonObject(statement['Condition'])) return null;
  for (const block of Object.values(statement['Condition'])) {
    if (!isJsonObject(block)) continue;
    const key = Object.keys(block).find((k) => k.toLowerCase() === 'aws:sourcearn');
    if (key !== undefined) return JSON.stringify(block[key]);
  }
  return null;
}

function replacedSourceNotes(current: unknown, ours: PolicyDocument): ReadonlyArray<string> {
  const parsed = current === null || current === undefined || current === '' ? null : parsePolicyDocument(current);
  if (!parsed?.ok) return [];
  const notes: string[] = [];
  for (const live of statementsOf(parsed.value) ?? []) {
    const mine = ours.Statement.find((s) => isJsonObject(live) && s.Sid !== undefined && s.Sid === live['Sid']);
    const before = sourceArnOf(live);
    const after = sourceArnOf(mine);
    if (mine && before !== null && after !== null && before !== after) {
      notes.push(`Statement ${mine.Sid} currently allows source ${before}; after this change only ${after} can send to the queue.`);
    }
  }
  return notes;
}

/**
 * Puts our S3 statement into the queue's live policy (a JSON string, object or nothing), keeping every other statement,
 * `Id` and `Version`; refuses past SQS's 8,192-byte and 20-statement limits rather than let SetQueueAttributes fail.
 */
export function mergeQueuePolicy(current: unknown, ours: PolicyDocument): MergeResult<JsonObject> {
  const result = mergeStatementsBySid(current, ours, 'queue policy');
  if (!result.ok) return result;
  const count = statementsOf(result.document)?.length ?? 0;
  if (count > QUEUE_POLICY_LIMITS.maxStatements) {
    const message = `The merged queue policy would have ${count} statements; SQS allows at most ${QUEUE_POLICY_LIMITS.maxStatements}.`;
    return { ok: false, error: apiError('LIMIT_EXCEEDED', message, { fix: LIMIT_FIX }) };
  }
  const bytes = compactPolicySize(result.document);
  if (bytes > QUEUE_POLICY_LIMITS.maxBytes) {
    const message = `The merged queue policy would be ${formatCount(bytes)} bytes; SQS allows at most 8,192.`;
    return { ok: false, error: apiError('LIMIT_EXCEEDED', message, { fix: LIMIT_FIX }) };
  }
  return { ...result, notes: [...result.notes, ...replacedSourceNotes(current, ours)] };
}
