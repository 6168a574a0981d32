import type { Setup } from '../../shared/setup/setup';
import { assertNever } from '../../shared/util/assert-never';
import { freshOutcomes, nextStep, stepIndex, type LiveTestOutcome, type WizardStepId, type StepOutcome, type WizardState } from './wizard-state';
import type { ApiError } from '../../shared/contract/api-error';
import { AWS_STEP_IDS, type AwsStepId } from '../../shared/steps/aws-steps';

/** Everything that moves the wizard (docs/ARCHITECTURE.md#conventions: a union handled by one exhaustive switch). */
export type WizardAction =
  | { readonly type: 'goto'; readonly step: WizardStepId }
  | { readonly type: 'open'; readonly step: WizardStepId }
  | { readonly type: 'next' }
  | { readonly type: 'scopeConfirmed'; readonly setup: Setup; readonly changed: boolean }
  | { readonly type: 'outcome'; readonly step: AwsStepId; readonly outcome: StepOutcome }
  | { readonly type: 'reviewed'; readonly blocked: Readonly<Partial<Record<AwsStepId, ApiError>>> }
  | { readonly type: 'liveTest'; readonly outcome: LiveTestOutcome }
  | { readonly type: 'staleRulesChosen'; readonly ruleIds: ReadonlyArray<string> }
  | { readonly type: 'disconnected' };

function moveTo(state: WizardState, step: WizardStepId): WizardState {
  return { ...state, step, reached: Math.max(state.reached, stepIndex(step)) };
}

/** The wizard's transitions; jumping is allowed only to steps already reached. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'goto':
      return stepIndex(action.step) <= state.reached ? { ...state, step: action.step } : state;
    case 'open':
      // The review page's "Open that step": a blocked step may be opened before the ones before it were applied.
      return state.setup ? moveTo(state, action.step) : state;
    case 'next':
      if (state.step === 'scope' && !state.setup) return state;
      return moveTo(state, nextStep(state.step));
    case 'scopeConfirmed': {
      // A changed scope makes every later plan stale: the AWS steps start over from the queue.
      const confirmed = { ...state, setup: action.setup, saved: action.setup };
      // The stale-rule choices name rules of the bucket as it was planned: another scope starts without them.
      const base = action.changed
        ? { ...confirmed, outcomes: freshOutcomes(), liveTest: { kind: 'todo' as const }, reached: stepIndex('scope'), removeStaleRules: [] }
        : confirmed;
      return moveTo(base, nextStep('scope'));
    }
    case 'outcome': {
      const previous = state.outcomes[action.step];
      // Re-visiting an applied step finds no change: it stays "applied" for this session.
      if (action.outcome.kind === 'unchanged' && previous.kind === 'applied') return state;
      // A new plan clears only a failure, a drift stop or a blocker; what was applied or found unchanged stays so.
      if (action.outcome.kind === 'todo' && previous.kind !== 'failed' && previous.kind !== 'drift' && previous.kind !== 'blocked') return state;
      // A write after the live test makes its result stale: the test is to be run again.
      const liveTest = action.outcome.kind === 'applied' ? { kind: 'todo' as const } : state.liveTest;
      return { ...state, outcomes: { ...state.outcomes, [action.step]: action.outcome }, liveTest };
    }
    case 'reviewed': {
      // The review of the whole plan is the latest word on every step's blocker: new ones are set, resolved ones cleared.
      const outcomes = Object.fromEntries(
        AWS_STEP_IDS.map((id) => {
          const error = action.blocked[id];
          const previous = state.outcomes[id];
          return [id, error ? { kind: 'blocked', error } : previous.kind === 'blocked' ? { kind: 'todo' } : previous];
        }),
      ) as Record<AwsStepId, StepOutcome>;
      return { ...state, outcomes };
    }
    case 'liveTest':
      return { ...state, liveTest: action.outcome };
    case 'staleRulesChosen':
      return { ...state, removeStaleRules: action.ruleIds };
    case 'disconnected':
      // Another profile may be another account: every AWS step must be planned again.
      return { ...state, step: 'profile', reached: 0, outcomes: freshOutcomes(), liveTest: { kind: 'todo' } };
    default:
      return assertNever(action, 'wizard action');
  }
}
