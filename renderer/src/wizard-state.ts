import type { Connection } from '../../shared/contract/aws-profile';

/** The wizard's steps, in order. */
export type StepId = 'profile';

/** What the stepper shows for a step. */
export type StepStatus = 'todo' | 'current' | 'done' | 'failed';

/** The wizard state: one variant per step (STYLE.md 4). */
export type WizardState = { readonly step: 'profile'; readonly connection: Connection | null };

/** Titles of the steps, in order, for the stepper. */
export const STEPS: ReadonlyArray<{ readonly id: StepId; readonly title: string }> = [{ id: 'profile', title: 'AWS profile' }];
