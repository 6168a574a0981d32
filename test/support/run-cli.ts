import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './project-root';

/** What one process run printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end, collecting what it printed (stdin gets `input`, then end of file). */
export function runProcess(command: string, args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, input?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Runs the built CLI (bin/sqs-s3-wizard.cjs) as a separate process, as an admin would. */
export function runCli(args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, input?: string): Promise<CliRun> {
  return runProcess(process.execPath, [join(projectRoot(), 'bin', 'sqs-s3-wizard.cjs'), ...args], env, input);
}
