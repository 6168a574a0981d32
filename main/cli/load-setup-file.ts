import { readFile } from 'node:fs/promises';
import { ApiFailure, apiError } from '../../shared/contract/api-error';
import type { Setup } from '../../shared/setup/setup';
import { validateSetup } from '../../shared/setup/validate-setup';

/** Plain words for the errors reading a file gives most often. */
const READ_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
};

/** Reads and validates a setup file (DESIGN.md contract); every problem is named, with the file. */
export async function loadSetupFile(path: string | undefined): Promise<{ setup: Setup; warnings: ReadonlyArray<string> }> {
  if (!path) throw new ApiFailure(apiError('BAD_INPUT', 'Missing --setup FILE.', { fix: 'Pass the setup file: --setup my-setup.json' }));
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new ApiFailure(apiError('BAD_INPUT', `Cannot read setup file ${path}: ${READ_PROBLEMS[code] ?? code}.`, { fix: 'Check the path: pass the JSON file the wizard saved or exported.' }));
  }
  let json: unknown;
  try {
    // Editors on Windows may save UTF-8 with a byte order mark, which JSON.parse rejects.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ApiFailure(apiError('BAD_INPUT', `Setup file ${path} is not valid JSON: ${(err as Error).message}`, { fix: 'Fix the JSON syntax.' }));
  }
  const result = validateSetup(json);
  if (!result.ok) {
    throw new ApiFailure(apiError('BAD_INPUT', `Setup file ${path} is not valid (${result.issues.length} problem(s)); nothing was written.`, { fix: 'Correct the named fields.', issues: result.issues }));
  }
  return { setup: result.setup, warnings: result.warnings.map((w) => `${w.field}: ${w.message}`) };
}
