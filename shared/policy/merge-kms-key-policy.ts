import { apiError } from '../contract/api-error';
import type { JsonObject } from '../diff/json-object';
import type { MergeResult } from './merge-result';
import { mergeStatementsBySid } from './merge-statements-by-sid';
import { POLICY_VERSION, type PolicyStatement } from './policy-document';
import { compactPolicySize, formatCount } from './policy-size';

/** KMS key policy document size: 32 KB, 32,768 bytes (https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html#key-policy-limit). */
export const KMS_KEY_POLICY_LIMITS = { maxBytes: 32768 } as const;

/**
 * Puts our statement into the key's live policy by Sid, keeping every other statement, `Id` and `Version`; refuses
 * past KMS's 32,768-byte limit (on the compact JSON the wizard sends) rather than let PutKeyPolicy fail.
 */
export function mergeKmsKeyPolicy(current: unknown, ours: PolicyStatement | ReadonlyArray<PolicyStatement>): MergeResult<JsonObject> {
  const statements = Array.isArray(ours) ? ours : [ours as PolicyStatement];
  const result = mergeStatementsBySid(current, { Version: POLICY_VERSION, Statement: statements }, 'key policy');
  if (!result.ok) return result;
  const bytes = compactPolicySize(result.document);
  if (bytes > KMS_KEY_POLICY_LIMITS.maxBytes) {
    return {
      ok: false,
      error: apiError('LIMIT_EXCEEDED', `The merged key policy would be ${formatCount(bytes)} bytes; KMS allows at most 32,768.`, {
        fix: 'Remove statements that are no longer needed from the key policy (KMS console > key > Key policy), then plan again.',
      }),
    };
  }
  return result;
}
