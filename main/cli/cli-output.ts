import type { ApiError } from '../../shared/contract/api-error';

/** Exit codes of the CLI (README, "Command line"): 0 done, 1 a step or check failed, 2 bad input (nothing written). */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** Error codes that mean the caller's input was wrong, so nothing was attempted. */
const BAD_INPUT_CODES: ReadonlySet<ApiError['code']> = new Set(['BAD_INPUT', 'UNKNOWN_CHANNEL', 'PROFILE_NOT_FOUND', 'MFA_REQUIRED']);

/** The exit code for an error value. */
export function exitCodeFor(error: ApiError): number {
  return BAD_INPUT_CODES.has(error.code) ? EXIT.badInput : EXIT.failed;
}

/** Prints an error value to stderr (or as JSON on stdout with --json): message, fix, command; never a stack trace. */
export function printError(error: ApiError, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
    return;
  }
  const lines = [`error: ${error.message}`];
  for (const issue of error.issues ?? []) lines.push(`  - ${issue.field}: ${issue.message}`);
  if (error.fix) lines.push(`fix: ${error.fix}`);
  if (error.command) lines.push(`run: ${error.command}`);
  process.stderr.write(`${lines.join('\n')}\n`);
}
