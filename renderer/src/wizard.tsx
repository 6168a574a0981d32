import { useCallback, useReducer, useState } from 'react';
import type { Connection } from '../../shared/contract/aws-profile';
import type { Setup } from '../../shared/setup/setup';
import { assertNever } from '../../shared/util/assert-never';
import { Stepper } from './components/stepper';
import { sameSetup } from './scope/scope-draft';
import { ScopeStep } from './scope/scope-step';
import { LiveTestStep } from './livetest/live-test-step';
import { ConnectedPanel } from './steps/connected-panel';
import { ProfileStep } from './steps/profile-step';
import { StepPanel } from './steps/step-panel';
import { SummaryStep } from './steps/summary-step';
import { wizardReducer } from './wizard-reducer';
import { initialWizard, isApplyStep, stepIndex, stepStatus, type LiveTestOutcome, type StepId, type StepOutcome } from './wizard-state';

/** Props of the wizard screen. */
export interface WizardProps {
  readonly connection: Connection | null;
  readonly onConnection: (connection: Connection | null) => void;
  /** A saved setup to review, or null for a new one. */
  readonly opened: Setup | null;
  /** Open the saved setup at this step (diagnostics' "Plan the fix") instead of the profile step. */
  readonly startAt?: StepId;
  readonly onOpenBackups: (setupName: string) => void;
  /** A call is running: the app disables navigation too (only Cancel stays enabled). */
  readonly onBusy: (busy: boolean) => void;
}

/** The guided apply: the stepper with every step's state, and the current step's panel. */
export function Wizard({ connection, onConnection, opened, startAt, onOpenBackups, onBusy }: WizardProps) {
  const [state, dispatch] = useReducer(wizardReducer, { opened, startAt }, initialWizard);
  const [busy, setLocalBusy] = useState(false);
  const setBusy = useCallback(
    (value: boolean) => {
      setLocalBusy(value);
      onBusy(value);
    },
    [onBusy],
  );
  const step = state.step;

  const onOutcome = useCallback(
    (outcome: StepOutcome) => {
      if (isApplyStep(step)) dispatch({ type: 'outcome', step, outcome });
    },
    [step],
  );
  const onNext = useCallback(() => dispatch({ type: 'next' }), []);
  const onLiveTest = useCallback((outcome: LiveTestOutcome) => dispatch({ type: 'liveTest', outcome }), []);
  const onGoto = useCallback((id: StepId) => dispatch({ type: 'goto', step: id }), []);
  const canOpen = (id: StepId) => stepIndex(id) <= state.reached && (id === 'profile' || connection !== null) && (stepIndex(id) <= stepIndex('scope') || state.setup !== null);

  function panel() {
    if (step !== 'profile' && !connection) {
      return (
        <ProfileStep onConnected={onConnection} onBusy={setBusy} />
      );
    }
    switch (step) {
      case 'profile':
        return connection ? (
          <ConnectedPanel
            connection={connection}
            onChange={() => {
              dispatch({ type: 'disconnected' });
              onConnection(null);
            }}
            onContinue={onNext}
          />
        ) : (
          <ProfileStep onConnected={onConnection} onBusy={setBusy} />
        );
      case 'scope':
        return (
          <ScopeStep
            connectedRegion={connection?.region ?? 'us-east-1'}
            initial={state.setup ?? state.saved}
            saved={state.saved}
            onBusy={setBusy}
            onConfirmed={(setup) => dispatch({ type: 'scopeConfirmed', setup, changed: state.setup === null || !sameSetup(state.setup, setup) })}
          />
        );
      case 'queue':
      case 'queuePolicy':
      case 'bucketNotification':
      case 'roleTrust':
      case 'rolePermissions':
        return state.setup ? <StepPanel key={step} step={step} setup={state.setup} onOutcome={onOutcome} onNext={onNext} onBusy={setBusy} /> : null;
      case 'liveTest':
        return state.setup ? (
          <LiveTestStep setup={state.setup} outcome={state.liveTest} onOutcome={onLiveTest} onNext={onNext} onOpenStep={onGoto} onBusy={setBusy} />
        ) : null;
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
      <Stepper
        status={(id) => stepStatus(state, id)}
        current={step}
        canOpen={canOpen}
        onSelect={onGoto}
        disabled={busy}
      />
      <main className="content" id="main">
        {panel()}
      </main>
    </div>
  );
}
