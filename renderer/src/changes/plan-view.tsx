import type { PlanAction, StepPlan } from '../../../shared/steps/step-plan';
import { ChangeSummaryList } from '../components/change-summary-list';
import { DiffView } from '../components/diff-view';
import { ErrorBanner } from '../components/error-banner';
import { WarningBanner } from '../components/warning-banner';

const ACTION_TEXT: Readonly<Record<PlanAction, string>> = {
  create: 'will be created',
  update: 'will be updated',
  delete: 'will be deleted',
  unchanged: 'no change',
  blocked: 'blocked',
};

/** What a plan found: the action, the structural summary first, warnings and notes, a refusal, then the diff. */
export function PlanView({
  plan,
  currentLabel,
  proposedLabel,
  idPrefix = 'summary',
}: {
  readonly plan: StepPlan;
  readonly currentLabel?: string;
  readonly proposedLabel?: string;
  /** Unique per page, when several plans are shown together. */
  readonly idPrefix?: string;
}) {
  return (
    <div className="plan">
      <p className="plan-line">
        <span className={`action-badge action-${plan.action}`} data-testid="plan-action" data-action={plan.action}>
          {ACTION_TEXT[plan.action]}
        </span>{' '}
        <code className="resource">{plan.resource}</code>
      </p>
      {plan.blocked ? <ErrorBanner error={plan.blocked} /> : null}
      {plan.warnings.map((warning) => (
        <WarningBanner key={warning} text={warning} />
      ))}
      {plan.notes.length > 0 ? (
        <ul className="notes">
          {plan.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {plan.action !== 'blocked' || plan.summary.length > 0 ? (
        <section aria-label="What changes">
          <h3>What changes</h3>
          <ChangeSummaryList summary={plan.summary} idPrefix={idPrefix} />
        </section>
      ) : null}
      {plan.diff.lines.length > 0 ? (
        <section aria-label="Documents">
          <h3>Documents</h3>
          <DiffView
            lines={plan.diff.lines}
            currentLabel={currentLabel ?? 'Current (live)'}
            proposedLabel={proposedLabel ?? 'Proposed'}
            currentMissing={plan.current === null || plan.current === undefined}
            proposedMissing={plan.action === 'delete'}
          />
        </section>
      ) : null}
    </div>
  );
}
