import { chmod, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Overrides the data directory (tests and e2e runs give each run a fresh one; DESIGN.md, STYLE.md 10). */
export const DATA_DIR_ENV = 'SQS_S3_WIZARD_DATA_DIR';

/** The app's folder name inside the OS app-data folder. */
export const APP_FOLDER = 'sqs-s3-wizard';

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME?.trim() || env.USERPROFILE?.trim() || homedir();
}

/** Where backups, setups and the audit log live: the override, else the OS app-data folder (as Electron's appData). */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env[DATA_DIR_ENV]?.trim();
  if (override) return resolve(override);
  if (platform === 'win32') return join(env.APPDATA?.trim() || join(homeOf(env), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homeOf(env), 'Library', 'Application Support', APP_FOLDER);
  // XDG Base Directory spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME?.trim();
  return join(xdg && xdg.startsWith('/') ? xdg : join(homeOf(env), '.config'), APP_FOLDER);
}

/** Creates the data directory readable by its owner only (backups hold account ids and policies), tightening an existing one. */
export async function ensureDataDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  return dir;
}
