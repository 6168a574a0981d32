import type { AwsStepId } from '../steps/aws-steps';
import type { CheckEvidence } from './check-evidence';

/** A check's verdict; 'skip' when an earlier failure makes it meaningless (e.g. no role, so no trust policy). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One named diagnostic: what it saw (detail), and when not passing, the exact fix and the step that applies it. */
export interface DiagnosticCheck {
  readonly id: string;
  readonly title: string;
  readonly status: CheckStatus;
  readonly detail: string;
  readonly fix: string | null;
  /** The wizard step whose plan makes the fix (offered as a planned step in the GUI). */
  readonly fixStep: AwsStepId | null;
  /** For a policy check: each request it asked (who, action, resource) with its answer, so a failure reads as a list, not a paragraph. */
  readonly evidence?: ReadonlyArray<CheckEvidence>;
}

/** The report `doctor --json` prints (README, "Diagnostics": `{ok, checks: [{id, title, status, detail, fix}]}`). */
export interface DoctorReport {
  readonly ok: boolean;
  readonly setupName: string;
  readonly accountId: string;
  readonly region: string;
  readonly checkedAt: string;
  /** How permissions were evaluated: always the policy engine, compared with iam:SimulatePrincipalPolicy when the account allows it. */
  readonly permissionsEvaluatedBy: string;
  readonly checks: ReadonlyArray<DiagnosticCheck>;
}

/** The same check with the requests it asked, each with its answer. */
export function withEvidence(c: DiagnosticCheck, evidence: ReadonlyArray<CheckEvidence>): DiagnosticCheck {
  return evidence.length > 0 ? { ...c, evidence } : c;
}

/** Builds a check value. */
export function check(
  id: string,
  title: string,
  status: CheckStatus,
  detail: string,
  fix: string | null = null,
  fixStep: AwsStepId | null = null,
): DiagnosticCheck {
  return { id, title, status, detail, fix, fixStep };
}
