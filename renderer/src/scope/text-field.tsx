import type { Ref } from 'react';

/** Props of one labelled text input with its help or error line. */
export interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The validator's message, shown instead of the help once the field is worth judging. */
  readonly error: string | null;
  readonly help: string;
  readonly disabled: boolean;
  readonly list?: string;
  readonly placeholder?: string;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly onBlur?: () => void;
}

/** A labelled input whose error is announced (aria-invalid + aria-describedby) as the admin types. */
export function TextField({ id, label, value, onChange, error, help, disabled, list, placeholder, inputRef, onBlur }: TextFieldProps) {
  const describedBy = `${id}-help`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={error !== null}
        aria-describedby={describedBy}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        list={list}
        placeholder={placeholder}
      />
      <p id={describedBy} className={error ? 'field-error' : 'muted'}>
        {error ?? help}
      </p>
    </>
  );
}
