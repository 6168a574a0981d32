import type { SetupRecord } from '../../../shared/contract/setup-record';

/** What each status says in the list. */
const STATUS_TEXT: Readonly<Record<SetupRecord['status'], string>> = {
  draft: 'draft',
  applied: 'applied',
  verified: 'verified',
  'needs-attention': 'needs attention',
  removed: 'removed',
};

/** A setup's status in words, and for "needs attention" the failing checks, so the list never claims more than it knows. */
export function SetupStatusBadge({ record }: { readonly record: SetupRecord }) {
  return (
    <>
      <span className={`status-badge status-${record.status}`} data-testid="setup-status" data-status={record.status}>
        {STATUS_TEXT[record.status]}
      </span>
      {record.status === 'needs-attention' && record.attention && record.attention.length > 0 ? (
        <ul className="attention" data-testid="setup-attention">
          {record.attention.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
