import { AdaptiveRetryStrategy, StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from '@aws-sdk/types';
import type { RetrySettings } from '../network/retry-settings';
import { reportProgress } from '../operation-scope';
import { describeFailure } from './describe-failure';

/**
 * The SDK's own retry strategy for the connection's mode and attempts (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, or the
 * profile's max_attempts/retry_mode), reporting each retry it grants to the operation's progress with the reason.
 */
export function reportingRetryStrategy(settings: RetrySettings, service: string): RetryStrategyV2 {
  const base: RetryStrategyV2 =
    settings.mode === 'adaptive' ? new AdaptiveRetryStrategy(async () => settings.maxAttempts) : new StandardRetryStrategy(settings.maxAttempts);
  return {
    acquireInitialRetryToken: (scope: string) => base.acquireInitialRetryToken(scope),
    async refreshRetryTokenForRetry(token: StandardRetryToken, info: RetryErrorInfo): Promise<StandardRetryToken> {
      // Throws when no retry is left: then the error goes up unreported, as the call's failure.
      const next = (await base.refreshRetryTokenForRetry(token, info)) as StandardRetryToken;
      const delay = (next.getRetryDelay() / 1000).toFixed(1);
      reportProgress(`${service}: ${describeFailure(info.error)}. Retrying (try ${next.getRetryCount() + 1} of ${settings.maxAttempts}) in ${delay} s.`);
      return next;
    },
    recordSuccess: (token: StandardRetryToken) => base.recordSuccess(token),
  };
}
