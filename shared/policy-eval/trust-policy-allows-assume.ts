import { evaluatePolicies } from './evaluate-policies';
import type { PolicyDecision } from './policy-request';

/** Inputs of the trust check; `policy` may be URL-encoded as GetRole returns it; no external ID = the key is absent. */
export interface TrustPolicyCheck {
  readonly policy: unknown;
  readonly principalArn: string;
  readonly externalId?: string | null;
}

/** Can this principal call sts:AssumeRole on the role with this external ID (guide step 4: docs/aws-behaviour.md#iam-roles-and-policies)? */
export function trustPolicyAllowsAssume(check: TrustPolicyCheck): PolicyDecision {
  const context: Record<string, string> = {};
  if (check.externalId !== undefined && check.externalId !== null) context['sts:ExternalId'] = check.externalId;
  return evaluatePolicies([check.policy], { principal: { arn: check.principalArn }, action: 'sts:AssumeRole', context });
}
