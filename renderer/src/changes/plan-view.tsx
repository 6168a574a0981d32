import type { ReactNode } from 'react';
import type { PlanAction, StepPlan, StepResult } from '../../../shared/steps/step-plan';
import { ChangeSummaryList } from '../components/change-summary-list';
import { DiffView } from '../components/diff-view';
import { LongValue } from '../components/long-value';
import { BlockerView } from './blocker-view';
import { WarningBanner } from '../components/warning-banner';

const ACTION_TEXT: Readonly<Record<PlanAction, string>> = {
  create: 'will be created',
  update: 'will be updated',
  delete: 'will be deleted',
  unchanged: 'no change',
  blocked: 'blocked',
};

/** What the badge says once the change was made: what happened, no longer what will. */
const DONE_TEXT: Readonly<Record<StepResult['action'], string>> = {
  created: 'created',
  updated: 'updated',
  deleted: 'deleted',
  unchanged: 'no change',
};

/** What a plan found: the action (or, once made, what was done), the structural summary first, warnings and notes, a refusal, then the diff. */
export function PlanView({
  plan,
  result = null,
  currentLabel,
  proposedLabel,
  idPrefix = 'summary',
  blockerActions,
}: {
  readonly plan: StepPlan;
  /** The write this plan led to, once made: the badge then says what was done. */
  readonly result?: StepResult | null;
  readonly currentLabel?: string;
  readonly proposedLabel?: string;
  /** Unique per page, when several plans are shown together. */
  readonly idPrefix?: string;
  /** The ways out of a blocker (Edit scope, the SNS fan-out), shown beside it. */
  readonly blockerActions?: ReactNode;
}) {
  return (
    <div className="plan">
      <p className="plan-line">
        <span
          className={`action-badge ${result ? `action-done action-done-${result.action}` : `action-${plan.action}`}`}
          data-testid="plan-action"
          data-action={plan.action}
          data-result={result?.action}
        >
          {result ? DONE_TEXT[result.action] : ACTION_TEXT[plan.action]}
        </span>{' '}
        <LongValue value={plan.resource} copy label="resource" testId="plan-resource" />
      </p>
      {plan.blocked ? <BlockerView error={plan.blocked} actions={blockerActions} /> : null}
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
          {plan.draft ? (
            <p className="muted" data-testid="draft-note">
              The proposed side shows where our rule would go once the blocker is resolved. Nothing can be written from this plan while it is blocked.
            </p>
          ) : null}
          <DiffView
            lines={plan.diff.lines}
            currentLabel={currentLabel ?? 'Current (live)'}
            proposedLabel={proposedLabel ?? (plan.draft ? 'Proposed (blocked: not written)' : 'Proposed')}
            currentMissing={plan.current === null || plan.current === undefined}
            proposedMissing={plan.action === 'delete'}
          />
        </section>
      ) : null}
    </div>
  );
}
