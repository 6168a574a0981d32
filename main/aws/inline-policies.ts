import type { InlinePolicy } from '../../shared/diagnostics/account-snapshot';
import type { AwsTarget } from './client-config';
import { getRolePolicy, listRolePolicies } from './iam';

/** Every inline policy of the role, read concurrently (a Deny in any of them counts); null when the role does not exist. */
export async function readInlinePolicies(target: AwsTarget, roleName: string, signal: AbortSignal): Promise<ReadonlyArray<InlinePolicy> | null> {
  const names = await listRolePolicies(target, roleName, signal);
  if (names === null) return null;
  const documents = await Promise.all(names.map((name) => getRolePolicy(target, roleName, name, signal)));
  // A policy deleted between the two calls is simply gone.
  return names.flatMap((name, i) => (documents[i] ? [{ name, document: documents[i] }] : []));
}
