import { useCallback, useEffect } from 'react';
import { LIVE_TEST_DEFAULT_SECONDS } from '../../../shared/livetest/live-test-result';
import type { Setup } from '../../../shared/setup/setup';
import type { AwsStepId } from '../../../shared/steps/aws-steps';
import { useConnection } from '../api/connection-context';
import { useOperation } from '../api/use-operation';
import { ConnectFirst } from '../components/connect-first';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import { ReportView } from './report-view';

/** Props of the diagnostics view. */
export interface DiagnosticsViewProps {
  readonly setup: Setup;
  /** Opens the wizard for this setup at the step whose plan makes the fix. */
  readonly onPlanFix: (step: AwsStepId) => void;
}

/**
 * "Re-run diagnostics" on a saved setup: the read-only checks run as soon as a profile is connected; "Run with live
 * test" adds the upload-and-receive test. Each failing check offers its fix as a planned wizard step.
 */
export function DiagnosticsView({ setup, onPlanFix }: DiagnosticsViewProps) {
  const { connection } = useConnection();
  const doctor = useOperation('doctor.run');
  const { run } = doctor;
  const busy = doctor.loading;
  const check = useCallback((live: boolean) => void run({ setup, live }), [run, setup]);

  useEffect(() => {
    if (connection) check(false);
  }, [connection, check]);

  return (
    <main className="content" id="main">
      <section aria-labelledby="diagnostics-title" className="panel" data-testid="diagnostics-view" aria-busy={busy}>
        <PanelHeading id="diagnostics-title">Diagnostics of {setup.name}</PanelHeading>
        <p>
          Named checks of the live account against this setup: credentials, the bucket, the queue and its policy, the bucket notification, the role, its trust
          and permissions policies, and the queue backlog. They only read. &quot;Run with live test&quot; also uploads a test object and waits up to{' '}
          {LIVE_TEST_DEFAULT_SECONDS} s for its event.
        </p>
        <div className="actions">
          <button type="button" onClick={() => check(false)} disabled={busy || !connection} data-testid="diagnostics-run">
            Re-run diagnostics
          </button>
          <button type="button" className="secondary" onClick={() => check(true)} disabled={busy || !connection} data-testid="diagnostics-run-live">
            Run with live test
          </button>
        </div>
        {busy ? <ProgressLine message={doctor.progress ?? 'Reading the account'} elapsedMs={doctor.elapsedMs} onCancel={doctor.cancel} /> : null}
        {doctor.error ? <ErrorBanner error={doctor.error} /> : null}
        {doctor.value && !busy ? <ReportView report={doctor.value} disabled={busy} onPlanFix={onPlanFix} /> : null}
      </section>
      {!connection ? <ConnectFirst reason="Diagnostics read the live account: connect a profile of the setup's account first." /> : null}
    </main>
  );
}
