// npm's postinstall: fetches the Electron binary (electron's install.js; npm is told not to run electron's own scripts)
// and never fails the install. Where the binary cannot be downloaded, one clear warning says what still works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './start.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installScript = join(root, 'node_modules', 'electron', 'install.js');
// Long enough for a slow download of about 100 MB; short enough that a black-holed network cannot hang npm install.
const INSTALL_TIMEOUT_MS = 5 * 60_000;

function warn(reason) {
  console.warn(
    [
      `postinstall: WARNING: the Electron binary was not downloaded (${reason}).`,
      '  npm install succeeded; `npm run web` runs the wizard in a browser and the tests need no Electron.',
      '  `npm start` needs the binary: when online, run  node node_modules/electron/install.js',
    ].join('\n'),
  );
}

function firstLine(text) {
  const line =
    (text ?? '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  return line.length > 160 ? `${line.slice(0, 160)}...` : line;
}

function main() {
  // A production install (no devDependencies) has no electron package: nothing to do.
  if (!existsSync(installScript)) return;
  if (findElectronBinary().path) return;
  const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  if (skip && skip !== '0' && skip.toLowerCase() !== 'false') {
    warn('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    return;
  }
  const run = spawnSync(process.execPath, [installScript], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (run.error?.code === 'ETIMEDOUT') return warn(`the download did not finish within ${INSTALL_TIMEOUT_MS / 60_000} minutes`);
  if (run.error) return warn(run.error.message);
  if (run.status !== 0) return warn(firstLine(run.stderr) || firstLine(run.stdout) || `install.js exited with ${run.status}`);
  if (!findElectronBinary().path) return warn('install.js finished but left no binary');
}

try {
  main();
} catch (err) {
  warn(err instanceof Error ? err.message : String(err));
}
process.exit(0);
