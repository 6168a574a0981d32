import type { ReactNode } from 'react';
import type { StepPlan } from '../../../shared/steps/step-plan';
import { ErrorBanner } from '../components/error-banner';
import { ProgressLine } from '../components/progress-line';
import { ApplyResult } from './apply-result';
import { DriftBanner, isDrift } from './drift-banner';
import { PlanView } from './plan-view';
import type { PlannedChangeState } from './use-planned-change';

/** What a screen says around one planned change; the structure (plan, diff, confirm, drift, result) is the same everywhere. */
export interface PlannedChangeProps {
  readonly change: PlannedChangeState;
  /** Plans again (Plan again buttons): the screen's own planning, which may report the new plan too. */
  readonly onPlan: () => void;
  /** Labels of the diff's two sides. */
  readonly currentLabel?: string;
  readonly proposedLabel?: string;
  /** The confirm button's label and test id; the button is the admin's confirmation. */
  readonly confirmLabel: (plan: StepPlan) => string;
  readonly confirmTestId: string;
  /** What confirming writes, and the safeguards around it (read by screen readers with the button). */
  readonly sentence: (plan: StepPlan) => string;
  /** Said when the live document already matches. */
  readonly unchangedText: string;
  /** With it, a "No change — continue" button accepts a plan that writes nothing. */
  readonly onNoChange?: () => void;
  /** Shown after a successful write (the wizard's Continue). */
  readonly afterApply?: ReactNode;
  /** Id prefix of the sentence element. */
  readonly idPrefix: string;
  /** Why nothing may be written now though this plan is fine (another step of the plan is blocked), with the way out; confirming waits until it is gone. */
  readonly held?: ReactNode;
  /** The ways out of this plan's own blocker, shown beside it. */
  readonly blockerActions?: ReactNode;
}

/**
 * One planned change on screen: the plan's progress or error, the summary and diff, then the confirmation (or "no
 * change" / "blocked"), the write's progress, a drift note when the live document changed since the plan, and the
 * result with its backup.
 */
export function PlannedChange({
  change,
  onPlan,
  currentLabel,
  proposedLabel,
  confirmLabel,
  confirmTestId,
  sentence,
  unchangedText,
  onNoChange,
  afterApply,
  idPrefix,
  held,
  blockerActions,
}: PlannedChangeProps) {
  const { plan, apply, busy, confirm } = change;
  const value = plan.value;
  const noteId = `${idPrefix}-apply-note`;
  const planAgain = (
    <button type="button" className="secondary" onClick={onPlan} disabled={busy}>
      Plan again
    </button>
  );
  return (
    <>
      {plan.loading ? <ProgressLine message={plan.progress ?? 'Reading the live document'} elapsedMs={plan.elapsedMs} onCancel={plan.cancel} /> : null}
      {plan.error ? (
        <>
          <ErrorBanner error={plan.error} />
          <div className="actions">
            <button type="button" onClick={onPlan} disabled={busy}>
              Plan again
            </button>
          </div>
        </>
      ) : null}
      {value ? (
        <PlanView
          plan={value}
          result={apply.value}
          blockerActions={blockerActions}
          {...(currentLabel ? { currentLabel } : {})}
          {...(proposedLabel ? { proposedLabel } : {})}
        />
      ) : null}
      {value && apply.value ? (
        <>
          <ApplyResult result={apply.value} />
          {afterApply}
        </>
      ) : null}
      {value && !apply.value ? (
        <div className="confirm">
          {value.action === 'unchanged' ? (
            <p>{unchangedText}</p>
          ) : value.action === 'blocked' ? (
            <p>This change cannot be made until the blocker above is resolved. Resolve it, then plan again.</p>
          ) : (
            <p id={noteId}>{sentence(value)}</p>
          )}
          {held && value.action !== 'blocked' ? (
            <div className="banner warn" role="status" data-testid="apply-held">
              {held}
            </div>
          ) : null}
          {apply.loading ? <ProgressLine message={apply.progress ?? 'Writing'} elapsedMs={apply.elapsedMs} onCancel={apply.cancel} /> : null}
          {isDrift(apply.error) ? <DriftBanner error={apply.error} what={<code>{value.resource}</code>} /> : null}
          {apply.error && !isDrift(apply.error) ? <ErrorBanner error={apply.error} /> : null}
          <div className="actions">
            {value.action === 'unchanged' ? (
              onNoChange ? (
                <button type="button" data-testid="continue-button" onClick={onNoChange} disabled={busy || Boolean(held)}>
                  No change — continue
                </button>
              ) : null
            ) : (
              <button
                type="button"
                data-testid={confirmTestId}
                onClick={() => void confirm()}
                disabled={busy || value.action === 'blocked' || apply.error !== null || Boolean(held)}
                aria-describedby={value.action === 'blocked' ? undefined : noteId}
              >
                {confirmLabel(value)}
              </button>
            )}
            {planAgain}
          </div>
        </div>
      ) : null}
    </>
  );
}
