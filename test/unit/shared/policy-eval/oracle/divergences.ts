import type { PolicyDecision } from '../../../../../shared/policy-eval/policy-request';
import type { OracleCase } from './cases';

/** The oracle's answers for a case: one per request-context variant. */
export type OracleResults = ReadonlyArray<string>;

/** A documented way the engine answers differently from @cloud-copilot/iam-simulate, on purpose. */
export interface Divergence {
  readonly id: string;
  readonly reason: string;
  /** Where AWS says (or does not say) how it behaves. */
  readonly doc: string;
  readonly covers: (c: OracleCase, engine: PolicyDecision, oracle: OracleResults) => boolean;
}

/** The engine gave the answer that cannot pass wrongly: it refused where the oracle allowed, or found a Deny the oracle did not. */
function engineIsStricter(engine: PolicyDecision, oracle: OracleResults): boolean {
  if (engine.status === 'allowed') return false;
  return oracle.some((o) => o === 'Allowed') || (engine.decidedBy !== null && oracle.some((o) => o === 'ImplicitlyDenied'));
}

function noted(engine: PolicyDecision, pattern: RegExp): boolean {
  return engine.caveats.some((c) => pattern.test(c));
}

function policiesOf(c: OracleCase): ReadonlyArray<unknown> {
  return [c.resourcePolicy, ...c.identity.map((p) => p.document), c.boundary?.document].filter((p) => p !== null && p !== undefined);
}

/** The short list of documented divergences; everything else must agree. */
export const DIVERGENCES: ReadonlyArray<Divergence> = [
  {
    id: 'arn-prefix-case',
    reason:
      'The oracle compares the partition, service, Region and account of a Resource without case. AWS documents no case rule for them, ' +
      'so the engine takes the answer that cannot pass wrongly and says "uncertain" in the detail.',
    doc: 'IAM User Guide, "IAM JSON policy elements: Resource" (docs/aws-behaviour.md#iam-policy-evaluation)',
    covers: (_c, e, o) => noted(e, /only when the case of the partition/) && engineIsStricter(e, o),
  },
  {
    id: 'service-principal-case',
    reason: 'AWS documents no case rule for service principal names; the engine refuses an Allow (and applies a Deny) that names the service in another case.',
    doc: 'IAM User Guide, "AWS JSON policy elements: Principal" (docs/aws-behaviour.md#iam-policy-evaluation)',
    covers: (_c, e, o) => noted(e, /names .* in another case/) && engineIsStricter(e, o),
  },
  {
    id: 'short-arn',
    reason:
      'An ARN with fewer than six parts in NotResource or an ARN condition: the oracle counts it as invalid (the statement does not apply). ' +
      'AWS documents nothing, so the engine takes the answer that cannot pass wrongly (a Deny applies, an Allow does not).',
    doc: 'IAM User Guide, "ARN condition operators" and "NotResource" (docs/aws-behaviour.md#iam-policy-evaluation)',
    covers: (_c, e, o) => noted(e, /fewer than six ARN parts/) && engineIsStricter(e, o),
  },
  {
    id: 'variables-need-2012-10-17',
    reason:
      'Policy variables work only in policies of Version 2012-10-17; in 2008-10-17 (and without Version) they are literal text. The oracle substitutes them in every version.',
    doc: 'IAM User Guide, "IAM JSON policy elements: Version" and "Policy variables"',
    covers: (c) =>
      policiesOf(c).some((p) => JSON.stringify(p).includes('${') && (typeof p !== 'object' || (p as Record<string, unknown>)['Version'] !== '2012-10-17')),
  },
];
