import { useEffect } from 'react';
import type { SetupRecord } from '../../../shared/contract/setup-record';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';

const STATUS_TEXT: Readonly<Record<SetupRecord['status'], string>> = {
  draft: 'draft',
  applied: 'applied',
  verified: 'verified',
};

/** The start screen: saved setups with their status, to review or re-run, check, export or restore, and "New setup". */
export function StartScreen({
  onNew,
  onOpen,
  onBackups,
  onDiagnostics,
  onExport,
}: {
  readonly onNew: () => void;
  readonly onOpen: (record: SetupRecord) => void;
  readonly onBackups: (setupName: string) => void;
  readonly onDiagnostics: (record: SetupRecord) => void;
  readonly onExport: (record: SetupRecord) => void;
}) {
  const listing = useOperation('setups.list', { background: true });
  const { run } = listing;
  useEffect(() => {
    void run({});
  }, [run]);
  const setups = listing.value ?? [];

  return (
    <main className="content" id="main">
      <section aria-labelledby="setups-title" className="panel" data-testid="start-screen">
        <PanelHeading id="setups-title">Setups</PanelHeading>
        <p>
          Each setup connects one bucket to one queue and one role. Open a setup to review it or run it again: every step shows its diff first, and a step that
          already matches writes nothing. Diagnostics checks a setup against the live account; Export gives its documents and an AWS CLI script for change
          control.
        </p>
        <div className="actions">
          <button type="button" onClick={onNew}>
            New setup
          </button>
        </div>
        {listing.loading ? <ProgressLine message={listing.progress ?? 'Reading saved setups'} elapsedMs={listing.elapsedMs} /> : null}
        {listing.error ? <ErrorBanner error={listing.error} /> : null}
        {listing.value && setups.length === 0 ? <p className="muted">No saved setups yet.</p> : null}
        {setups.length > 0 ? (
          <div className="table-wrap">
            <table className="table" data-testid="setups-table">
              <caption>Saved setups</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Bucket</th>
                  <th scope="col">Queue</th>
                  <th scope="col">Region</th>
                  <th scope="col">Status</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {setups.map((record) => (
                  <tr key={record.setup.name} data-testid="setup-row" data-name={record.setup.name}>
                    <th scope="row">{record.setup.name}</th>
                    <td>{record.setup.bucket}</td>
                    <td>{record.setup.queueName}</td>
                    <td>{record.setup.region}</td>
                    <td>
                      <span className={`status-badge status-${record.status}`} data-testid="setup-status">
                        {STATUS_TEXT[record.status]}
                      </span>
                    </td>
                    <td>
                      <time dateTime={record.updatedAt}>{new Date(record.updatedAt).toLocaleString()}</time>
                    </td>
                    <td>
                      <div className="row-actions">
                        <button type="button" className="secondary small" onClick={() => onOpen(record)} aria-label={`Open setup ${record.setup.name}`}>
                          Open
                        </button>
                        <button
                          type="button"
                          className="secondary small"
                          onClick={() => onBackups(record.setup.name)}
                          aria-label={`Backups of ${record.setup.name}`}
                        >
                          Backups
                        </button>
                        <button
                          type="button"
                          className="secondary small"
                          onClick={() => onDiagnostics(record)}
                          aria-label={`Diagnostics of ${record.setup.name}`}
                        >
                          Diagnostics
                        </button>
                        <button type="button" className="secondary small" onClick={() => onExport(record)} aria-label={`Export ${record.setup.name}`}>
                          Export
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">
              Status: <strong>draft</strong> saved, not fully applied; <strong>applied</strong> every step applied; <strong>verified</strong> the live test
              received an event.
            </p>
          </div>
        ) : null}
      </section>
    </main>
  );
}
