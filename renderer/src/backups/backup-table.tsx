import type { BackupEntry } from '../../../shared/contract/setup-record';
import { AWS_STEPS, awsStepOfBackupKind } from '../../../shared/steps/aws-steps';
import { useBusy } from '../api/busy-context';
import { LongValue } from '../components/long-value';
import { LocalTime } from '../components/local-time';

/** A backup of a step that is never restored (the queue's: the wizard does not delete queues) is a record only. */
function restorable(entry: BackupEntry): boolean {
  const step = awsStepOfBackupKind(entry.kind);
  return step !== null && AWS_STEPS[step].restore.allowed !== 'never';
}

/** Backups of one setup, newest first; with `onRestore`, each row gets a Restore button. */
export function BackupTable({
  entries,
  onRestore,
  caption,
}: {
  readonly entries: ReadonlyArray<BackupEntry>;
  readonly onRestore?: (entry: BackupEntry) => void;
  readonly caption: string;
}) {
  const disabled = useBusy();
  if (entries.length === 0) return <p className="muted">No backups yet: a backup is written before each change.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="backup-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Resource</th>
            <th scope="col">Taken at</th>
            <th scope="col">File</th>
            {onRestore ? (
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.path} data-testid="backup-row" data-kind={entry.kind}>
              <td>{entry.kind}</td>
              <td>
                <LongValue value={entry.resource} max={40} />
              </td>
              <td>
                <LocalTime iso={entry.takenAt} />
              </td>
              <td>
                <code title={entry.path}>{entry.file}</code>
              </td>
              {onRestore && !restorable(entry) ? <td className="muted">record only</td> : null}
              {onRestore && restorable(entry) ? (
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => onRestore(entry)}
                    disabled={disabled}
                    aria-label={`Restore ${entry.kind} backup taken ${entry.takenAt}`}
                  >
                    Restore
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
