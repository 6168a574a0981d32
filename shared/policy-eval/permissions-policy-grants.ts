import { evaluatePolicies } from './evaluate-policies';
import type { PolicyDecision } from './policy-request';

/** Inputs of the permissions check: every identity policy of the role (inline and managed documents). */
export interface PermissionsCheck {
  readonly policies: ReadonlyArray<unknown>;
  readonly action: string;
  readonly resource: string;
  /** Request context keys, if any statement conditions on them (e.g. s3:prefix for ListBucket). */
  readonly context?: Readonly<Record<string, string>>;
}

/** Do the role's identity policies grant this action on this resource? A fallback because moto lacks SimulatePrincipalPolicy (docs/aws-behaviour.md#where-moto-differs). */
export function permissionsPolicyGrants(check: PermissionsCheck): PolicyDecision {
  return evaluatePolicies(check.policies, { action: check.action, resource: check.resource, context: check.context ?? {} });
}
