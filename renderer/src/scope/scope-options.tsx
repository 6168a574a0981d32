/** The two options beyond the platform guide, both off by default. */
export interface ScopeOptionValues {
  readonly limitReadsToPrefix: boolean;
  readonly allowDeleteObject: boolean;
}

/** Checkboxes for the permissions policy options: prefix-scoped object reads, and s3:DeleteObject. */
export function ScopeOptions({
  limitReadsToPrefix,
  allowDeleteObject,
  prefixEmpty,
  disabled,
  onChange,
}: ScopeOptionValues & { readonly prefixEmpty: boolean; readonly disabled: boolean; readonly onChange: (options: Partial<ScopeOptionValues>) => void }) {
  return (
    <fieldset className="form">
      <legend>Options</legend>
      <div className="form-wide checkbox">
        <input
          type="checkbox"
          id="scope-limit-reads"
          checked={limitReadsToPrefix}
          onChange={(e) => onChange({ limitReadsToPrefix: e.target.checked })}
          disabled={disabled}
          aria-describedby="scope-limit-reads-help"
        />
        <label htmlFor="scope-limit-reads">Limit object reads to the prefix</label>
        <p id="scope-limit-reads-help" className="muted">
          {limitReadsToPrefix
            ? prefixEmpty
              ? 'The prefix is empty, so every object stays readable.'
              : 'The role may read only objects under the prefix.'
            : 'Off (as in the platform guide): the role may read every object of the bucket.'}
        </p>
      </div>
      <div className="form-wide checkbox">
        <input
          type="checkbox"
          id="scope-allow-delete"
          checked={allowDeleteObject}
          onChange={(e) => onChange({ allowDeleteObject: e.target.checked })}
          disabled={disabled}
          aria-describedby="scope-allow-delete-help"
        />
        <label htmlFor="scope-allow-delete">Allow the platform to delete source files (s3:DeleteObject)</label>
        <p id="scope-allow-delete-help" className="muted">
          Only for platform tasks that clean up original files after ingestion.
        </p>
      </div>
    </fieldset>
  );
}
