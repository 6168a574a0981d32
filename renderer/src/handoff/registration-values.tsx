import { REGISTRATION_FIELDS, registrationJson, type PlatformRegistration } from '../../../shared/handoff/platform-registration';
import { CopyButton } from '../components/copy-button';
import { downloadText } from '../components/download-file';

/** The file the platform's registration form can be filled from (the same text the export and the CLI write). */
export const REGISTRATION_FILE = 'platform-registration.json';

/** The values to register on the platform, in the platform's order, each with Copy; all of them as JSON, to copy or download. */
export function RegistrationValues({ values }: { readonly values: PlatformRegistration }) {
  const json = registrationJson(values);
  return (
    <>
      <dl className="facts" data-testid="platform-values">
        {REGISTRATION_FIELDS.map(({ key, label }) => (
          <div key={key} className="fact">
            <dt>{label}</dt>
            <dd>
              {values[key] ? (
                <>
                  <code data-testid={`value-${key}`}>{values[key]}</code> <CopyButton text={values[key]} label={label} />
                </>
              ) : (
                <span className="muted" data-testid={`value-${key}`}>
                  (empty: every key)
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <CopyButton text={json} label="all values as JSON" visibleLabel="Copy all as JSON" />
        <button type="button" className="secondary small" onClick={() => downloadText(REGISTRATION_FILE, json, 'application/json')}>
          Download {REGISTRATION_FILE}
        </button>
      </div>
    </>
  );
}
