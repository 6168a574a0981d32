import type { FieldIssue } from '../contract/api-error';

const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

/** Checks a setup name, which becomes a folder name (backups/<name>/), so it must be safe on every desktop OS. */
export function validateSetupName(value: string, field = 'name'): FieldIssue | null {
  const fail = (message: string): FieldIssue => ({ field, message });
  if (value === '') return fail('Setup name is required, e.g. "orders-prod".');
  if (value.length > 64) return fail(`Setup name must be at most 64 characters; this one has ${value.length}.`);
  const bad = /[^A-Za-z0-9._-]/.exec(value);
  if (bad) {
    const shown = bad[0] === ' ' ? 'a space' : `"${bad[0]}"`;
    return fail(`Setup name may contain only letters, digits, ".", "_" and "-" (it names a folder); it contains ${shown}.`);
  }
  if (value.startsWith('.')) return fail('Setup name must not start with "." (that would make a hidden folder).');
  if (value.endsWith('.')) return fail('Setup name must not end with "." (Windows drops it from folder names).');
  if (WINDOWS_DEVICE_NAMES.test(value)) return fail(`Setup name "${value}" is a reserved device name on Windows; choose another.`);
  return null;
}
