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
      <OptionCheckbox
        id="scope-limit-reads"
        label="Limit object reads to the prefix"
        checked={limitReadsToPrefix}
        disabled={disabled}
        onChange={(checked) => onChange({ limitReadsToPrefix: checked })}
        help={
          limitReadsToPrefix
            ? prefixEmpty
              ? 'The prefix is empty, so every object stays readable.'
              : 'The role may read only objects under the prefix.'
            : 'Off (as in the platform guide): the role may read every object of the bucket.'
        }
      />
      <OptionCheckbox
        id="scope-allow-delete"
        label="Allow the platform to delete source files (s3:DeleteObject)"
        checked={allowDeleteObject}
        disabled={disabled}
        onChange={(checked) => onChange({ allowDeleteObject: checked })}
        help="Only for platform tasks that clean up original files after ingestion."
      />
    </fieldset>
  );
}

/** One option: a checkbox with its label, and a line under it saying what the choice means. */
function OptionCheckbox({
  id,
  label,
  checked,
  disabled,
  onChange,
  help,
}: {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly disabled: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly help: string;
}) {
  return (
    <div className="form-wide checkbox">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} disabled={disabled} aria-describedby={`${id}-help`} />
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-help`} className="muted">
        {help}
      </p>
    </div>
  );
}
