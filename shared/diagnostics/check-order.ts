import type { CheckStatus, DiagnosticCheck } from './diagnostic-check';

/** What needs action first: failures, then warnings, then checks skipped because of them, then what passed. */
const URGENCY: Readonly<Record<CheckStatus, number>> = { fail: 0, warn: 1, skip: 2, pass: 3 };

/** The checks in order of urgency, each group in the report's own order (a stable sort), so a failure is never below the fold of passes. */
export function checksByUrgency(checks: ReadonlyArray<DiagnosticCheck>): ReadonlyArray<DiagnosticCheck> {
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => URGENCY[a.check.status] - URGENCY[b.check.status] || a.index - b.index)
    .map(({ check }) => check);
}
