import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Overrides the data directory (tests and e2e runs give each run a fresh one; docs/ARCHITECTURE.md#tests). */
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

/** What the wizard itself keeps in its data directory (docs/ARCHITECTURE.md#data-on-disk); anything else means the folder is not only ours. */
const OWN_ENTRIES = new Set(['setups', 'backups', 'audit.log']);

/**
 * Creates the data directory with mode 0700, and tightens an existing one only when it holds nothing but the wizard's
 * own files: a folder named by SQS_S3_WIZARD_DATA_DIR or --backup-dir may be shared (a home folder, /tmp), and its
 * owner's permissions are not the wizard's to change.
 */
export async function ensureDataDir(dir: string): Promise<string> {
  // Synchronous, as every small file of the data directory (main/store/atomic-write.ts).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o077) === 0) return dir;
  const entries = readdirSync(dir);
  if (entries.every((e) => OWN_ENTRIES.has(e))) chmodSync(dir, 0o700);
  return dir;
}
