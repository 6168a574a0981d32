import {
  type ContextEntry,
  type ContextKeyTypeEnum,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  SimulatePrincipalPolicyCommand,
  UpdateAssumeRolePolicyCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { partitionOfRegion } from '../../shared/policy/arns';
import type { AwsTarget } from './client-config';
import { awsFailure, awsHttpStatus, isAwsError, serviceClient } from './clients';
import { parsePolicyDocument } from '../../shared/diff/parse-policy-document';
import { ApiFailure } from '../../shared/contract/api-error';

/** The target's IAM client. */
export function iamClient(target: AwsTarget): IAMClient {
  return serviceClient(target, 'IAM', (config) => new IAMClient(config));
}

/** A role as the wizard needs it: its ARN and its decoded trust policy. */
export interface RoleInfo {
  readonly arn: string;
  readonly roleName: string;
  readonly trustPolicy: unknown;
  readonly createDate: string | null;
  /** Its tags (the wizard's sqs-s3-wizard:setup tag says which setup created it). */
  readonly tags: Readonly<Record<string, string>>;
  /** The ARN of its permissions boundary, when it has one. */
  readonly boundaryArn: string | null;
}

/** One SimulatePrincipalPolicy answer row. */
export interface SimulationResult {
  readonly action: string;
  readonly resource: string;
  readonly decision: string;
}

/** Simulation results, or why IAM could not simulate (moto does not implement it; the caller may lack the permission). */
export type SimulationOutcome =
  { readonly available: true; readonly results: ReadonlyArray<SimulationResult> } | { readonly available: false; readonly reason: string };

const NO_SUCH_ENTITY = ['NoSuchEntity', 'NoSuchEntityException'];
const NOT_IMPLEMENTED = ['NotImplemented', 'NotImplementedException', 'InternalFailure'];
const ACCESS_DENIED = ['AccessDenied', 'AccessDeniedException'];

function roleArnGuess(target: AwsTarget, roleName: string): string {
  return `arn:${partitionOfRegion(target.region)}:iam::*:role/${roleName}`;
}

/** IAM returns policy documents URL-encoded (docs/aws-behaviour.md#iam-roles-and-policies): one shared parser reads them, and a broken one names the role. */
export function decodePolicyDocument(text: string, what = 'IAM policy document'): unknown {
  const parsed = parsePolicyDocument(text);
  if (!parsed.ok) throw new ApiFailure({ ...parsed.error, message: `${what}: ${parsed.error.message}` });
  return parsed.value;
}

/** The role, or null when it does not exist. */
export async function getRole(target: AwsTarget, roleName: string, signal?: AbortSignal): Promise<RoleInfo | null> {
  try {
    const out = await iamClient(target).send(new GetRoleCommand({ RoleName: roleName }), { abortSignal: signal });
    const role = out.Role;
    if (!role) return null;
    return {
      arn: role.Arn ?? '',
      roleName: role.RoleName ?? roleName,
      trustPolicy: role.AssumeRolePolicyDocument ? decodePolicyDocument(role.AssumeRolePolicyDocument, `Trust policy of role ${roleName}`) : null,
      createDate: role.CreateDate?.toISOString() ?? null,
      tags: Object.fromEntries((role.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
      boundaryArn: role.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    };
  } catch (err) {
    if (isAwsError(err, NO_SUCH_ENTITY)) return null;
    throw awsFailure(err, 'iam:GetRole', roleArnGuess(target, roleName));
  }
}

/** Creates the role with its trust policy and returns its ARN (new roles may take seconds to be assumable: docs/aws-behaviour.md#iam-roles-and-policies). */
export async function createRole(
  target: AwsTarget,
  roleName: string,
  trustPolicyJson: string,
  description: string,
  signal?: AbortSignal,
  tags: Readonly<Record<string, string>> = {},
): Promise<string> {
  try {
    const Tags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
    const out = await iamClient(target).send(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicyJson, Description: description, ...(Tags.length > 0 ? { Tags } : {}) }),
      { abortSignal: signal },
    );
    return out.Role?.Arn ?? '';
  } catch (err) {
    throw awsFailure(err, 'iam:CreateRole', roleArnGuess(target, roleName));
  }
}

/** Deletes a role (remove, only a role its setup created and nothing else uses); IAM refuses while policies are attached. */
export async function deleteRole(target: AwsTarget, roleName: string, signal?: AbortSignal): Promise<void> {
  try {
    await iamClient(target).send(new DeleteRoleCommand({ RoleName: roleName }), { abortSignal: signal });
  } catch (err) {
    if (isAwsError(err, NO_SUCH_ENTITY)) return;
    throw awsFailure(err, 'iam:DeleteRole', roleArnGuess(target, roleName));
  }
}

/** Deletes one inline policy of the role (remove: the setup's own permissions policy); a missing one is already gone. */
export async function deleteRolePolicy(target: AwsTarget, roleName: string, policyName: string, signal?: AbortSignal): Promise<void> {
  try {
    await iamClient(target).send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }), { abortSignal: signal });
  } catch (err) {
    if (isAwsError(err, NO_SUCH_ENTITY)) return;
    throw awsFailure(err, 'iam:DeleteRolePolicy', roleArnGuess(target, roleName));
  }
}

