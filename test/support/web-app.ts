import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './project-root';

/** A running browser front end (`node dist/main/web.cjs`) with its tokened URL. */
export interface WebApp {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly dataDir: string;
}

/** Starts the built web host as a child process with the given env; resolves once it prints its URL. */
export async function startWebApp(env: NodeJS.ProcessEnv): Promise<{ app: WebApp; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wizard-data-'));
  const child = spawn(process.execPath, [join(projectRoot(), 'dist/main/web.cjs')], {
    env: { ...env, SQS_S3_WIZARD_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited ${code}: ${out}`)));
  });
  const parsed = new URL(url);
  return { app: { url, port: Number(parsed.port), token: parsed.hash.replace('#token=', ''), dataDir }, child };
}
