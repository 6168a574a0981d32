import type { StepId } from '../wizard-state';

/** Words of a fix sentence that name the wizard step applying it, most specific first. */
const STEP_WORDS: ReadonlyArray<readonly [RegExp, StepId]> = [
  [/bucket notification|notification (rule|configuration)/i, 'bucketNotification'],
  [/queue policy/i, 'queuePolicy'],
  [/trust policy/i, 'roleTrust'],
  [/permissions policy|inline policy/i, 'rolePermissions'],
  [/key[- ]policy|KMS|SSE-SQS|queue step/i, 'queue'],
  [/Region/, 'scope'],
];

/**
 * The step a live-test diagnosis points at, read from its fix ("Apply the bucket notification step again"), or null
 * when the fix names none: the result carries words, not a step id.
 */
export function fixStepOf(text: string | null): StepId | null {
  if (!text) return null;
  return STEP_WORDS.find(([words]) => words.test(text))?.[1] ?? null;
}
