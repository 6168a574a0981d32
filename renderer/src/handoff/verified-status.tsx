import type { SetupRecord } from '../../../shared/contract/setup-record';

/** Whether the saved setup has been proven by the live test, and when; else the way to the test. */
export function VerifiedStatus({ record, onRunLiveTest }: { readonly record: SetupRecord; readonly onRunLiveTest: () => void }) {
  if (record.status === 'verified' && record.verifiedAt) {
    return (
      <p className="banner ok" data-testid="verified-status" data-status="verified">
        <strong>Verified</strong> by the live test at <time dateTime={record.verifiedAt}>{new Date(record.verifiedAt).toLocaleString()}</time>: an uploaded
        object&apos;s event reached the queue.
      </p>
    );
  }
  return (
    <div className="banner warn" data-testid="verified-status" data-status={record.status}>
      <p>
        <strong>Not verified:</strong> run the live test to prove that an upload&apos;s event reaches the queue before handing over.
      </p>
      <div className="actions">
        <button type="button" className="secondary small" onClick={onRunLiveTest}>
          Open the live test
        </button>
      </div>
    </div>
  );
}
