import { evidenceByVerdict } from './check-evidence';
import { checksByUrgency } from './check-order';
import type { DoctorReport } from './diagnostic-check';

const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' } as const;
const VERDICT = { allowed: 'allowed', refused: 'REFUSED', uncertain: 'cannot be sure' } as const;

/** The diagnostics report as Markdown, for a ticket or change-control record: failures first, and the requests each failing policy check asked. */
export function reportMarkdown(report: DoctorReport): string {
  const checks = checksByUrgency(report.checks);
  const listed = checks.filter((c) => c.status !== 'pass' && c.evidence && c.evidence.length > 0);
  const lines = [
    `# Diagnostics: ${report.setupName}`,
    '',
    `- Result: **${report.ok ? 'no failures' : 'failures found'}**`,
    `- Account: ${report.accountId}, Region: ${report.region}`,
    `- Checked at: ${report.checkedAt}`,
    `- Permissions evaluated by: ${report.permissionsEvaluatedBy}`,
    '',
    '| Check | Status | Detail | Fix |',
    '| --- | --- | --- | --- |',
    ...checks.map((c) => `| ${cell(c.title)} | ${MARK[c.status]} | ${cell(c.detail)} | ${cell(c.fix ?? '')} |`),
    '',
    ...listed.flatMap((c) => [
      `## ${MARK[c.status]}: ${c.title}`,
      '',
      ...evidenceByVerdict(c.evidence ?? []).map(
        (e) =>
          `- ${VERDICT[e.verdict]}: \`${e.action}\` on \`${e.resource}\` for ${e.principal}${e.decidedBy ? `, decided by ${e.decidedBy}` : ''}: ${e.reason}`,
      ),
      '',
    ]),
  ];
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
