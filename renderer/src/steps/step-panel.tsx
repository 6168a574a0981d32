import { useCallback, useEffect, useRef } from 'react';
import type { Setup } from '../../../shared/setup/setup';
import { AWS_STEPS, type AwsStepId } from '../../../shared/steps/aws-steps';
import type { StepResult } from '../../../shared/steps/step-plan';
import { PlannedChange } from '../changes/planned-change';
import { BlockerActions } from '../changes/blocker-actions';
import { usePlannedChange } from '../changes/use-planned-change';
import { PanelHeading } from '../components/panel-heading';
import { stepIndex, WIZARD_STEPS, type StepOutcome } from '../wizard-state';
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
  /** Other steps whose latest plan is blocked: while there is one, this step may not be applied (the whole plan before the first write). */
  readonly blockedBy: ReadonlyArray<AwsStepId>;
  readonly onOutcome: (outcome: StepOutcome) => void;
  readonly onNext: () => void;
  /** Back to the review of the whole plan, which shows how to resolve a blocker. */
  readonly onReview: () => void;
  /** The setup changed here (an SNS fan-out chosen for an overlap): the wizard goes back to the review with it. */
  readonly onSetupChanged: (setup: Setup) => void;
  /** Back to the scope step (a blocker the scope can fix: another name, a prefix apart from an overlapping rule). */
  readonly onEditScope: () => void;
  /** Other teams' stale rules the admin chose to remove: the wizard keeps them, so every step's plan and apply, and the review, carry them. */
  readonly removeStaleRules: ReadonlyArray<string>;
  readonly onStaleRulesChosen: (ruleIds: ReadonlyArray<string>) => void;
}

/** Why this step waits: the blocked steps named, the rule, and the way out. */
function HeldByBlocker({ blockedBy, onReview }: { readonly blockedBy: ReadonlyArray<AwsStepId>; readonly onReview: () => void }) {
  const titles = blockedBy.map((id) => AWS_STEPS[id].title).join(', ');
  const one = blockedBy.length === 1;
  return (
    <>
      <p>
        <strong>Nothing can be applied yet:</strong> {titles} {one ? 'is' : 'are'} blocked, and the whole plan must be clear before the first write, so a setup
        is never left half-applied. Resolve {one ? 'it' : 'them'} first.
      </p>
      <div className="actions">
        <button type="button" onClick={onReview} data-testid="held-review">
          Review the plan
        </button>
      </div>
    </>
  );
}

/**
 * One of the AWS steps: plan on entering (reads only), show the summary and diff, and write only when the admin
 * clicks Apply; "no change" writes nothing. Mounted with `key={step}`, so each step starts from a fresh plan.
 */
export function StepPanel({
  step,
  setup,
  blockedBy,
  onOutcome,
  onNext,
  onReview,
  onSetupChanged,
  onEditScope,
  removeStaleRules,
  onStaleRulesChosen,
}: StepPanelProps) {
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
    // A blocked plan holds every step until it is resolved; a plannable one clears an earlier blocker or failure (the reducer keeps "applied").
    onOutcome(value.action === 'blocked' && value.blocked ? { kind: 'blocked', error: value.blocked } : { kind: 'todo' });
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
    // BLOCKED is another step's blocker (the back end's gate): this step did not fail, it waits. DRIFT stopped before any write.
    if (!error || error.code === 'CANCELLED' || error.code === 'BLOCKED') return;
    onOutcome(error.code === 'DRIFT' ? { kind: 'drift', error } : { kind: 'failed', error });
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
        {/* The stepper's numbering, so the panel and the folded steps bar of a narrow window never give two numbers. */}
        Step {stepIndex(step) + 1} of {WIZARD_STEPS.length}
      </p>
      <PanelHeading id={headingId}>{AWS_STEPS[step].title}</PanelHeading>
      <p>{AWS_STEPS[step].intro}</p>
      {staleRules.length > 0 ? <StaleRuleChoices rules={staleRules} chosen={removeStaleRules} disabled={change.busy} onChange={onStaleRulesChosen} /> : null}
      <PlannedChange
        change={change}
        onPlan={() => void planStep()}
        idPrefix={step}
        confirmTestId="apply-button"
        confirmLabel={(value) => applyLabel(step, value.action)}
        sentence={(value) => applySentence(step, value.action, value.resource)}
        unchangedText="The live document already matches: nothing will be written."
        onNoChange={() => void acceptNoChange()}
        held={blockedBy.length > 0 ? <HeldByBlocker blockedBy={blockedBy} onReview={onReview} /> : undefined}
        blockerActions={
          plan.value?.blocked ? (
            <BlockerActions setup={setup} blocked={plan.value.blocked} onSetupChanged={onSetupChanged} onEditScope={onEditScope} />
          ) : undefined
        }
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
