import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/contract/api-error';

/**
 * A write that stopped because the live document changed since the plan: said once, in words that tell what to do
 * (the back end's DRIFT message and the old note beside it said the same thing twice).
 */
export function DriftBanner({ error, what }: { readonly error: ApiError; readonly what: ReactNode }) {
  return (
    <div className="banner error" role="alert" data-code={error.code} data-testid="drift-banner">
      <p className="banner-title">Stopped: changed since the plan</p>
      <p>Someone else edited {what} after the plan read it, so nothing was written. Plan again to see the new diff before confirming.</p>
    </div>
  );
}

/** True for the error of a write the drift guard stopped. */
export function isDrift(error: ApiError | null): error is ApiError {
  return error?.code === 'DRIFT';
}
