import type { ApiError } from '../../shared/contract/api-error';
import type { Setup } from '../../shared/setup/setup';
import { AWS_STEP_IDS, AWS_STEPS, type AwsStepId } from '../../shared/steps/aws-steps';
import type { StepResult } from '../../shared/steps/step-plan';
import type { LiveTestResult } from '../../shared/livetest/live-test-result';

/** The wizard's screens, in order: connect, scope, the review of the whole plan, the six AWS steps (AwsStepId), the live test, and the summary with the hand-off. */
export type WizardStepId = 'profile' | 'scope' | 'review' | AwsStepId | 'liveTest' | 'summary';

/** What the stepper shows for a step ('unchanged' reads "no change"). */
export type StepStatus = 'todo' | 'current' | 'unchanged' | 'applied' | 'blocked' | 'drift' | 'failed' | 'done' | 'passed' | 'skipped';

/** The wizard's screens in order, with the titles the stepper shows. */
export const WIZARD_STEPS: ReadonlyArray<{ readonly id: WizardStepId; readonly title: string }> = [
  { id: 'profile', title: 'AWS profile' },
  { id: 'scope', title: 'Scope' },
  { id: 'review', title: 'Review the plan' },
  ...AWS_STEP_IDS.map((id) => ({ id, title: AWS_STEPS[id].title })),
  { id: 'liveTest', title: 'Live test' },
  { id: 'summary', title: 'Summary and hand-off' },
];

/**
 * What happened to one AWS step in this session; 'blocked': its latest plan refused it (nothing may be applied until it is
 * resolved); 'drift': the write stopped because the live document changed since the plan (nothing was written: plan again).
 */
export type StepOutcome =
  | { readonly kind: 'todo' }
  | { readonly kind: 'unchanged'; readonly resource: string }
  | { readonly kind: 'applied'; readonly result: StepResult }
  | { readonly kind: 'blocked'; readonly error: ApiError }
  | { readonly kind: 'drift'; readonly error: ApiError }
  | { readonly kind: 'failed'; readonly error: ApiError };

/** What the live test gave in this session: not run, passed, failed (the event did not arrive), or skipped by the admin. */
export type LiveTestOutcome =
  | { readonly kind: 'todo' }
  | { readonly kind: 'passed'; readonly result: LiveTestResult }
  | { readonly kind: 'failed'; readonly result: LiveTestResult | null }
  | { readonly kind: 'skipped' };

/** The wizard's state: where the admin is, how far they got, the confirmed setup and each step's outcome. */
export interface WizardState {
  readonly step: WizardStepId;
  /** Index in WIZARD_STEPS of the furthest step reached: every step up to it can be opened again. */
  readonly reached: number;
  /** The setup confirmed on the scope step (null until then). */
  readonly setup: Setup | null;
  /** The setup as last saved (opened from the setups list, or saved on the scope step): prefills the scope form. */
  readonly saved: Setup | null;
  readonly outcomes: Readonly<Record<AwsStepId, StepOutcome>>;
  readonly liveTest: LiveTestOutcome;
  /** Other teams' stale rules the admin chose to remove (by Id): every plan and apply of this setup carries them, as the CLI's --remove-stale-rule does. */
  readonly removeStaleRules: ReadonlyArray<string>;
}

/** True for the six screens that read and write AWS documents. */
export function isAwsStep(id: WizardStepId): id is AwsStepId {
  return (AWS_STEP_IDS as ReadonlyArray<string>).includes(id);
}

/** Position of a step in WIZARD_STEPS. */
export function stepIndex(id: WizardStepId): number {
  return WIZARD_STEPS.findIndex((s) => s.id === id);
}

/** The step after `id` (the summary is last). */
export function nextStep(id: WizardStepId): WizardStepId {
  return WIZARD_STEPS[Math.min(stepIndex(id) + 1, WIZARD_STEPS.length - 1)]?.id ?? 'summary';
}

/** No AWS-side step has run yet. */
export function freshOutcomes(): Readonly<Record<AwsStepId, StepOutcome>> {
  return Object.fromEntries(AWS_STEP_IDS.map((id) => [id, { kind: 'todo' }])) as Record<AwsStepId, StepOutcome>;
}

/** Where a new wizard opens: a saved setup to review, and optionally the step to open it at (diagnostics' "Plan the fix"). */
export interface WizardStart {
  readonly opened: Setup | null;
  readonly startAt?: WizardStepId;
}

/**
 * A new wizard, optionally reviewing a saved setup. Opening at a later step takes the saved setup as confirmed (it
 * was validated when it was saved); the earlier steps stay open from the stepper.
 */
export function initialWizard(start: WizardStart = { opened: null }): WizardState {
  const base: WizardState = {
    step: 'profile',
    reached: 0,
    setup: null,
    saved: start.opened,
    outcomes: freshOutcomes(),
    liveTest: { kind: 'todo' },
    removeStaleRules: [],
  };
  const at = start.startAt;
  if (!start.opened || !at || stepIndex(at) <= stepIndex('scope')) return base;
  return { ...base, step: at, reached: stepIndex(at), setup: start.opened };
}

/** The stepper's status of a step: an AWS step's outcome wins; passed steps are done; the open one is current. */
export function stepStatus(state: WizardState, id: WizardStepId): StepStatus {
  if (isAwsStep(id)) {
    const outcome = state.outcomes[id];
    if (outcome.kind !== 'todo') return outcome.kind;
  }
  if (id === 'liveTest' && state.liveTest.kind !== 'todo') return state.liveTest.kind;
  if (id === state.step) return 'current';
  if (!isAwsStep(id) && id !== 'liveTest' && stepIndex(id) < state.reached) return 'done';
  return 'todo';
}

/** The AWS steps whose latest plan is blocked, other than `except`: while there is one, no step may be applied (the whole plan before the first write). */
export function blockedSteps(state: WizardState, except?: AwsStepId): ReadonlyArray<AwsStepId> {
  return AWS_STEP_IDS.filter((id) => id !== except && state.outcomes[id].kind === 'blocked');
}
