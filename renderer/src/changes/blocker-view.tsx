import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/contract/api-error';
import { countOf } from '../../../shared/util/count-of';
import { ErrorBanner } from '../components/error-banner';
import { OverlapTable } from './overlap-table';

/**
 * Why a step is blocked, with the ways out beside it. An overlapping bucket rule reads as a short headline, a table per
 * rule in the way (its filter, ours, why they overlap, what would not) and the actions (Edit scope, the SNS fan-out);
 * the engine's full message stays one click away. Any other blocker is its error banner with the actions.
 */
export function BlockerView({ error, actions }: { readonly error: ApiError; readonly actions?: ReactNode }) {
  const overlaps = error.overlaps ?? [];
  const first = overlaps[0];
  if (!first) {
    return (
      <div className="blocker" data-testid="blocker">
        <ErrorBanner error={error} />
        {actions}
      </div>
    );
  }
  return (
    <div className="blocker banner error" data-code={error.code} data-testid="blocker">
      <p className="banner-title" role="alert" data-testid="blocker-headline">
        Our rule &quot;{first.ours.id}&quot; overlaps{' '}
        {overlaps.length === 1 ? first.rule : `${countOf(overlaps.length, 'existing rule')} (${overlaps.map((o) => o.rule).join(', ')})`}: S3 would refuse the
        bucket&apos;s notification document (&quot;Configuration is ambiguously defined&quot;). Nothing has been written.
      </p>
      {overlaps.map((conflict, i) => (
        <OverlapTable key={conflict.rule} conflict={conflict} index={i} />
      ))}
      {actions}
      <details className="blocker-full">
        <summary>Full message</summary>
        <p>{error.message}</p>
        {error.fix ? <p>{error.fix}</p> : null}
      </details>
    </div>
  );
}
