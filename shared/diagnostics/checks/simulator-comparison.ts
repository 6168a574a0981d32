import type { PolicyDecision } from '../../policy-eval/policy-request';
import type { AccountSnapshot } from '../account-snapshot';
import type { RequiredPermission } from '../required-permissions';

/** One required pair and the engine's answer for it. */
export interface EngineAnswer {
  readonly need: RequiredPermission;
  readonly decision: PolicyDecision;
}

/** Where the engine and IAM's simulator stand on the required pairs. */
export interface SimulatorComparison {
  /** Lines for the check's detail: what the simulator said, and every disagreement with both answers. */
  readonly lines: ReadonlyArray<string>;
  /** Pairs on which the two answers differ (the engine's answer kept for the detail). */
  readonly disagreements: ReadonlyArray<EngineAnswer>;
  readonly fix: string | null;
}

const FIX =
  'Check the statements named in the IAM console (Roles > the role > Permissions > Simulate): the wizard shows both answers rather than trusting either. ' +
  'An emulator\u2019s simulator may deny everything.';

/**
 * Compares the engine with iam:SimulatePrincipalPolicy, pair by pair. A disagreement is shown with both answers,
 * never resolved silently: emulators' simulators have been seen to deny everything with no matched statement, and
 * the engine models only what the IAM documentation says (docs/aws-behaviour.md#iam-policy-evaluation).
 */
export function compareWithSimulator(simulation: AccountSnapshot['simulation'], answers: ReadonlyArray<EngineAnswer>): SimulatorComparison {
  if (!simulation.available) return { lines: [`IAM's simulator was not used: ${simulation.reason}.`], disagreements: [], fix: null };
  const disagreements: EngineAnswer[] = [];
  const lines: string[] = [];
  for (const answer of answers) {
    const { need, decision } = answer;
    const row = simulation.results.find((r) => r.action === need.action && r.resource === need.resource);
    const simulated = row?.decision ?? 'no answer';
    // "depends" and "cannot-evaluate" are not answers to disagree with: the detail already says what is open.
    if (decision.status !== 'allowed' && decision.status !== 'denied') continue;
    if ((simulated === 'allowed') === decision.allowed) continue;
    disagreements.push(answer);
    lines.push(
      `The wizard's engine and iam:SimulatePrincipalPolicy disagree on ${need.action} on ${need.resource}: the engine says ${decision.status} ` +
        `(${decision.decidedBy ?? 'no statement'}${decision.policy ? ` of ${decision.policy}` : ''}), IAM's simulator says ${simulated}.`,
    );
  }
  if (disagreements.length === 0) lines.push(`IAM's simulator (iam:SimulatePrincipalPolicy) agrees on all ${answers.length} pairs.`);
  return { lines, disagreements, fix: disagreements.length > 0 ? FIX : null };
}
