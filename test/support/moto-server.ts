import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from './project-root';

const root = projectRoot();
const VENV = join(root, '.venv-moto');

/** A moto_server the tests talk to. */
export interface MotoServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** moto_server from PATH, else from a local virtualenv made with `pip install "moto[server]"` (docs/ARCHITECTURE.md#tests). */
export function motoExecutable(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const local = join(VENV, 'bin', 'moto_server');
  if (existsSync(local)) return local;
  process.stderr.write('moto_server not on PATH: creating .venv-moto with pip install "moto[server]"\n');
  let venv = spawnSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  // Debian ships venv support separately: as root there, install it rather than stop (a fresh CI machine).
  if (venv.status !== 0 && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'python3-venv'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    venv = spawnSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  }
  if (venv.status !== 0) throw new Error('python3 -m venv failed: install python3-venv (apt-get install python3-venv), or moto[server] with pip');
  const pip = spawnSync(join(VENV, 'bin', 'pip'), ['install', '--quiet', 'moto[server]'], { stdio: 'inherit' });
  if (pip.status !== 0 || !existsSync(local)) throw new Error('pip install "moto[server]" failed');
  return local;
}

/** Starts moto_server on a free loopback port and waits until it answers. */
export async function startMoto(extraEnv: NodeJS.ProcessEnv = {}): Promise<MotoServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(motoExecutable(), ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...extraEnv },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/moto-api/data.json`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not answer on ${url} within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

/** Clears all of moto's state (POST /moto-api/reset) so each test starts from a fresh account. */
export async function resetMoto(url: string): Promise<void> {
  const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
}
