import type { DoctorReport } from '../../../shared/diagnostics/diagnostic-check';
import { reportMarkdown } from '../../../shared/diagnostics/report-markdown';
import type { AwsStepId } from '../../../shared/steps/aws-steps';
import { downloadText } from '../components/download-file';
import { CheckList } from './check-list';
import { reportFileName, statusCounts } from './check-status';

/** A diagnostics report: the verdict with counts, where it was checked, the downloads, and every check. */
export function ReportView({
  report,
  disabled,
  onPlanFix,
}: {
  readonly report: DoctorReport;
  readonly disabled: boolean;
  readonly onPlanFix: (step: AwsStepId) => void;
}) {
  return (
    <div className="report" data-testid="diagnostics-report" data-ok={report.ok}>
      <p className={`banner ${report.ok ? 'ok' : 'error'}`} data-testid="diagnostics-summary">
        <strong>{report.ok ? 'No failures' : 'Failures found'}</strong>: {statusCounts(report.checks)}.
      </p>
      <dl className="facts">
        <dt>Account</dt>
        <dd>
          <code>{report.accountId}</code>
        </dd>
        <dt>Region</dt>
        <dd>{report.region}</dd>
        <dt>Checked at</dt>
        <dd>
          <time dateTime={report.checkedAt}>{new Date(report.checkedAt).toLocaleString()}</time>
        </dd>
        <dt>Permissions evaluated by</dt>
        <dd data-testid="permissions-evaluated-by">{report.permissionsEvaluatedBy}</dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          className="secondary small"
          onClick={() => downloadText(reportFileName(report.setupName, 'json'), `${JSON.stringify(report, null, 2)}\n`, 'application/json')}
        >
          Download JSON
        </button>
        <button
          type="button"
          className="secondary small"
          onClick={() => downloadText(reportFileName(report.setupName, 'md'), reportMarkdown(report), 'text/markdown')}
        >
          Download Markdown
        </button>
      </div>
      <CheckList checks={report.checks} disabled={disabled} onPlanFix={onPlanFix} />
    </div>
  );
}
