import { writeSync } from 'node:fs';
import type { ApiError } from '../../shared/contract/api-error';

/** Set once stdout would block: later output then goes through the stream too, in order. */
let stdoutStream = false;

/**
 * Writes a command's output to stdout synchronously: setting up process.stdout (a stream) costs more than a command's
 * one result (start-up: BENCHMARKS.md). A non-blocking pipe that is full hands the rest to the stream; a reader that
 * has gone (EPIPE, e.g. `| head`) ends the output.
 */
export function writeStdout(text: string): void {
  if (stdoutStream) {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw err;
      stdoutStream = true;
      process.stdout.write(bytes.subarray(offset));
      return;
    }
  }
}

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
    writeStdout(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
    return;
  }
  const lines = [`error: ${error.message}`];
  for (const issue of error.issues ?? []) lines.push(`  - ${issue.field}: ${issue.message}`);
  if (error.fix) lines.push(`fix: ${error.fix}`);
  if (error.command) lines.push(`run: ${error.command}`);
  process.stderr.write(`${lines.join('\n')}\n`);
}
