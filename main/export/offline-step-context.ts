import { apiError, ApiFailure } from '../../shared/contract/api-error';
import type { Setup } from '../../shared/setup/setup';
import { setupArns } from '../../shared/setup/setup-arns';
import { UNKNOWN_NEIGHBOURHOOD } from '../../shared/neighbours/neighbourhood';
import type { AwsTarget } from '../aws/client-config';
import { NO_CHOICES, type PlanContext } from '../steps/step-context';

/**
 * A step context for an offline export: the ARNs derive from the given account id, and `target` throws, so the steps'
 * `propose` (pure) can run but no AWS call can be made by mistake; nothing is known of neighbours.
 */
export function offlineStepContext(setup: Setup, accountId: string): PlanContext {
  return {
    setup,
    ...setupArns(setup, accountId),
    get target(): AwsTarget {
      throw new ApiFailure(apiError('INTERNAL', 'An offline export tried to call AWS.'));
    },
    callerArn: '',
    accountId,
    dataDir: '',
    backupRoot: '',
    signal: new AbortController().signal,
    progress: () => undefined,
    neighbourhood: UNKNOWN_NEIGHBOURHOOD,
    choices: NO_CHOICES,
  };
}
