import { apiError, type ApiError } from '../contract/api-error';
import { freeSetupName } from './default-names';

/** True when another saved setup has this name; compared without case, as macOS and Windows file names are. */
export function isSetupNameTaken(name: string, takenSetupNames: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  return name !== '' && [...takenSetupNames].some((n) => n.toLowerCase() === lower);
}

/**
 * The refusal of a new setup under a name another saved setup has: saving would replace that setup's record (its
 * status and what it owns), so the scope form and the store both refuse it, naming the field and a free name.
 */
export function setupNameTakenError(name: string, takenSetupNames: ReadonlySet<string>): ApiError {
  const message = `Setup name "${name}" is already used by another saved setup: saving would replace it.`;
  return apiError('CONFLICT', message, {
    fix: `Choose another setup name, e.g. "${freeSetupName(name, takenSetupNames)}", or open "${name}" from the setups list to change it.`,
    issues: [{ field: 'name', message }],
  });
}
