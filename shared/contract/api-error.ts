import type { OverlapConflict } from '../policy/overlap-conflict';

/** Error codes every front end can branch on; user errors are values, never thrown across the API (docs/ARCHITECTURE.md#conventions). */
export type ApiErrorCode =
  | 'BAD_INPUT'
  | 'UNKNOWN_CHANNEL'
  | 'NOT_CONNECTED'
  | 'NO_CREDENTIALS'
  | 'PROFILE_NOT_FOUND'
  | 'MFA_REQUIRED'
  | 'SSO_LOGIN_REQUIRED'
  | 'CREDENTIALS_INVALID'
  | 'CREDENTIALS_EXPIRED'
  | 'ENDPOINT_UNREACHABLE'
  | 'PROXY_FAILED'
  | 'CERTIFICATE_UNTRUSTED'
  | 'TIMED_OUT'
  | 'REGION_NOT_ENABLED'
  | 'ACCESS_DENIED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DRIFT'
  | 'BLOCKED'
  | 'LIMIT_EXCEEDED'
  | 'THROTTLED'
  | 'CANCELLED'
  | 'AWS_ERROR'
  | 'INTERNAL';

/** One field-level problem: which field, what rule it broke. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** A user-facing error: what went wrong, and what to do about it. Never carries a credential. */
export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly fix?: string;
  /** A command the admin can copy and run (e.g. `aws sso login --profile NAME`). */
  readonly command?: string;
  readonly issues?: ReadonlyArray<FieldIssue>;
  /**
   * Ways the wizard itself can resolve the problem, offered beside the fix ("fan-out": an SNS fan-out for an overlapping
   * rule; "remove-stale-rules": the admin's choice, on the bucket notification step, to remove other teams' rules whose
   * destination is gone).
   */
  readonly resolutions?: ReadonlyArray<'fan-out' | 'remove-stale-rules'>;
  /** For an overlapping bucket rule: each rule in the way, both filters, why they overlap and what would not (the screens show a table). */
  readonly overlaps?: ReadonlyArray<OverlapConflict>;
}

/** Result envelope of every API call. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Builds an error value. */
export function apiError(code: ApiErrorCode, message: string, extra: Omit<ApiError, 'code' | 'message'> = {}): ApiError {
  return { code, message, ...extra };
}

/** Thrown inside main only, to carry an ApiError up to the dispatcher, which turns it back into a value. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}
