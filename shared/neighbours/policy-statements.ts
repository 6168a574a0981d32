import { isJsonObject, type JsonObject } from '../diff/json-object';
import { parsePolicyDocument } from '../diff/parse-policy-document';
import { statementsOf } from '../policy/merge-statements-by-sid';

/** A policy's statements as JSON objects; an unreadable or absent policy has none (the plan itself reports it unreadable). */
export function readableStatements(policy: unknown): ReadonlyArray<JsonObject> {
  if (policy === null || policy === undefined || policy === '') return [];
  const parsed = parsePolicyDocument(policy);
  if (!parsed.ok) return [];
  return (statementsOf(parsed.value) ?? []).filter(isJsonObject);
}

/** Every value of a condition key in a statement, whatever the operator (keys are case-insensitive: IAM JSON reference). */
export function conditionValues(statement: JsonObject, key: string): ReadonlyArray<string> {
  const condition = statement['Condition'];
  if (!isJsonObject(condition)) return [];
  const wanted = key.toLowerCase();
  return Object.values(condition).flatMap((block) => {
    if (!isJsonObject(block)) return [];
    return Object.entries(block).flatMap(([k, v]) =>
      k.toLowerCase() === wanted ? (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string') : [],
    );
  });
}

/** The values of a statement element that may be one string or a list (Action, Resource, a Principal type). */
export function listOf(value: unknown): ReadonlyArray<string> {
  return (Array.isArray(value) ? value : [value]).filter((x): x is string => typeof x === 'string');
}

/** The buckets a queue policy lets S3 send from (aws:SourceArn of the Allow statements for sqs:SendMessage), by statement. */
export function s3SourcesOf(policy: unknown): ReadonlyArray<{ readonly sid: string | null; readonly sourceArn: string }> {
  return readableStatements(policy).flatMap((s) => {
    if (s['Effect'] !== 'Allow') return [];
    const actions = listOf(s['Action']).map((a) => a.toLowerCase());
    if (!actions.some((a) => a === 'sqs:sendmessage' || a === 'sqs:*' || a === '*')) return [];
    const sid = typeof s['Sid'] === 'string' ? s['Sid'] : null;
    return conditionValues(s, 'aws:SourceArn').map((sourceArn) => ({ sid, sourceArn }));
  });
}

/** True when any Allow statement of an identity policy names this resource ARN (the wiring of a permissions policy to a queue). */
export function grantsResource(policy: unknown, arn: string): boolean {
  return readableStatements(policy).some((s) => s['Effect'] === 'Allow' && listOf(s['Resource']).includes(arn));
}
