import type { ApiError } from '../../shared/contract/api-error';
import type { Setup } from '../../shared/setup/setup';
import { STEP_IDS, STEP_TITLES, type StepId as ApplyStepId } from '../../shared/steps/step-ids';
import type { StepResult } from '../../shared/steps/step-plan';

/** The five AWS-side step ids (shared/steps/step-ids.ts), re-exported for the wizard's modules. */
export type { ApplyStepId };

/** The wizard's steps, in order: connect, scope, the seed's five AWS-side steps, and the summary. */
export type StepId = 'profile' | 'scope' | ApplyStepId | 'summary';

/** What the stepper shows for a step ('unchanged' reads "no change"). */
export type StepStatus = 'todo' | 'current' | 'unchanged' | 'applied' | 'failed' | 'done';

/** Titles of the steps, in order, for the stepper. */
export const STEPS: ReadonlyArray<{ readonly id: StepId; readonly title: string }> = [
  { id: 'profile', title: 'AWS profile' },
  { id: 'scope', title: 'Scope' },
  ...STEP_IDS.map((id) => ({ id, title: STEP_TITLES[id] })),
  { id: 'summary', title: 'Summary' },
];

/** What happened to one AWS-side step in this session. */
export type StepOutcome =
  | { readonly kind: 'todo' }
  | { readonly kind: 'unchanged'; readonly resource: string }
  | { readonly kind: 'applied'; readonly result: StepResult }
  | { readonly kind: 'failed'; readonly error: ApiError };

/** The wizard's state: where the admin is, how far they got, the confirmed setup and each step's outcome. */
export interface WizardState {
  readonly step: StepId;
  /** Index in STEPS of the furthest step reached: every step up to it can be opened again. */
  readonly reached: number;
  /** The setup confirmed on the scope step (null until then). */
  readonly setup: Setup | null;
  /** The setup as last saved (opened from the setups list, or saved on the scope step): prefills the scope form. */
  readonly saved: Setup | null;
  readonly outcomes: Readonly<Record<ApplyStepId, StepOutcome>>;
}

/** True for the five steps that read and write AWS documents. */
export function isApplyStep(id: StepId): id is ApplyStepId {
  return (STEP_IDS as ReadonlyArray<string>).includes(id);
}

/** Position of a step in STEPS. */
export function stepIndex(id: StepId): number {
  return STEPS.findIndex((s) => s.id === id);
}

/** The step after `id` (the summary is last). */
export function nextStep(id: StepId): StepId {
  return STEPS[Math.min(stepIndex(id) + 1, STEPS.length - 1)]?.id ?? 'summary';
}

/** No AWS-side step has run yet. */
export function freshOutcomes(): Readonly<Record<ApplyStepId, StepOutcome>> {
  return Object.fromEntries(STEP_IDS.map((id) => [id, { kind: 'todo' }])) as Record<ApplyStepId, StepOutcome>;
}

/** A new wizard, optionally reviewing a saved setup. */
export function initialWizard(opened: Setup | null = null): WizardState {
  return { step: 'profile', reached: 0, setup: null, saved: opened, outcomes: freshOutcomes() };
}

/** The stepper's status of a step: an AWS step's outcome wins; passed steps are done; the open one is current. */
export function stepStatus(state: WizardState, id: StepId): StepStatus {
  if (isApplyStep(id)) {
    const outcome = state.outcomes[id];
    if (outcome.kind !== 'todo') return outcome.kind;
  }
  if (id === state.step) return 'current';
  if (!isApplyStep(id) && stepIndex(id) < state.reached) return 'done';
  return 'todo';
}
