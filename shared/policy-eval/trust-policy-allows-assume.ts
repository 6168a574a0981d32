import { evaluatePolicies } from './evaluate-policies';
import type { PolicyDecision } from './policy-request';
import { assumeRoleContext } from './request-context';

/** Inputs of the trust check; `policy` may be URL-encoded as GetRole returns it; no external ID = the key is absent. */
export interface TrustPolicyCheck {
  readonly policy: unknown;
  readonly principalArn: string;
  readonly externalId?: string | null;
  /** The account of the role being assumed (aws:ResourceAccount); the principal's when not given. */
  readonly roleAccount?: string;
}

/** Can this principal call sts:AssumeRole on the role with this external ID (guide step 4: docs/aws-behaviour.md#iam-roles-and-policies)? */
export function trustPolicyAllowsAssume(check: TrustPolicyCheck): PolicyDecision {
  const roleAccount = check.roleAccount ?? check.principalArn.split(':')[4] ?? '';
  return evaluatePolicies([{ name: 'trust policy', document: check.policy }], {
    principal: { arn: check.principalArn },
    action: 'sts:AssumeRole',
    context: assumeRoleContext(check.principalArn, check.externalId ?? null, roleAccount),
  });
}
