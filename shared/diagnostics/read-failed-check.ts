import type { ApiError } from '../contract/api-error';
import { check, type DiagnosticCheck } from './diagnostic-check';

/** A check that could not be made because a read it needs failed: the read's message and fix (for AccessDenied, the permission). */
export function readFailedCheck(id: string, title: string, error: ApiError): DiagnosticCheck {
  return check(id, title, 'fail', error.message, error.fix ?? null);
}
