import { useCallback, useEffect } from 'react';
import type { Setup } from '../../../shared/setup/setup';
import { STEP_IDS, STEP_TITLES, type StepId } from '../../../shared/steps/step-ids';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import type { StepOutcome } from '../wizard-state';
import { ApplyResult } from './apply-result';
import { applyLabel, applySentence, STEP_INTRO } from './apply-wording';
import { PlanView } from './plan-view';

/** Props of one AWS-side step. */
export interface StepPanelProps {
  readonly step: StepId;
  readonly setup: Setup;
  readonly onOutcome: (outcome: StepOutcome) => void;
  readonly onNext: () => void;
  /** Tells the wizard a call is running, so navigation waits (only Cancel stays enabled). */
  readonly onBusy: (busy: boolean) => void;
}

/**
 * One of the five AWS-side steps: plan on entering (reads only), show the summary and diff, and write only when the
 * admin clicks Apply; "no change" writes nothing. Mounted with `key={step}`, so each step starts from a fresh plan.
 */
export function StepPanel({ step, setup, onOutcome, onNext, onBusy }: StepPanelProps) {
  const plan = useOperation('steps.plan');
  const apply = useOperation('steps.apply');
  const busy = plan.loading || apply.loading;
  const headingId = `step-${step}-title`;

  const runPlan = useCallback(async () => {
    apply.reset();
    const value = await plan.run({ setup, step });
    if (!value) return;
    // A blocked plan is a failed step; a plannable one clears an earlier failure (the reducer keeps "applied").
    onOutcome(value.action === 'blocked' && value.blocked ? { kind: 'failed', error: value.blocked } : { kind: 'todo' });
  }, [apply.reset, plan.run, setup, step, onOutcome]);

  useEffect(() => {
    void runPlan();
    // Plan once per mount: the parent remounts the panel for another step or setup.
  }, []);

  useEffect(() => onBusy(busy), [busy, onBusy]);

  useEffect(() => {
    const error = plan.error ?? apply.error;
    if (error && error.code !== 'CANCELLED') onOutcome({ kind: 'failed', error });
  }, [plan.error, apply.error, onOutcome]);

  async function confirm() {
    if (!plan.value) return;
    const result = await apply.run({ setup, step, basis: plan.value.basis });
    if (!result) return;
    onOutcome(result.action === 'unchanged' ? { kind: 'unchanged', resource: result.resource } : { kind: 'applied', result });
  }

  function acceptNoChange() {
    if (plan.value) onOutcome({ kind: 'unchanged', resource: plan.value.resource });
    onNext();
  }

  const value = plan.value;
  return (
    <section aria-labelledby={headingId} className="panel" data-testid={`step-panel-${step}`} aria-busy={busy}>
      <p className="muted step-count">
        Step {STEP_IDS.indexOf(step) + 1} of {STEP_IDS.length} on AWS
      </p>
      <PanelHeading id={headingId}>{STEP_TITLES[step]}</PanelHeading>
      <p>{STEP_INTRO[step]}</p>
      {plan.loading ? <ProgressLine message={plan.progress ?? 'Reading the live document'} elapsedMs={plan.elapsedMs} onCancel={plan.cancel} /> : null}
      {plan.error ? (
        <>
          <ErrorBanner error={plan.error} />
          <div className="actions">
            <button type="button" onClick={() => void runPlan()}>
              Plan again
            </button>
          </div>
        </>
      ) : null}
      {value ? <PlanView plan={value} /> : null}
      {value && apply.value ? (
        <>
          <ApplyResult result={apply.value} />
          <div className="actions">
            <button type="button" onClick={onNext}>
              Continue
            </button>
          </div>
        </>
      ) : null}
      {value && !apply.value ? (
        <div className="confirm">
          {value.action === 'unchanged' ? (
            <p>The live document already matches: nothing will be written.</p>
          ) : value.action === 'blocked' ? (
            <p>This step cannot be applied until the problem above is fixed. Fix it, then plan again.</p>
          ) : (
            <p id={`${step}-apply-note`}>{applySentence(step, value.action, value.resource)}</p>
          )}
          {apply.loading ? <ProgressLine message={apply.progress ?? 'Applying'} elapsedMs={apply.elapsedMs} onCancel={apply.cancel} /> : null}
          {apply.error ? (
            <>
              {apply.error.code === 'DRIFT' ? (
                <p className="drift-note">
                  <strong>Changed since the plan.</strong> Someone else edited this document after it was read. Plan again to see the new
                  diff before applying.
                </p>
              ) : null}
              <ErrorBanner error={apply.error} />
            </>
          ) : null}
          <div className="actions">
            {value.action === 'unchanged' ? (
              <button type="button" data-testid="continue-button" onClick={acceptNoChange} disabled={busy}>
                No change — continue
              </button>
            ) : (
              <button
                type="button"
                data-testid="apply-button"
                onClick={() => void confirm()}
                disabled={busy || value.action === 'blocked' || apply.error !== null}
                aria-describedby={value.action === 'blocked' ? undefined : `${step}-apply-note`}
              >
                {applyLabel(step, value.action)}
              </button>
            )}
            <button type="button" className="secondary" onClick={() => void runPlan()} disabled={busy}>
              Plan again
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
