import { AWS_STEPS, type AwsStepId } from '../../../shared/steps/aws-steps';
import type { PlanAction } from '../../../shared/steps/step-plan';

/** The Apply button's label (AWS_STEPS[step].applyLabel): clicking it is the admin's confirmation. */
export function applyLabel(step: AwsStepId, action: PlanAction): string {
  return AWS_STEPS[step].applyLabel[action === 'create' ? 'create' : 'update'];
}

/** The sentence next to the Apply button: what is written, with which IAM action, and the safeguards around it. */
export function applySentence(step: AwsStepId, action: PlanAction, resource: string): string {
  const call = AWS_STEPS[step].writeAction[action === 'create' ? 'create' : 'update'];
  const what = step === 'queue' ? `creates the standard queue ${resource}` : `writes the proposed document to ${resource}`;
  return `Applying ${what} with one call (${call}). The live document is re-read first: if it changed since this plan, nothing is written. A local backup of it is saved before the write, and the result is read back and compared.`;
}
