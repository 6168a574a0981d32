import { evaluatePolicies } from './evaluate-policies';
import type { NamedPolicy, PolicyDecision, PolicyRequest } from './policy-request';

/** A role's permissions as AWS decides them for a request within its account. */
export interface RolePolicies {
  /** Inline and attached managed policies, by name. */
  readonly identity: ReadonlyArray<NamedPolicy>;
  /** The permissions boundary, when the role has one: an action must be allowed by it too. */
  readonly boundary: NamedPolicy | null;
}

/**
 * Identity policies AND the permissions boundary (IAM User Guide, "Permissions boundaries for IAM entities"): an
 * explicit Deny in either wins; otherwise both must allow. Service control and resource control policies of an
 * organisation can deny too, but a member account cannot read them.
 */
export function effectivePermissions(role: RolePolicies, request: PolicyRequest): PolicyDecision {
  const identity = evaluatePolicies(role.identity, request);
  if (role.boundary === null) return identity;
  const boundary = evaluatePolicies([role.boundary], request);
  const caveats = [...identity.caveats, ...boundary.caveats];
  const explicit = [identity, boundary].find((d) => d.status === 'denied' && d.decidedBy !== null);
  if (explicit) return { ...explicit, caveats };
  const name = role.boundary.name;
  // A Deny of the boundary that may apply is said even when the identity policies already refuse.
  const boundaryDeny = boundary.mayAlsoDeny ? ` In the permissions boundary ${name}, ${boundary.mayAlsoDeny}.` : '';
  if (identity.status !== 'allowed') {
    const mayAlsoDeny = identity.mayAlsoDeny ?? (boundary.mayAlsoDeny ? `in ${name}, ${boundary.mayAlsoDeny}` : undefined);
    return { ...identity, reason: `${identity.reason}${boundaryDeny}`, caveats, ...(mayAlsoDeny ? { mayAlsoDeny } : {}) };
  }
  if (boundary.status === 'allowed') return { ...identity, caveats };
  const reason =
    boundary.status === 'denied'
      ? `${identity.reason} But the permissions boundary ${name} does not allow ${request.action}, so it is denied.${boundaryDeny}`
      : `${identity.reason} But whether the permissions boundary ${name} allows it: ${boundary.reason}`;
  // A refusal by the boundary names it, so the fix goes to the boundary and not to the role's own policy.
  return { ...boundary, policy: boundary.policy ?? name, reason, caveats };
}