/** The ARNs of the managed policies attached to the role (a role with any is used by something else, so remove keeps it). */
export async function listAttachedRolePolicies(target: AwsTarget, roleName: string, signal?: AbortSignal): Promise<ReadonlyArray<string> | null> {
  const arns: string[] = [];
  let marker: string | undefined;
  try {
    do {
      const out = await iamClient(target).send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, ...(marker ? { Marker: marker } : {}) }), {
        abortSignal: signal,
      });
      for (const p of out.AttachedPolicies ?? []) if (p.PolicyArn) arns.push(p.PolicyArn);
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
  } catch (err) {
    if (isAwsError(err, NO_SUCH_ENTITY)) return null;
    throw awsFailure(err, 'iam:ListAttachedRolePolicies', roleArnGuess(target, roleName));
  }
  return arns;
}

/**
 * The document of a managed policy's default version (GetPolicy, then GetPolicyVersion): an attached policy or a
 * permissions boundary. AWS returns it URL-encoded, moto as plain JSON; the shared parser reads both.
 */
export async function getManagedPolicyDocument(target: AwsTarget, policyArn: string, signal?: AbortSignal): Promise<unknown> {
  try {
    const policy = await iamClient(target).send(new GetPolicyCommand({ PolicyArn: policyArn }), { abortSignal: signal });
    const versionId = policy.Policy?.DefaultVersionId ?? 'v1';
    const version = await iamClient(target).send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }), { abortSignal: signal });
    const text = version.PolicyVersion?.Document ?? '';
    return decodePolicyDocument(text, `Managed policy ${policyArn}`);
  } catch (err) {
    if (err instanceof ApiFailure) throw err;
    throw awsFailure(err, 'iam:GetPolicyVersion', policyArn);
  }
}

/** Replaces the role's trust policy. */
export async function updateAssumeRolePolicy(target: AwsTarget, roleName: string, policyJson: string, signal?: AbortSignal): Promise<void> {
  try {
    await iamClient(target).send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: policyJson }), { abortSignal: signal });
  } catch (err) {
    throw awsFailure(err, 'iam:UpdateAssumeRolePolicy', roleArnGuess(target, roleName));
  }
}

/** The decoded inline policy, or null when the role or the policy does not exist. */
export async function getRolePolicy(target: AwsTarget, roleName: string, policyName: string, signal?: AbortSignal): Promise<unknown> {
  try {
    const out = await iamClient(target).send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }), { abortSignal: signal });
    return out.PolicyDocument ? decodePolicyDocument(out.PolicyDocument, `Inline policy ${policyName} of role ${roleName}`) : null;
  } catch (err) {
    if (isAwsError(err, NO_SUCH_ENTITY)) return null;
    throw awsFailure(err, 'iam:GetRolePolicy', roleArnGuess(target, roleName));
  }
}

