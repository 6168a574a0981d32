import type { DoctorReport } from './diagnostic-check';

const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' } as const;

/** The diagnostics report as Markdown, for a ticket or change-control record. */
export function reportMarkdown(report: DoctorReport): string {
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
    ...report.checks.map((c) => `| ${cell(c.title)} | ${MARK[c.status]} | ${cell(c.detail)} | ${cell(c.fix ?? '')} |`),
    '',
  ];
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
