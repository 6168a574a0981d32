import { ApiFailure, apiError, type FieldIssue } from '../../shared/contract/api-error';
import type { Setup } from '../../shared/setup/setup';
import { validateSetup } from '../../shared/setup/validate-setup';
import { readJsonFile, type JsonSchema } from '../store/read-json-file';

/** A valid setup file and the warnings about it (a prefix without "/", say). */
interface LoadedSetup {
  readonly setup: Setup;
  readonly warnings: ReadonlyArray<string>;
}

/** The setup file checked by the shared validator, which names every problem field by field (docs/ARCHITECTURE.md, "Setup file"). */
const setupFileSchema: JsonSchema<LoadedSetup> = {
  safeParse(json) {
    const result = validateSetup(json);
    if (!result.ok) return { success: false, error: { issues: result.issues.map((i: FieldIssue) => ({ path: [i.field], message: i.message })) } };
    return { success: true, data: { setup: result.setup, warnings: result.warnings.map((w) => `${w.field}: ${w.message}`) } };
  },
};

/** Reads and validates a setup file; every problem is named, with the file. */
export async function loadSetupFile(path: string | undefined): Promise<LoadedSetup> {
  if (!path) throw new ApiFailure(apiError('BAD_INPUT', 'Missing --setup FILE.', { fix: 'Pass the setup file: --setup my-setup.json' }));
  const read = await readJsonFile(path, setupFileSchema);
  if (read.ok) return read.value;
  if (read.problem === 'missing' || read.problem === 'unreadable') {
    throw new ApiFailure(
      apiError('BAD_INPUT', `Cannot read setup file ${path}: ${read.detail}.`, { fix: 'Check the path: pass the JSON file the wizard saved or exported.' }),
    );
  }
  if (read.problem === 'not-json') {
    throw new ApiFailure(apiError('BAD_INPUT', `Setup file ${path} is not valid JSON: ${read.detail}`, { fix: 'Fix the JSON syntax.' }));
  }
  throw new ApiFailure(
    apiError('BAD_INPUT', `Setup file ${path} is not valid (${read.issues.length} problem(s)); nothing was written.`, {
      fix: 'Correct the named fields.',
      issues: read.issues,
    }),
  );
}

/**
 * The setup with the admin's choice of --resolve-overlap (only "fan-out": an SNS fan-out for a rule that overlaps
 * another); without the flag the setup file's own choice stands, and an overlap stays a blocker.
 */
export function withOverlapResolution(setup: Setup, value: string | undefined): Setup {
  if (value === undefined) return setup;
  if (value !== 'fan-out')
    throw new ApiFailure(
      apiError('BAD_INPUT', `--resolve-overlap ${value}: unknown resolution.`, {
        fix: 'Use --resolve-overlap fan-out (an SNS fan-out), or leave the flag out.',
      }),
    );
  return { ...setup, overlapResolution: 'fan-out' };
}
