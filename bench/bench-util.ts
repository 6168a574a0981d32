import { spawn } from 'node:child_process';

/** Median of a list of numbers. */
export function median(values: ReadonlyArray<number>): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs a command to completion and returns its wall time in ms; throws with its output when it fails. */
export function timeCommand(cmd: string, args: ReadonlyArray<string>, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, [...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-3000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/** One printed figure: median, target, verdict. */
export function figure(label: string, valueMs: number, target: string, pass: boolean, extra = ''): string {
  return `${label}: median ${valueMs.toFixed(1)} ms${extra} (target ${target}) ${pass ? 'PASS' : 'MISS'}`;
}
