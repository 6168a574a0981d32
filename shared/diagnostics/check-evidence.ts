import type { PolicyDecision } from '../policy-eval/policy-request';

/** How one request came out: allowed, refused, or not decidable from what can be read (a key of the network, an unmodelled operator). */
export type EvidenceVerdict = 'allowed' | 'refused' | 'uncertain';

/**
 * One request a policy check asked the engine about, as the admin reads it: who asks, which action on which resource,
 * the answer, and the statement (and policy) that decided it. A failing check lists these instead of a paragraph.
 */
export interface CheckEvidence {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly verdict: EvidenceVerdict;
  /** The deciding statement and its policy ("AllowS3ToSendMessage in queue policy"); null for the implicit default deny. */
  readonly decidedBy: string | null;
  readonly reason: string;
}

/** The verdict of an engine decision: 'depends' and 'cannot-evaluate' are neither a pass nor a fail. */
export function verdictOf(decision: PolicyDecision): EvidenceVerdict {
  if (decision.status === 'allowed') return 'allowed';
  return decision.status === 'denied' ? 'refused' : 'uncertain';
}

/** One evidence row from an engine decision. */
export function evidenceOf(principal: string, action: string, resource: string, decision: PolicyDecision): CheckEvidence {
  const decidedBy = decision.decidedBy === null ? null : decision.policy ? `${decision.decidedBy} in ${decision.policy}` : decision.decidedBy;
  return { principal, action, resource, verdict: verdictOf(decision), decidedBy, reason: decision.reason };
}

/** Order of a check's evidence on screen: what is refused first, then what cannot be known, then what is allowed. */
export function evidenceByVerdict(evidence: ReadonlyArray<CheckEvidence>): ReadonlyArray<CheckEvidence> {
  const rank: Readonly<Record<EvidenceVerdict, number>> = { refused: 0, uncertain: 1, allowed: 2 };
  return [...evidence].sort((a, b) => rank[a.verdict] - rank[b.verdict]);
}
