import { sameStatement } from '../diff/semantic-form';
import { PERMISSIONS_POLICY_NAME } from '../policy/build-permissions-policy';
import type { PolicyDocument } from '../policy/policy-document';
import type { Setup } from '../setup/setup';
import type { SetupArns } from '../setup/setup-arns';
import { savedSetupsUsing, taggedByOther } from './neighbour-setups';
import type { Neighbour, Neighbourhood } from './neighbourhood';
import { grantsResource, readableStatements } from './policy-statements';

/** What the role checks need to know about the setup. */
export interface RoleContext extends Pick<SetupArns, 'queueArn'> {
  readonly setup: Setup;
  readonly accountId: string;
  readonly neighbourhood: Neighbourhood;
}

/**
 * The setup's own inline permissions policy on the role: the one its record names, else the one already granting its
 * queue (live wiring), else the platform guide's name, unless that one serves someone else: then one per setup
 * ("platform-s3-sqs-access-<setup>"), so a shared role keeps every setup's permissions.
 */
export function ownInlinePolicyName(ctx: RoleContext): string {
  const n = ctx.neighbourhood;
  const recorded = n.own?.ownership?.inlinePolicy;
  if (recorded) return recorded;
  const policies = n.role?.inlinePolicies ?? [];
  const wired =
    policies.find((p) => p.name === PERMISSIONS_POLICY_NAME && grantsResource(p.document, ctx.queueArn)) ??
    policies.find((p) => grantsResource(p.document, ctx.queueArn));
  if (wired) return wired.name;
  const taken =
    policies.some((p) => p.name === PERMISSIONS_POLICY_NAME) ||
    n.others.some((o) => !o.removed && o.setup.roleName === ctx.setup.roleName && o.ownership?.inlinePolicy === PERMISSIONS_POLICY_NAME);
  return taken ? `${PERMISSIONS_POLICY_NAME}-${ctx.setup.name}` : PERMISSIONS_POLICY_NAME;
}

/** Who else uses the role: another saved setup naming it, another setup's tag, other inline policies, attached managed policies. */
export function otherRoleUsers(ctx: RoleContext): ReadonlyArray<Neighbour> {
  const { setup, neighbourhood: n } = ctx;
  const ours = ownInlinePolicyName(ctx);
  return [
    ...savedSetupsUsing(setup, n, ctx.accountId, (o) => o.setup.roleName === setup.roleName),
    ...taggedByOther(setup, n, n.role?.tags ?? null),
    ...(n.role?.inlinePolicies ?? []).filter((p) => p.name !== ours).map((p) => ({ who: `inline policy ${p.name}`, via: 'inline policy' as const })),
    ...(n.role?.attachedPolicies ?? []).map((arn) => ({ who: `managed policy ${arn}`, via: 'managed policy' as const })),
  ];
}

/**
 * Our trust statements (by Sid) that the live trust policy holds with other content: other platform roles or another
 * external ID. On a role nobody else uses they are this setup's earlier values; on a shared role they are another
 * setup's, and replacing them would lock that setup's platform out.
 */
export function replacedTrustStatements(liveTrust: unknown, ours: PolicyDocument): ReadonlyArray<string> {
  return readableStatements(liveTrust).flatMap((statement) => {
    const sid = typeof statement['Sid'] === 'string' ? statement['Sid'] : null;
    const mine = ours.Statement.find((s) => s.Sid !== undefined && s.Sid === sid);
    return mine && sid !== null && !sameStatement(statement, mine) ? [sid] : [];
  });
}

/** A dedicated role name to offer instead: the setup's name added, at most 64 characters of [A-Za-z0-9+=,.@_-] (IAM CreateRole). */
export function dedicatedRoleName(setup: Pick<Setup, 'name' | 'roleName'>): string {
  return `${setup.roleName}-${setup.name}`.replace(/[^A-Za-z0-9+=,.@_-]/g, '-').slice(0, 64);
}
