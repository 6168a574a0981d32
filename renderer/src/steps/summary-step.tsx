import { useEffect } from 'react';
import type { Setup } from '../../../shared/setup/setup';
import { STEP_IDS, STEP_TITLES } from '../../../shared/steps/step-ids';
import { assertNever } from '../../../shared/util/assert-never';
import { useOperation } from '../api/use-operation';
import { BackupTable } from '../backups/backup-table';
import { CopyButton } from '../components/copy-button';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import type { ApplyStepId, StepOutcome } from '../wizard-state';

function outcomeText(outcome: StepOutcome): string {
  switch (outcome.kind) {
    case 'todo':
      return 'not run';
    case 'unchanged':
      return 'no change';
    case 'applied':
      return outcome.result.action;
    case 'failed':
      return `failed: ${outcome.error.message}`;
    default:
      return assertNever(outcome, 'outcome');
  }
}

/** The last segment of a backup path (the full path is in the title and the backups view). */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function resourceOf(outcome: StepOutcome): string {
  if (outcome.kind === 'unchanged') return outcome.resource;
  if (outcome.kind === 'applied') return outcome.result.resource;
  return '';
}

/** The last step: what each step did, the backups taken, and the values to enter on the platform. */
export function SummaryStep({
  setup,
  outcomes,
  onOpenBackups,
}: {
  readonly setup: Setup;
  readonly outcomes: Readonly<Record<ApplyStepId, StepOutcome>>;
  readonly onOpenBackups: () => void;
}) {
  const backups = useOperation('backups.list');
  const record = useOperation('setups.get');
  const { run: listBackups } = backups;
  const { run: getRecord } = record;
  useEffect(() => {
    void listBackups({ setupName: setup.name });
    void getRecord({ name: setup.name });
  }, [listBackups, getRecord, setup.name]);

  const changed = STEP_IDS.filter((id) => outcomes[id].kind === 'applied').length;
  const platformValues: ReadonlyArray<readonly [string, string | undefined]> = [
    ['Role ARN', record.value?.roleArn],
    ['Queue URL', record.value?.queueUrl],
    ['External ID', setup.externalId],
    ['Region', setup.region],
    ['Bucket', setup.bucket],
    ['Object key prefix', setup.prefix],
    ['Object key suffix', setup.suffix],
  ];

  return (
    <section aria-labelledby="summary-title" className="panel" data-testid="step-panel-summary">
      <PanelHeading id="summary-title">Summary</PanelHeading>
      <p data-testid="summary-headline">
        {changed === 0 ? 'Nothing was changed in this run.' : `${changed} of ${STEP_IDS.length} steps changed the account in this run.`}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>What each step did</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Result</th>
              <th scope="col">Resource</th>
              <th scope="col">Backup taken</th>
            </tr>
          </thead>
          <tbody>
            {STEP_IDS.map((id) => {
              const outcome = outcomes[id];
              return (
                <tr key={id} data-testid={`summary-row-${id}`} data-outcome={outcome.kind}>
                  <th scope="row">{STEP_TITLES[id]}</th>
                  <td>{outcomeText(outcome)}</td>
                  <td>
                    <code>{resourceOf(outcome)}</code>
                  </td>
                  <td>{outcome.kind === 'applied' && outcome.result.backupPath ? <code title={outcome.result.backupPath}>{fileName(outcome.result.backupPath)}</code> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>Values for the platform console</h3>
      {record.loading ? <ProgressLine message={record.progress} elapsedMs={record.elapsedMs} /> : null}
      <dl className="facts" data-testid="platform-values">
        {platformValues.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>
              {value ? (
                <>
                  <code>{value}</code> <CopyButton text={value} label={label} />
                </>
              ) : (
                <span className="muted">{label.startsWith('Object') ? '(empty: every key)' : '(not known yet)'}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
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
