import type { CheckStatus, DiagnosticCheck } from '../../../shared/diagnostics/diagnostic-check';

/** Each status in words (the icon is decoration: the word carries the meaning, WCAG 1.4.1). */
export const STATUS_LABEL: Readonly<Record<CheckStatus, string>> = { pass: 'Pass', warn: 'Warning', fail: 'Fail', skip: 'Skipped' };

/** A mark per status, shown next to the word. */
export const STATUS_ICON: Readonly<Record<CheckStatus, string>> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };

/** Order of the counts in the summary line: what needs action first. */
const COUNT_ORDER: ReadonlyArray<readonly [CheckStatus, string]> = [
  ['fail', 'failed'],
  ['warn', 'warning(s)'],
  ['pass', 'passed'],
  ['skip', 'skipped'],
];

/** "1 failed, 2 warning(s), 8 passed": the statuses that occur, in order of urgency. */
export function statusCounts(checks: ReadonlyArray<DiagnosticCheck>): string {
  const parts = COUNT_ORDER.map(([status, word]) => [checks.filter((c) => c.status === status).length, word] as const)
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`);
  return parts.length > 0 ? parts.join(', ') : 'no checks';
}

/** True when a check's fix is a wizard step the admin can plan from the report. */
export function offersPlannedFix(check: DiagnosticCheck): boolean {
  return check.fixStep !== null && (check.status === 'fail' || check.status === 'warn');
}

/** File names of the report downloads, per setup so reports of several setups can sit in one folder. */
export function reportFileName(setupName: string, extension: 'json' | 'md'): string {
  return `${setupName}-doctor-report.${extension}`;
}
