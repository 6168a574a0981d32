import { permissionsPolicyForSetup } from '../policy/build-permissions-policy';
import type { DiagnosticContext } from './diagnostic-context';

/** One action the platform's role needs, on the resource it needs it for. */
export interface RequiredPermission {
  readonly action: string;
  /** A concrete resource to test (for object patterns, a sample key under the prefix). */
  readonly resource: string;
}

/** What the role must be allowed, derived from the permissions policy the wizard builds (one source of truth). */
export function requiredPermissions(c: DiagnosticContext): ReadonlyArray<RequiredPermission> {
  const policy = permissionsPolicyForSetup(c.setup, c.queueArn, c.partition);
  return policy.Statement.flatMap((s) => {
    const actions = typeof s.Action === 'string' ? [s.Action] : [...(s.Action ?? [])];
    const resources = typeof s.Resource === 'string' ? [s.Resource] : [...(s.Resource ?? [])];
    return actions.flatMap((action) => resources.map((r) => ({ action, resource: r.endsWith('*') ? `${r.slice(0, -1)}sample-object${c.setup.suffix}` : r })));
  });
}
