import { useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../../shared/contract/api-error';
import type { Setup } from '../../../shared/setup/setup';
import { keyFilterWarnings } from '../../../shared/validation/key-filter';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import { BucketFields } from './bucket-fields';
import { PasteValues } from './paste-values';
import { ScopeOptions } from './scope-options';
import {
  draftFromSetup,
  draftIssues,
  emptyDraft,
  followDefaults,
  sameSetup,
  setupFromDraft,
  takenNameIssue,
  type ScopeDraft,
  type ScopeTextField,
  type TakenNames,
} from './scope-draft';
import { TextField } from './text-field';
import { useBucketRegion } from './use-bucket-region';

/** Props of the scope step. */
export interface ScopeStepProps {
  /** The connected Region: the default for a new setup. */
  readonly connectedRegion: string;
  /** The setup to prefill (confirmed earlier in this session, or opened from the setups list). */
  readonly initial: Setup | null;
  /** The setup as last saved: continuing without a change saves nothing. */
  readonly saved: Setup | null;
  readonly onConfirmed: (setup: Setup) => void;
}

/** Fields in form order: the first invalid one gets the focus on Continue. */
const FIELD_ORDER: ReadonlyArray<ScopeTextField> = [
  'bucket',
  'region',
  'prefix',
  'suffix',
  'queueName',
  'roleName',
  'platformSetupRoleArn',
  'platformLoadRoleArn',
  'externalId',
  'name',
];

/** Scope: what the setup covers. Every field is checked by the shared validators as it is typed. */
export function ScopeStep({ connectedRegion, initial, saved, onConfirmed }: ScopeStepProps) {
  // The form as typed; the names not typed in are derived from it (followDefaults), so they follow the bucket and the list.
  const [typed, setTyped] = useState<ScopeDraft>(() => (initial ? draftFromSetup(initial) : emptyDraft(connectedRegion)));
  // Fields the admin typed in: the setup, queue and role names follow their free defaults until they are edited.
  const [edited, setEdited] = useState<ReadonlySet<ScopeTextField>>(() => new Set(initial ? FIELD_ORDER : []));
  const [submitted, setSubmitted] = useState(false);
  const [crossIssues, setCrossIssues] = useState<ApiError | null>(null);
  const save = useOperation('setups.save');
  const listed = useOperation('setups.list', { background: true });
  const { run: listOthers } = listed;
  useEffect(() => {
    void listOthers({});
  }, [listOthers]);
  // The saved setup this form edits (opened from the list, or saved earlier in this session); null for a new setup.
  const editing = saved?.name ?? null;
  const taken = useMemo<TakenNames>(() => {
    const others = (listed.value ?? []).filter((r) => r.setup.name !== editing);
    const active = others.filter((r) => r.status !== 'removed');
    return {
      setupNames: new Set(others.map((r) => r.setup.name)),
      queueNames: new Set(active.map((r) => r.setup.queueName)),
      roleNames: new Set(active.map((r) => r.setup.roleName)),
    };
  }, [listed.value, editing]);
  const draft = useMemo(() => followDefaults(typed, edited, taken), [typed, edited, taken]);
  const issues = useMemo(() => draftIssues(draft), [draft]);
  const lookup = useBucketRegion(draft.bucket, issues.bucket === null, draft.bucketOwner);
  const busy = save.loading;

  function update(field: ScopeTextField, value: string) {
    setCrossIssues(null);
    setEdited((set) => new Set(set).add(field));
    setTyped((d) => ({ ...d, [field]: value }));
  }

  function extraIssue(field: ScopeTextField): string | null {
    if (field === 'bucket' && lookup.region === null) {
      return `Bucket ${draft.bucket} was not found in this account (GetBucketLocation: NoSuchBucket). The wizard does not create buckets: check the name, or create the bucket first.`;
    }
    if (field === 'region' && lookup.region && lookup.region !== draft.region) {
      return `The bucket is in ${lookup.region}: S3 can only notify a queue in the bucket's own Region, so use ${lookup.region}.`;
    }
    if (field === 'name') return takenNameIssue(draft.name, taken);
    return null;
  }

  function errorOf(field: ScopeTextField): string | null {
    const shown = submitted || edited.has(field) || draft[field] !== '';
    return shown ? (issues[field]?.message ?? extraIssue(field)) : null;
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const firstBad = FIELD_ORDER.find((f) => issues[f] !== null || extraIssue(f) !== null);
    if (firstBad) {
      document.getElementById(`scope-${firstBad}`)?.focus();
      return;
    }
    const setup = setupFromDraft(draft);
    // Loaded on the first submit: the whole-file check brings the schema library, which the first screen does not need.
    const { validateSetup } = await import('../../../shared/setup/validate-setup');
    const checked = validateSetup(setup);
    if (!checked.ok) {
      setCrossIssues({ code: 'BAD_INPUT', message: 'These values do not fit together:', issues: checked.issues });
      return;
    }
    if (!saved || !sameSetup(saved, setup)) {
      const record = await save.run({ setup, editing });
      if (!record) return;
    }
    onConfirmed(setup);
  }

  const filterWarnings = keyFilterWarnings(draft.prefix, draft.suffix);
  const field = (name: ScopeTextField, label: string, help: string) => (
    <TextField id={`scope-${name}`} label={label} value={draft[name]} onChange={(v) => update(name, v)} error={errorOf(name)} help={help} disabled={busy} />
  );

  return (
    <section aria-labelledby="scope-title" className="panel" data-testid="step-panel-scope" aria-busy={busy}>
      <PanelHeading id="scope-title">Scope</PanelHeading>
      <p>Which bucket and keys send events, the queue and role to set up, and the values the platform console shows.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="form">
          <legend>Bucket and events</legend>
          <BucketFields
            bucket={draft.bucket}
            region={draft.region}
            bucketError={errorOf('bucket')}
            regionError={errorOf('region')}
            lookup={lookup}
            disabled={busy}
            onBucket={(v) => update('bucket', v)}
            onRegion={(v) => update('region', v)}
          />
          {field(
            'bucketOwner',
            'Bucket owner account (optional)',
            'Empty: the connected account owns the bucket. Another account only if you confirm it owns the bucket; every S3 call sends it as the expected owner.',
          )}
          {field('prefix', 'Object key prefix', 'Only keys starting with this send events, e.g. "incoming/". Empty: every key.')}
          {field('suffix', 'Object key suffix', 'Only keys ending with this send events, e.g. ".csv". Empty: every key.')}
          {filterWarnings.length > 0 ? (
            <ul className="form-wide warn-list" aria-label="Scope warnings">
              {filterWarnings.map((w) => (
                <li key={w.message}>{w.message}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <fieldset className="form">
          <legend>Queue and role</legend>
          {field('queueName', 'Queue name', 'A standard queue (not .fifo); created if it does not exist, reused after checks if it does.')}
          {field('roleName', 'Role name', 'The IAM role the platform assumes; created if it does not exist.')}
        </fieldset>
        <fieldset className="form">
          <legend>Platform values</legend>
          <PasteValues
            disabled={busy}
            onFill={(values) => {
              for (const [name, value] of Object.entries(values)) update(name as ScopeTextField, value);
            }}
          />
          {field('platformSetupRoleArn', 'Platform setup role ARN', 'From the platform console, e.g. arn:aws:iam::111122223333:role/NAME.')}
          {field('platformLoadRoleArn', 'Platform load role ARN', 'From the platform console, e.g. arn:aws:iam::111122223333:role/NAME.')}
          {field('externalId', 'External ID', 'The organization ID shown in the platform console.')}
        </fieldset>
        <ScopeOptions
          limitReadsToPrefix={draft.limitReadsToPrefix}
          allowDeleteObject={draft.allowDeleteObject}
          prefixEmpty={draft.prefix === ''}
          disabled={busy}
          onChange={(options) => setTyped((d) => ({ ...d, ...options }))}
        />
        <fieldset className="form">
          <legend>Save as</legend>
          {field('name', 'Setup name', 'Names the saved setup and its backups folder; defaults to the bucket name, or a free one when another setup has it.')}
        </fieldset>
        {crossIssues ? <ErrorBanner error={crossIssues} /> : null}
        {save.loading ? <ProgressLine message={save.progress ?? 'Saving the setup'} elapsedMs={save.elapsedMs} /> : null}
        {save.error ? <ErrorBanner error={save.error} /> : null}
        <div className="actions">
          <button type="submit" disabled={busy || lookup.loading}>
            Save and continue
          </button>
          {lookup.loading ? <span className="muted">Checking the bucket…</span> : null}
        </div>
      </form>
    </section>
  );
}
