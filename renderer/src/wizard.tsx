import { useCallback, useReducer } from 'react';
import type { ApiError } from '../../shared/contract/api-error';
import type { Setup } from '../../shared/setup/setup';
import type { AwsStepId } from '../../shared/steps/aws-steps';
import { assertNever } from '../../shared/util/assert-never';
import { useBusy } from './api/busy-context';
import { useConnection } from './api/connection-context';
import { Stepper } from './components/stepper';
import { sameSetup } from './scope/scope-draft';
import { ScopeStep } from './scope/scope-step';
import { LiveTestStep } from './livetest/live-test-step';
import { ConnectedPanel } from './steps/connected-panel';
import { ProfileStep } from './steps/profile-step';
import { ReviewStep } from './steps/review-step';
import { StepPanel } from './steps/step-panel';
import { SummaryStep } from './steps/summary-step';
import { wizardReducer } from './wizard-reducer';
import { blockedSteps, initialWizard, isAwsStep, stepIndex, stepStatus, type LiveTestOutcome, type StepOutcome, type WizardStepId } from './wizard-state';

/** Props of the wizard screen. */
export interface WizardProps {
  /** A saved setup to review, or null for a new one. */
  readonly opened: Setup | null;
  /** Open the saved setup at this step (diagnostics' "Plan the fix") instead of the profile step. */
  readonly startAt?: WizardStepId | undefined;
  readonly onOpenBackups: (setupName: string) => void;
}

/** The guided apply: the stepper with every step's state, and the current step's panel. */
export function Wizard({ opened, startAt, onOpenBackups }: WizardProps) {
  const [state, dispatch] = useReducer(wizardReducer, { opened, startAt }, initialWizard);
  const { connection, setConnection } = useConnection();
  const busy = useBusy();
  const step = state.step;

  const onOutcome = useCallback(
    (outcome: StepOutcome) => {
      if (isAwsStep(step)) dispatch({ type: 'outcome', step, outcome });
    },
    [step],
  );
  const onNext = useCallback(() => dispatch({ type: 'next' }), []);
  const onLiveTest = useCallback((outcome: LiveTestOutcome) => dispatch({ type: 'liveTest', outcome }), []);
  const onGoto = useCallback((id: WizardStepId) => dispatch({ type: 'goto', step: id }), []);
  const onStaleRulesChosen = useCallback((ruleIds: ReadonlyArray<string>) => dispatch({ type: 'staleRulesChosen', ruleIds }), []);
  const onReviewed = useCallback((blocked: Readonly<Partial<Record<AwsStepId, ApiError>>>) => dispatch({ type: 'reviewed', blocked }), []);
  const canOpen = (id: WizardStepId) =>
    stepIndex(id) <= state.reached && (id === 'profile' || connection !== null) && (stepIndex(id) <= stepIndex('scope') || state.setup !== null);

  function panel() {
    if (step !== 'profile' && !connection) return <ProfileStep />;
    switch (step) {
      case 'profile':
        return connection ? (
          <ConnectedPanel
            connection={connection}
            onChange={() => {
              dispatch({ type: 'disconnected' });
              setConnection(null);
            }}
            onContinue={onNext}
          />
        ) : (
          <ProfileStep />
        );
      case 'scope':
        return (
          <ScopeStep
            connectedRegion={connection?.region ?? 'us-east-1'}
            initial={state.setup ?? state.saved}
            saved={state.saved}
            onConfirmed={(setup) => dispatch({ type: 'scopeConfirmed', setup, changed: state.setup === null || !sameSetup(state.setup, setup) })}
          />
        );
      case 'review':
        return state.setup ? (
          <ReviewStep
            setup={state.setup}
            removeStaleRules={state.removeStaleRules}
            onReviewed={onReviewed}
            onEditScope={() => onGoto('scope')}
            onOpenStep={(id) => dispatch({ type: 'open', step: id })}
            onStart={onNext}
            onSetupChanged={(setup) => dispatch({ type: 'scopeConfirmed', setup, changed: true })}
          />
        ) : null;
      case 'queue':
      case 'queuePolicy':
      case 'kmsKeyPolicy':
      case 'snsFanOut':
      case 'bucketNotification':
      case 'roleTrust':
      case 'rolePermissions':
        return state.setup ? (
          <StepPanel
            key={step}
            step={step}
            setup={state.setup}
            removeStaleRules={state.removeStaleRules}
            onStaleRulesChosen={onStaleRulesChosen}
            blockedBy={blockedSteps(state, step)}
            onOutcome={onOutcome}
            onNext={onNext}
            onReview={() => onGoto('review')}
            onSetupChanged={(setup) => dispatch({ type: 'scopeConfirmed', setup, changed: true })}
            onEditScope={() => onGoto('scope')}
          />
        ) : null;
      case 'liveTest':
        return state.setup ? <LiveTestStep setup={state.setup} outcome={state.liveTest} onOutcome={onLiveTest} onNext={onNext} onOpenStep={onGoto} /> : null;
      case 'summary':
        return state.setup ? (
          <SummaryStep
            setup={state.setup}
            outcomes={state.outcomes}
            liveTest={state.liveTest}
            onOpenBackups={() => onOpenBackups(state.setup?.name ?? '')}
            onRunLiveTest={() => onGoto('liveTest')}
          />
        ) : null;
      default:
        return assertNever(step, 'step');
    }
  }

  return (
    <div className="wizard">
      <Stepper status={(id) => stepStatus(state, id)} current={step} canOpen={canOpen} onSelect={onGoto} disabled={busy} />
      <main className="content" id="main">
        {panel()}
      </main>
    </div>
  );
}
