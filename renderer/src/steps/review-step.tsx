import { useCallback, useEffect } from 'react';
import type { ApiError } from '../../../shared/contract/api-error';
import type { Setup } from '../../../shared/setup/setup';
import type { AwsStepId } from '../../../shared/steps/aws-steps';
import type { StepPlan } from '../../../shared/steps/step-plan';
import { countOf } from '../../../shared/util/count-of';
import { useOperation } from '../api/use-operation';
import { ChangeSummaryList } from '../components/change-summary-list';
import { ErrorBanner } from '../components/error-banner';
import { LongValue } from '../components/long-value';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import { WarningBanner } from '../components/warning-banner';
import { BlockerActions } from '../changes/blocker-actions';
import { BlockerView } from '../changes/blocker-view';
import { FanOutChosen } from '../changes/fan-out-chosen';

/** What the review says of each plan's action. */
const ACTION_TEXT: Readonly<Record<StepPlan['action'], string>> = {
  create: 'will be created',
  update: 'will be updated',
  delete: 'will be deleted',
  unchanged: 'no change',
  blocked: 'blocked',
};

/** Props of the review page. */
export interface ReviewStepProps {
  readonly setup: Setup;
  /** Other teams' stale rules the admin chose to remove (on the bucket notification step): the review plans with them. */
  readonly removeStaleRules: ReadonlyArray<string>;
  /** Each plan's blocker, after every review: while one stands, no step may be applied from anywhere in the wizard. */
  readonly onReviewed: (blocked: Readonly<Partial<Record<AwsStepId, ApiError>>>) => void;
  readonly onEditScope: () => void;
  readonly onOpenStep: (step: AwsStepId) => void;
  readonly onStart: () => void;
  /** The setup changed here (an SNS fan-out chosen for an overlap): the review plans again with it. */
  readonly onSetupChanged: (setup: Setup) => void;
}

/**
 * The whole plan before the first write: every AWS step planned against the live account and the setup's neighbours,
 * each change with its summary and each blocker with the way to fix it. Nothing is written here; the steps are then
 * applied one by one, each with its own diff, confirmation, drift guard and backup.
 */
export function ReviewStep({ setup, removeStaleRules, onReviewed, onEditScope, onOpenStep, onStart, onSetupChanged }: ReviewStepProps) {
  const plans = useOperation('steps.planAll');
  const { run } = plans;
  const review = useCallback(async () => {
    const value = await run({ setup, removeStaleRules: [...removeStaleRules] });
    if (value) onReviewed(Object.fromEntries(value.flatMap((p) => (p.blocked ? [[p.step, p.blocked]] : []))));
  }, [run, setup, removeStaleRules, onReviewed]);
  useEffect(() => {
    void review();
  }, [review]);
  const value = plans.value ?? [];
  const blocked = value.filter((p) => p.blocked);
  const changes = value.filter((p) => p.action === 'create' || p.action === 'update' || p.action === 'delete');

  return (
    <section aria-labelledby="review-title" className="panel" data-testid="step-panel-review" aria-busy={plans.loading}>
      <PanelHeading id="review-title">Review the plan</PanelHeading>
      <p>
        Every AWS step, planned against the live account before anything is written. The wizard also looked for other setups and other users of the queue and
        the role, so it never takes over what they use.
      </p>
      <FanOutChosen setup={setup} onChanged={onSetupChanged} />
      {plans.loading ? <ProgressLine message={plans.progress ?? 'Planning every step'} elapsedMs={plans.elapsedMs} onCancel={plans.cancel} /> : null}
      {plans.error ? <ErrorBanner error={plans.error} /> : null}
      {plans.value ? (
        <>
          <p data-testid="review-headline">
            {blocked.length > 0
              ? `${countOf(blocked.length, 'step')} blocked: nothing has been written, and no step can be applied until ${blocked.length === 1 ? 'it is' : 'they are'} resolved.`
              : `${changes.length} of ${countOf(value.length, 'step')} will change the account; nothing has been written yet.`}
          </p>
          <ol className="review-list">
            {value.map((plan) => (
              <li key={plan.step} className="review-item" data-testid={`review-${plan.step}`} data-action={plan.action}>
                <h3>
                  {plan.title}{' '}
                  <span className={`action-badge action-${plan.action}`} data-testid="plan-action" data-action={plan.action}>
                    {ACTION_TEXT[plan.action]}
                  </span>
                </h3>
                <p className="plan-line">
                  <LongValue value={plan.resource} copy label={`${plan.title} resource`} testId="plan-resource" />
                </p>
                {plan.blocked ? (
                  <BlockerView
                    error={plan.blocked}
                    actions={
                      <BlockerActions
                        setup={setup}
                        blocked={plan.blocked}
                        onSetupChanged={onSetupChanged}
                        onEditScope={onEditScope}
                        onOpenStep={() => onOpenStep(plan.step)}
                      />
                    }
                  />
                ) : plan.action === 'unchanged' && plan.current === null && plan.proposed === null ? (
                  // A step this setup does not need (no customer managed key, no overlap): why, instead of an empty summary.
                  <p className="muted" data-testid="review-not-needed">
                    {plan.notes[0] ?? 'Not needed for this setup: nothing is written.'}
                  </p>
                ) : (
                  <ChangeSummaryList summary={plan.summary} idPrefix={`review-${plan.step}`} />
                )}
                {plan.warnings.map((w) => (
                  <WarningBanner key={w} text={w} />
                ))}
              </li>
            ))}
          </ol>
          <div className="actions">
            <button type="button" onClick={onStart} disabled={blocked.length > 0} data-testid="review-start">
              Start applying, step by step
            </button>
            <button type="button" className="secondary" onClick={() => void review()} disabled={plans.loading}>
              Plan again
            </button>
            <button type="button" className="secondary" onClick={onEditScope}>
              Edit scope
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
