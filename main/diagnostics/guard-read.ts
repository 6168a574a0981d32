import { ApiFailure, type ApiError, type ApiErrorCode } from '../../shared/contract/api-error';

/** The outcome of one read of the snapshot: its value, or the error that the checks needing it report. */
export type GuardedRead<T> = { readonly value: T } | { readonly error: ApiError };

// A cancel stops the whole run; credentials that stopped working, a proxy or certificate failure and a disabled Region fail every read: none is one read's problem.
const WHOLE_RUN: ReadonlySet<ApiErrorCode> = new Set([
  'CANCELLED',
  'NO_CREDENTIALS',
  'PROFILE_NOT_FOUND',
  'MFA_REQUIRED',
  'SSO_LOGIN_REQUIRED',
  'CREDENTIALS_INVALID',
  'CREDENTIALS_EXPIRED',
  'PROXY_FAILED',
  'CERTIFICATE_UNTRUSTED',
  'REGION_NOT_ENABLED',
]);

/** True for an error that one read may fail with alone; false for a cancel, a broken session or a programmer error (rethrown). */
export function isReadFailure(err: unknown, signal: AbortSignal): err is ApiFailure {
  return err instanceof ApiFailure && !WHOLE_RUN.has(err.error.code) && !signal.aborted;
}

/** Runs one independent read so that its failure (e.g. AccessDenied) is recorded for its checks instead of aborting the report. */
export async function guardRead<T>(read: Promise<T>, signal: AbortSignal): Promise<GuardedRead<T>> {
  try {
    return { value: await read };
  } catch (err) {
    if (!isReadFailure(err, signal)) throw err;
    return { error: err.error };
  }
}
