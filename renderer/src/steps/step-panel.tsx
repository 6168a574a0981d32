import { useCallback, useEffect, useRef, useState } from 'react';
import type { Setup } from '../../../shared/setup/setup';
import { AWS_STEP_IDS, AWS_STEPS, type AwsStepId } from '../../../shared/steps/aws-steps';
import type { StepResult } from '../../../shared/steps/step-plan';
import { PlannedChange } from '../changes/planned-change';
import { usePlannedChange } from '../changes/use-planned-change';
import { PanelHeading } from '../components/panel-heading';
import type { StepOutcome } from '../wizard-state';
import { applyLabel, applySentence } from './apply-wording';
import { StaleRuleChoices } from './stale-rule-choices';

/** What a step's result means for the stepper. */
function outcomeOf(result: StepResult): StepOutcome {
  return result.action === 'unchanged' ? { kind: 'unchanged', resource: result.resource } : { kind: 'applied', result };
}

/** Props of one AWS step's screen. */
export interface StepPanelProps {
  readonly step: AwsStepId;
  readonly setup: Setup;
  readonly onOutcome: (outcome: StepOutcome) => void;
  readonly onNext: () => void;
}

/**
 * One of the five AWS steps: plan on entering (reads only), show the summary and diff, and write only when the admin
 * clicks Apply; "no change" writes nothing. Mounted with `key={step}`, so each step starts from a fresh plan.
 */
export function StepPanel({ step, setup, onOutcome, onNext }: StepPanelProps) {
  // Other teams' stale rules the admin chose to remove: sent with the plan and again with its apply.
  const [removeStaleRules, setRemoveStaleRules] = useState<ReadonlyArray<string>>([]);
  const change = usePlannedChange('steps.plan', { setup, step, removeStaleRules: [...removeStaleRules] }, 'steps.apply', (basis) => ({
    setup,
    step,
    basis,
    removeStaleRules: [...removeStaleRules],
  }));
  const { plan, apply, runPlan } = change;
  const headingId = `step-${step}-title`;

  const planStep = useCallback(async () => {
    const value = await runPlan();
    if (!value) return;
    // A blocked plan is a failed step; a plannable one clears an earlier failure (the reducer keeps "applied").
    onOutcome(value.action === 'blocked' && value.blocked ? { kind: 'failed', error: value.blocked } : { kind: 'todo' });
  }, [runPlan, onOutcome]);

  // Plans once per mount (planStep stays the same function): the parent remounts the panel for another step or setup.
  useEffect(() => {
    void planStep();
  }, [planStep]);

  // A changed choice plans again, so the diff shows the other team's rule going (the mount's plan is the one above).
  const choicesPlanned = useRef(removeStaleRules);
  useEffect(() => {
    if (choicesPlanned.current === removeStaleRules) return;
    choicesPlanned.current = removeStaleRules;
    void planStep();
  }, [removeStaleRules, planStep]);
  const staleRules = plan.value?.staleRules ?? [];

  useEffect(() => {
    const error = plan.error ?? apply.error;
    if (error && error.code !== 'CANCELLED') onOutcome({ kind: 'failed', error });
  }, [plan.error, apply.error, onOutcome]);

  useEffect(() => {
    if (apply.value) onOutcome(outcomeOf(apply.value));
  }, [apply.value, onOutcome]);

  // "No change" goes through the guarded write too: it re-reads (drift guard), writes nothing, and records what the setup uses.
  async function acceptNoChange() {
    const result = await change.confirm();
    if (!result) return;
    onOutcome(outcomeOf(result));
    onNext();
  }

  return (
    <section aria-labelledby={headingId} className="panel" data-testid={`step-panel-${step}`} aria-busy={change.busy}>
      <p className="muted step-count">
        Step {AWS_STEP_IDS.indexOf(step) + 1} of {AWS_STEP_IDS.length} on AWS
      </p>
      <PanelHeading id={headingId}>{AWS_STEPS[step].title}</PanelHeading>
      <p>{AWS_STEPS[step].intro}</p>
      {staleRules.length > 0 ? <StaleRuleChoices rules={staleRules} chosen={removeStaleRules} disabled={change.busy} onChange={setRemoveStaleRules} /> : null}
      <PlannedChange
        change={change}
        onPlan={() => void planStep()}
        idPrefix={step}
        confirmTestId="apply-button"
        confirmLabel={(value) => applyLabel(step, value.action)}
        sentence={(value) => applySentence(step, value.action, value.resource)}
        unchangedText="The live document already matches: nothing will be written."
        onNoChange={() => void acceptNoChange()}
        afterApply={
          <div className="actions">
            <button type="button" onClick={onNext}>
              Continue
            </button>
          </div>
        }
      />
    </section>
  );
}
