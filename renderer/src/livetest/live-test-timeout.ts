import { LIVE_TEST_DEFAULT_SECONDS, LIVE_TEST_MAX_SECONDS } from '../../../shared/livetest/live-test-result';

/** Shortest wait the back end accepts (livetest.run's timeoutSeconds). */
export const LIVE_TEST_MIN_SECONDS = 5;

/** The timeout field's value as typed, before it is checked. */
export const DEFAULT_TIMEOUT_TEXT = String(LIVE_TEST_DEFAULT_SECONDS);

/** The timeout field, read: whole seconds within the back end's bounds, or what is wrong with it. */
export type TimeoutParse = { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly message: string };

/** Reads the timeout field: whole seconds from 5 to 900 (15 minutes), as livetest.run accepts. */
export function parseTimeout(text: string): TimeoutParse {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: `Whole seconds, from ${LIVE_TEST_MIN_SECONDS} to ${LIVE_TEST_MAX_SECONDS} (15 minutes).` };
  const seconds = Number(trimmed);
  if (seconds < LIVE_TEST_MIN_SECONDS) return { ok: false, message: `At least ${LIVE_TEST_MIN_SECONDS} seconds.` };
  if (seconds > LIVE_TEST_MAX_SECONDS) return { ok: false, message: `At most ${LIVE_TEST_MAX_SECONDS} seconds (15 minutes).` };
  return { ok: true, seconds };
}
