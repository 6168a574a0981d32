import { ApiFailure, apiError } from '../../shared/contract/api-error';

/** Refuses a setup name that could leave its folder (validated upstream too; this guards the file system). */
export function safeFolderName(name: string): string {
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name) || name.includes('..')) {
    throw new ApiFailure(
      apiError('BAD_INPUT', `"${name}" cannot be used as a setup name: it would not name one folder.`, {
        fix: 'Use letters, digits, ".", "_" and "-" only, e.g. "orders-prod".',
      }),
    );
  }
  return name;
}
