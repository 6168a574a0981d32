import { useCallback, useEffect } from 'react';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import { SetupRow, type SetupRowActions } from './setup-row';

/** The start screen: saved setups with their status, to review or re-run, check, export, restore, remove, rename or delete, and "New setup". */
export function StartScreen({ onNew, ...actions }: { readonly onNew: () => void } & Omit<SetupRowActions, 'onChanged'>) {
  const listing = useOperation('setups.list', { background: true });
  const { run } = listing;
  const refresh = useCallback(() => void run({}), [run]);
  useEffect(() => refresh(), [refresh]);
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
                  <SetupRow key={record.setup.name} record={record} actions={{ ...actions, onChanged: refresh }} />
                ))}
              </tbody>
            </table>
            <p className="muted" data-testid="status-legend">
              Status: <strong>draft</strong> saved, not fully applied; <strong>applied</strong> every step applied; <strong>verified</strong> the live test
              received an event; <strong>needs attention</strong> the latest diagnostics or live test failed (the failing checks are listed);{' '}
              <strong>removed</strong> taken out of AWS, still listed so it can be applied again or deleted.
            </p>
          </div>
        ) : null}
      </section>
    </main>
  );
}
