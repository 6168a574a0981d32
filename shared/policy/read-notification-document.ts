import { apiError, type ApiError } from '../contract/api-error';
import { isJsonObject, type JsonObject } from '../diff/json-object';
import { parsePolicyDocument } from '../diff/parse-policy-document';
import { CONFIGURATION_LISTS, type BucketNotificationDocument } from './notification-document';

/** The live notification document, checked enough that merges and overlap checks can rely on its shape. */
export type ReadNotificationResult =
  { readonly ok: true; readonly document: BucketNotificationDocument & JsonObject } | { readonly ok: false; readonly error: ApiError };

function isStringList(value: unknown): value is ReadonlyArray<string> {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function filterProblem(filter: unknown): string | null {
  if (filter === undefined) return null;
  if (!isJsonObject(filter)) return 'its Filter is not an object';
  const key = filter['Key'];
  if (key === undefined) return null;
  if (!isJsonObject(key)) return 'its Filter.Key is not an object';
  const rules = key['FilterRules'];
  if (rules === undefined) return null;
  const ok = Array.isArray(rules) && rules.every((r) => isJsonObject(r) && typeof r['Name'] === 'string' && typeof r['Value'] === 'string');
  return ok ? null : 'its FilterRules are not a list of {Name, Value} strings';
}

function bad(message: string): ReadNotificationResult {
  return {
    ok: false,
    error: apiError('BAD_INPUT', `The bucket's current notification configuration could not be read: ${message}.`, {
      fix: "Check the bucket's Event notifications in the S3 console (or get-bucket-notification-configuration), then plan again.",
    }),
  };
}

/** Reads GetBucketNotificationConfiguration's answer (object or JSON text; nothing = no configurations), dropping `$metadata`. */
export function readNotificationDocument(raw: unknown): ReadNotificationResult {
  if (raw === null || raw === undefined || raw === '') return { ok: true, document: {} };
  const parsed = parsePolicyDocument(raw);
  if (!parsed.ok) return bad(parsed.error.message);
  const document: Record<string, unknown> = { ...parsed.value };
  delete document['$metadata'];
  for (const { list, kind, arnKey } of CONFIGURATION_LISTS) {
    const configs = document[list];
    if (configs === undefined) continue;
    if (!Array.isArray(configs)) return bad(`${list} is not a list`);
    for (const [index, config] of configs.entries()) {
      const name = `${kind} [${index}]`;
      if (!isJsonObject(config)) return bad(`${name} is not an object`);
      if (typeof config[arnKey] !== 'string') return bad(`${name} has no ${arnKey}`);
      if (!isStringList(config['Events'])) return bad(`${name} has no Events list`);
      if (config['Id'] !== undefined && typeof config['Id'] !== 'string') return bad(`${name} has an Id that is not a string`);
      const problem = filterProblem(config['Filter']);
      if (problem) return bad(`${name}: ${problem}`);
    }
  }
  return { ok: true, document: document as BucketNotificationDocument & JsonObject };
}
