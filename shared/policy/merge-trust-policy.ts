import type { JsonObject } from '../diff/json-object';
import { trustPolicyAllowsAssume } from '../policy-eval/trust-policy-allows-assume';
import type { MergeResult } from './merge-result';
import { mergeStatementsBySid } from './merge-statements-by-sid';
import type { PolicyDocument } from './policy-document';
import { formatCount, iamPolicyCharacters } from './policy-size';

/** IAM's default quota for a role trust policy, in characters without whitespace (IAM quotas; adjustable to 4,096). */
export const TRUST_POLICY_DEFAULT_MAX_CHARACTERS = 2048;

function principalsOf(ours: PolicyDocument): ReadonlyArray<string> {
  const arns = ours.Statement.flatMap((s) => {
    const principal = s.Principal;
    if (principal === undefined || principal === '*') return [];
    const aws = principal['AWS'];
    return aws === undefined ? [] : typeof aws === 'string' ? [aws] : [...aws];
  });
  return [...new Set(arns)];
}

function warnings(document: JsonObject, ours: PolicyDocument): ReadonlyArray<string> {
  const notes: string[] = [];
  for (const arn of principalsOf(ours)) {
    const decision = trustPolicyAllowsAssume({ policy: document, principalArn: arn, externalId: null });
    if (decision.allowed) {
      notes.push(`Statement ${decision.decidedBy} still lets ${arn} assume the role without the external ID; consider removing it.`);
    }
  }
  const size = iamPolicyCharacters(document);
  if (size > TRUST_POLICY_DEFAULT_MAX_CHARACTERS) {
    notes.push(`The trust policy is ${formatCount(size)} characters; IAM's default limit is 2,048 (raise the quota to 4,096 or remove statements).`);
  }
  return notes;
}

/**
 * For a new role (current null) the trust policy is ours as built; for an existing role (GetRole's URL-encoded
 * document) unrelated statements are kept and listed as kept, and ours are replaced by Sid (guide step 4).
 */
export function mergeTrustPolicy(current: unknown, ours: PolicyDocument): MergeResult<JsonObject> {
  const result = mergeStatementsBySid(current, ours, 'trust policy');
  if (!result.ok) return result;
  return { ...result, notes: [...result.notes, ...warnings(result.document, ours)] };
}
