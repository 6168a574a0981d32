import { useEffect } from 'react';
import type { Setup } from '../../../shared/setup/setup';
import { AWS_STEP_IDS, type AwsStepId } from '../../../shared/steps/aws-steps';
import { useOperation } from '../api/use-operation';
import { BackupTable } from '../backups/backup-table';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import { RegistrationValues } from '../handoff/registration-values';
import { VerifiedStatus } from '../handoff/verified-status';
import type { LiveTestOutcome, StepOutcome } from '../wizard-state';
import { StepResultsTable } from './step-results-table';

/** Props of the last step. */
export interface SummaryStepProps {
  readonly setup: Setup;
  readonly outcomes: Readonly<Record<AwsStepId, StepOutcome>>;
  readonly liveTest: LiveTestOutcome;
  readonly onOpenBackups: () => void;
  readonly onRunLiveTest: () => void;
}

/**
 * The last step, the hand-off: whether the setup is verified, the values to register on the platform (read from the
 * live account), what each step did, and the backups taken.
 */
export function SummaryStep({ setup, outcomes, liveTest, onOpenBackups, onRunLiveTest }: SummaryStepProps) {
  const backups = useOperation('backups.list', { background: true });
  const record = useOperation('setups.get', { background: true });
  const values = useOperation('handoff.values', { background: true });
  const { run: listBackups } = backups;
  const { run: getRecord } = record;
  const { run: readValues } = values;
  useEffect(() => {
    void listBackups({ setupName: setup.name });
    void getRecord({ name: setup.name });
    void readValues({ setup });
  }, [listBackups, getRecord, readValues, setup]);

  const changed = AWS_STEP_IDS.filter((id) => outcomes[id].kind === 'applied').length;

  return (
    <section aria-labelledby="summary-title" className="panel" data-testid="step-panel-summary">
      <PanelHeading id="summary-title">Summary and hand-off</PanelHeading>
      {record.loading ? <ProgressLine message={record.progress ?? 'Reading the setup'} elapsedMs={record.elapsedMs} /> : null}
      {record.error ? <ErrorBanner error={record.error} /> : null}
      {record.value ? <VerifiedStatus record={record.value} onRunLiveTest={onRunLiveTest} /> : null}
      <h3>Values to register on the platform</h3>
      {values.loading ? (
        <ProgressLine
          message={values.progress ?? 'Reading the queue URL and role ARN from the account'}
          elapsedMs={values.elapsedMs}
          onCancel={values.cancel}
        />
      ) : null}
      {values.error ? <ErrorBanner error={values.error} /> : null}
      {values.value ? <RegistrationValues values={values.value} /> : null}
      <h3>What changed</h3>
      <p data-testid="summary-headline">
        {changed === 0 ? 'Nothing was changed in this run.' : `${changed} of ${AWS_STEP_IDS.length} steps changed the account in this run.`}
      </p>
      <StepResultsTable outcomes={outcomes} liveTest={liveTest} />
      <h3>Backups of this setup</h3>
      {backups.loading ? <ProgressLine message={backups.progress} elapsedMs={backups.elapsedMs} /> : null}
      {backups.error ? <ErrorBanner error={backups.error} /> : null}
      {backups.value ? <BackupTable entries={backups.value} caption={`Backups of ${setup.name}, newest first`} /> : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={onOpenBackups}>
          Open the backups view
        </button>
      </div>
    </section>
  );
}
