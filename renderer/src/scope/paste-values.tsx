import { useState } from 'react';
import { parsePlatformValues, type PlatformField } from './parse-platform-values';

const FIELD_NAMES: Readonly<Record<PlatformField, string>> = {
  platformSetupRoleArn: 'platform setup role ARN',
  platformLoadRoleArn: 'platform load role ARN',
  externalId: 'external ID',
};

const ALL: ReadonlyArray<PlatformField> = ['platformSetupRoleArn', 'platformLoadRoleArn', 'externalId'];

/** Paste the platform console's JSON once instead of copying three values; says which values it found. */
export function PasteValues({
  disabled,
  onFill,
}: {
  readonly disabled: boolean;
  readonly onFill: (values: Readonly<Partial<Record<PlatformField, string>>>) => void;
}) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);

  function fill() {
    const parsed = parsePlatformValues(text);
    if (!parsed.ok) {
      setMessage({ ok: false, text: parsed.message });
      return;
    }
    onFill(parsed.values);
    const missing = ALL.filter((f) => !parsed.found.includes(f));
    setMessage({
      ok: true,
      text: `Filled ${parsed.found.map((f) => FIELD_NAMES[f]).join(', ')}.${missing.length > 0 ? ` Not in the pasted JSON: ${missing.map((f) => FIELD_NAMES[f]).join(', ')}.` : ''}`,
    });
  }

  return (
    <>
      <label htmlFor="paste-json">Paste the values from the platform console</label>
      <textarea
        id="paste-json"
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        disabled={disabled}
        spellCheck={false}
        aria-describedby="paste-json-help"
        placeholder='{"platformSetupRoleArn": "arn:aws:iam::...", "platformLoadRoleArn": "arn:aws:iam::...", "externalId": "..."}'
      />
      <p id="paste-json-help" className="muted">
        Optional: the JSON the platform console shows for this data source fills the three fields below.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={fill} disabled={disabled || text.trim() === ''}>
          Fill from JSON
        </button>
      </div>
      <p role="status" className="muted" data-testid="paste-result">
        {message?.ok ? message.text : ''}
      </p>
      {message && !message.ok ? (
        <p role="alert" className="field-error" data-testid="paste-error">
          {message.text}
        </p>
      ) : null}
    </>
  );
}
