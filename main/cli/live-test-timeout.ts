import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { LIVE_TEST_DEFAULT_SECONDS, LIVE_TEST_MAX_SECONDS } from '../../shared/livetest/live-test-result';

/** Parses --test-timeout SECONDS (default 120, at most 900 = 15 minutes). */
export function liveTestTimeout(raw: string | undefined): number {
  if (raw === undefined) return LIVE_TEST_DEFAULT_SECONDS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 5 || n > LIVE_TEST_MAX_SECONDS) {
    throw new ApiFailure(
      apiError('BAD_INPUT', `--test-timeout: expected whole seconds from 5 to ${LIVE_TEST_MAX_SECONDS}, got ${JSON.stringify(raw)}.`, {
        fix: 'e.g. --test-timeout 300',
      }),
    );
  }
  return n;
}
