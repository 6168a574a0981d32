import { checksByUrgency } from '../../../shared/diagnostics/check-order';
import type { DiagnosticCheck } from '../../../shared/diagnostics/diagnostic-check';
import { AWS_STEPS, type AwsStepId } from '../../../shared/steps/aws-steps';
import { CheckEvidenceList } from './check-evidence-list';
import { offersPlannedFix, STATUS_ICON, STATUS_LABEL } from './check-status';

/**
 * The named checks, failures first, each with its status in words and a mark, what it saw, and when not passing the
 * fix. A policy check that does not pass lists the requests it asked with their answers; its full text stays one click away.
 */
export function CheckList({
  checks,
  disabled,
  onPlanFix,
}: {
  readonly checks: ReadonlyArray<DiagnosticCheck>;
  readonly disabled: boolean;
  readonly onPlanFix: (step: AwsStepId) => void;
}) {
  return (
    <ol className="checks" aria-label="Checks, failures first">
      {checksByUrgency(checks).map((check) => {
        const listed = check.status !== 'pass' && check.evidence !== undefined && check.evidence.length > 0;
        return (
          <li key={check.id} className={`check check-${check.status}`} data-testid="check" data-id={check.id} data-status={check.status}>
            <h3 className="check-title">
              <span className={`check-status status-${check.status}`}>
                <span aria-hidden="true">{STATUS_ICON[check.status]}</span> {STATUS_LABEL[check.status]}:
              </span>{' '}
              {check.title}
            </h3>
            {listed && check.evidence ? (
              <>
                <CheckEvidenceList evidence={check.evidence} title={check.title} />
                <details className="check-full">
                  <summary>Full detail</summary>
                  <p className="check-detail" data-testid="check-detail">
                    {check.detail}
                  </p>
                </details>
              </>
            ) : (
              <p className="check-detail" data-testid="check-detail">
                {check.detail}
              </p>
            )}
            {check.fix && check.status !== 'pass' ? (
              <p className="check-fix" data-testid="check-fix">
                <strong>Fix:</strong> {check.fix}
              </p>
            ) : null}
            {offersPlannedFix(check) && check.fixStep ? (
              <PlanFixButton step={check.fixStep} checkId={check.id} disabled={disabled} onPlanFix={onPlanFix} />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function PlanFixButton({
  step,
  checkId,
  disabled,
  onPlanFix,
}: {
  readonly step: AwsStepId;
  readonly checkId: string;
  readonly disabled: boolean;
  readonly onPlanFix: (step: AwsStepId) => void;
}) {
  const id = `plan-fix-${checkId.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
  return (
    <div className="actions">
      <button type="button" className="secondary small" onClick={() => onPlanFix(step)} disabled={disabled} aria-describedby={id} data-testid="plan-fix">
        Plan the fix
      </button>
      <span id={id} className="muted">
        opens the {AWS_STEPS[step].title} step with its diff; nothing is written until you apply
      </span>
    </div>
  );
}
