import { runSimulation } from '@cloud-copilot/iam-simulate';
import { effectivePermissions } from '../../../../../shared/policy-eval/effective-permissions';
import { evaluatePolicies } from '../../../../../shared/policy-eval/evaluate-policies';
import type { PolicyDecision } from '../../../../../shared/policy-eval/policy-request';
import { ACCT, UNKNOWABLE_SAMPLES, type OracleCase } from './cases';

/** The independent simulator's answer, or why it gave none (it validates policies and actions more strictly). */
export type OracleAnswer = { readonly result: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied' } | { readonly error: string };

/** The caller's identity policy in trust cases: cross-account, AssumeRole needs the caller's own Allow as well. */
const CALLER_MAY_ASSUME = { name: 'caller', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] } };

function principalOf(c: OracleCase): string {
  const p = c.request.principal;
  if (p === undefined) return c.request.context.values['aws:PrincipalArn'] as string;
  return 'service' in p ? p.service : p.arn;
}

/**
 * The request contexts to ask the oracle with: the engine's, plus every combination of sample values for the keys the
 * engine cannot know that the policies use, so that a definite answer of the engine must hold for all of them.
 */
export function contextVariants(c: OracleCase): ReadonlyArray<Readonly<Record<string, string>>> {
  const text = JSON.stringify([c.resourcePolicy, c.identity, c.boundary]).toLowerCase();
  const keys = Object.keys(UNKNOWABLE_SAMPLES).filter((k) => text.includes(`"${k.toLowerCase()}"`));
  let variants: Array<Record<string, string>> = [{}];
  for (const key of keys) variants = variants.flatMap((v) => [v, ...(UNKNOWABLE_SAMPLES[key] ?? []).map((value) => ({ ...v, [key]: value }))]);
  return variants;
}

/** Asks @cloud-copilot/iam-simulate the same question, with the same request context (and the extra keys given). */
export async function askOracle(c: OracleCase, extra: Readonly<Record<string, string>> = {}): Promise<OracleAnswer> {
  const result = await runSimulation(
    {
      request: {
        principal: principalOf(c),
        action: c.request.action,
        resource: { resource: c.request.resource ?? '*', accountId: ACCT },
        contextVariables: { ...c.request.context.values, ...extra } as Record<string, string | string[]>,
      },
      identityPolicies: c.kind === 'trust' ? [CALLER_MAY_ASSUME] : c.identity.map((p) => ({ name: p.name, policy: p.document as never })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(c.resourcePolicy ? { resourcePolicy: c.resourcePolicy as never } : {}),
      ...(c.boundary ? { permissionBoundaryPolicies: [{ name: c.boundary.name, policy: c.boundary.document as never }] } : {}),
    },
    { simulationMode: 'Strict' },
  );
  if (result.resultType === 'error') return { error: JSON.stringify(result.errors).slice(0, 300) };
  return { result: result.overallResult as 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied' };
}

/** The wizard's engine on the case, as the diagnostics ask it. */
export function askEngine(c: OracleCase): PolicyDecision {
  if (c.kind === 'identity') return effectivePermissions({ identity: c.identity, boundary: c.boundary }, c.request);
  const name = c.kind === 'queue' ? 'queue policy' : 'trust policy';
  return evaluatePolicies([{ name, document: c.resourcePolicy }], c.request);
}