/** Creates or replaces an inline policy of the role. */
export async function putRolePolicy(target: AwsTarget, roleName: string, policyName: string, policyJson: string, signal?: AbortSignal): Promise<void> {
  try {
    await iamClient(target).send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: policyJson }), {
      abortSignal: signal,
    });
  } catch (err) {
    throw awsFailure(err, 'iam:PutRolePolicy', roleArnGuess(target, roleName));
  }
}

/** Names of the role's inline policies (following Marker), or null when the role does not exist. */
export async function listRolePolicies(target: AwsTarget, roleName: string, signal?: AbortSignal): Promise<ReadonlyArray<string> | null> {
  const names: string[] = [];
  let marker: string | undefined;
  try {
    do {
      const out = await iamClient(target).send(new ListRolePoliciesCommand({ RoleName: roleName, ...(marker ? { Marker: marker } : {}) }), {
        abortSignal: signal,
      });
      names.push(...(out.PolicyNames ?? []));
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
  } catch (err) {
    if (isAwsError(err, NO_SUCH_ENTITY)) return null;
    throw awsFailure(err, 'iam:ListRolePolicies', roleArnGuess(target, roleName));
  }
  return names;
}

function unavailableReason(err: unknown): string | null {
  const status = awsHttpStatus(err);
  if (isAwsError(err, NOT_IMPLEMENTED) || status === 500 || status === 501) {
    return 'iam:SimulatePrincipalPolicy is not available at this endpoint (it answered with a server error; local emulators such as moto do not implement it)';
  }
  if (isAwsError(err, ACCESS_DENIED) || status === 403) {
    return 'your identity may not call iam:SimulatePrincipalPolicy';
  }
  return null;
}

/** A request context as SimulatePrincipalPolicy takes it (ContextEntry: name, values, and the key's type). */
function contextEntries(context: Readonly<Record<string, string>>): ContextEntry[] {
  const typeOf = (key: string): ContextKeyTypeEnum =>
    /^aws:(securetransport|principalisawsservice)$/i.test(key)
      ? 'boolean'
      : /^aws:currenttime$/i.test(key)
        ? 'date'
        : /^aws:epochtime$/i.test(key)
          ? 'numeric'
          : 'string';
  return Object.entries(context).map(([key, value]) => ({ ContextKeyName: key, ContextKeyValues: [value], ContextKeyType: typeOf(key) }));
}

/** Asks IAM whether the principal's policies allow each action on each resource, with the request's context keys; says why when IAM cannot answer. */
export async function simulatePrincipalPolicy(
  target: AwsTarget,
  policySourceArn: string,
  actions: ReadonlyArray<string>,
  resources: ReadonlyArray<string>,
  signal?: AbortSignal,
  context: Readonly<Record<string, string>> = {},
): Promise<SimulationOutcome> {
  const results: SimulationResult[] = [];
  let marker: string | undefined;
  try {
    do {
      const out = await iamClient(target).send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: policySourceArn,
          ActionNames: [...actions],
          ...(resources.length > 0 ? { ResourceArns: [...resources] } : {}),
          ...(Object.keys(context).length > 0 ? { ContextEntries: contextEntries(context) } : {}),
          ...(marker ? { Marker: marker } : {}),
        }),
        { abortSignal: signal },
      );
      for (const r of out.EvaluationResults ?? []) {
        results.push({ action: r.EvalActionName ?? '', resource: r.EvalResourceName ?? '*', decision: r.EvalDecision ?? '' });
      }
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
  } catch (err) {
    const reason = unavailableReason(err);
    if (reason) return { available: false, reason };
    throw awsFailure(err, 'iam:SimulatePrincipalPolicy', policySourceArn);
  }
  return { available: true, results };
}
