import { useState } from 'react';
import { assertNever } from '../../shared/util/assert-never';
import { ConnectedPanel } from './steps/connected-panel';
import { ProfileStep } from './steps/profile-step';
import { Stepper } from './components/stepper';
import type { WizardState } from './wizard-state';

/** The wizard: the stepper and the current step's panel. */
export function App() {
  const [state, setState] = useState<WizardState>({ step: 'profile', connection: null });

  function panel() {
    switch (state.step) {
      case 'profile':
        return state.connection ? (
          <ConnectedPanel connection={state.connection} onChange={() => setState({ step: 'profile', connection: null })} />
        ) : (
          <ProfileStep onConnected={(connection) => setState({ step: 'profile', connection })} />
        );
      default:
        return assertNever(state.step, 'step');
    }
  }

  return (
    <div className="layout">
      <header className="app-header">
        <h1>SQS (S3) setup wizard</h1>
      </header>
      <Stepper status={(id) => (id === state.step ? (state.connection ? 'done' : 'current') : 'todo')} />
      <main className="content">{panel()}</main>
    </div>
  );
}
