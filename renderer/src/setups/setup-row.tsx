import { useState } from 'react';
import type { SetupRecord } from '../../../shared/contract/setup-record';
import { validateSetupName } from '../../../shared/validation/setup-name';
import { useBusy } from '../api/busy-context';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { SetupStatusBadge } from './setup-status';
import { LocalTime } from '../components/local-time';

/** What a row can open for its setup. */
export interface SetupRowActions {
  readonly onOpen: (record: SetupRecord) => void;
  readonly onBackups: (setupName: string) => void;
  readonly onDiagnostics: (record: SetupRecord) => void;
  readonly onExport: (record: SetupRecord) => void;
  readonly onRemove: (record: SetupRecord) => void;
  /** The list changed (renamed, deleted): read it again. */
  readonly onChanged: () => void;
}

/** One saved setup in the list: its scope and status, and its actions, with rename and delete asked in place. */
export function SetupRow({ record, actions }: { readonly record: SetupRecord; readonly actions: SetupRowActions }) {
  const name = record.setup.name;
  const busy = useBusy();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [newName, setNewName] = useState(name);
  const rename = useOperation('setups.rename');
  const remove = useOperation('setups.delete');
  const nameIssue = newName === name ? null : validateSetupName(newName);

  async function submitRename(event: React.FormEvent) {
    event.preventDefault();
    if (nameIssue || newName === name) return;
    if (await rename.run({ name, to: newName })) actions.onChanged();
  }

  async function confirmDelete() {
    if (await remove.run({ name })) actions.onChanged();
  }

  return (
    <tr data-testid="setup-row" data-name={name}>
      <th scope="row">
        {mode === 'rename' ? (
          <form onSubmit={(e) => void submitRename(e)} className="inline-form">
            <label htmlFor={`rename-${name}`} className="visually-hidden">
              New name for {name}
            </label>
            <input
              id={`rename-${name}`}
              value={newName}
              onChange={(e) => setNewName(e.target.value.trim())}
              aria-invalid={nameIssue !== null}
              spellCheck={false}
            />
            <button type="submit" className="small" disabled={busy || nameIssue !== null || newName === name}>
              Save name
            </button>
            <button type="button" className="secondary small" onClick={() => setMode('view')}>
              Cancel
            </button>
            {nameIssue ? <p className="field-error">{nameIssue.message}</p> : null}
            {rename.error ? <ErrorBanner error={rename.error} /> : null}
          </form>
        ) : (
          name
        )}
      </th>
      <td>{record.setup.bucket}</td>
      <td>{record.setup.queueName}</td>
      <td>{record.setup.region}</td>
      <td>
        <SetupStatusBadge record={record} />
      </td>
      <td>
        <LocalTime iso={record.updatedAt} />
      </td>
      <td>
        {mode === 'delete' ? (
          <div className="confirm-inline" role="group" aria-label={`Delete ${name} from the list`}>
            <p>
              Delete {name} from the list? Its backups are kept on disk, set aside so that a new setup of this name starts without them, and nothing changes on
              AWS
              {record.status === 'removed' || record.status === 'draft' ? '.' : ': it is still set up there (use Remove from AWS first to take it out).'}
            </p>
            <button type="button" className="small danger" onClick={() => void confirmDelete()} disabled={busy}>
              Delete from the list
            </button>
            <button type="button" className="secondary small" onClick={() => setMode('view')}>
              Keep it
            </button>
            {remove.error ? <ErrorBanner error={remove.error} /> : null}
          </div>
        ) : (
          <div className="row-actions">
            <button type="button" className="secondary small" onClick={() => actions.onOpen(record)} aria-label={`Open setup ${name}`}>
              Open
            </button>
            <button type="button" className="secondary small" onClick={() => actions.onBackups(name)} aria-label={`Backups of ${name}`}>
              Backups
            </button>
            <button type="button" className="secondary small" onClick={() => actions.onDiagnostics(record)} aria-label={`Diagnostics of ${name}`}>
              Diagnostics
            </button>
            <button type="button" className="secondary small" onClick={() => actions.onExport(record)} aria-label={`Export ${name}`}>
              Export
            </button>
            <button type="button" className="secondary small" onClick={() => actions.onRemove(record)} aria-label={`Remove ${name} from AWS`}>
              Remove from AWS
            </button>
            <button type="button" className="secondary small" onClick={() => setMode('rename')} aria-label={`Rename ${name}`}>
              Rename
            </button>
            <button type="button" className="secondary small" onClick={() => setMode('delete')} aria-label={`Delete ${name} from the list`}>
              Delete
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
