// `npm start`: runs the desktop wizard in Electron, building first if anything changed. When the Electron binary is
// missing (it could not be downloaded on this machine), says so, how to install it, and what to run instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the Electron executable is, without running electron's own index.js (which would start a download):
 * node_modules/electron/path.txt names it under dist/, as electron's install.js writes it.
 * Returns { path } when the binary is there, or { missing } with the reason (and packageMissing when npm install is due).
 */
export function findElectronBinary(projectRoot = root, env = process.env) {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) return { missing: 'the electron package itself is not installed', packageMissing: true };
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(overridden) ? { path: overridden } : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no ${relative || 'electron'}` };
  }
  if (!relative) return { missing: 'it was never downloaded' };
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { missing: `${join('node_modules', 'electron', 'dist', relative)} is gone` };
}

/** The few lines an admin sees when the binary is missing: what happened, how to fix it, what works meanwhile. */
export function missingBinaryMessage({ missing, packageMissing = false }) {
  if (packageMissing) return `The Electron binary is not installed: ${missing}. Run npm install first.`;
  return [
    `The Electron binary is not installed: ${missing}. Most likely this machine cannot reach Electron's download host.`,
    '  To install it when online:  node node_modules/electron/install.js   (then npm start again)',
    '  Meanwhile the same wizard runs in your browser:  npm run web',
  ].join('\n');
}

async function main() {
  const electron = findElectronBinary();
  if (!electron.path) {
    console.error(missingBinaryMessage(electron));
    process.exit(1);
  }
  // Loaded only now: the message above must not depend on the build tools.
  const { buildAll, buildIsStale } = await import('./build.mjs');
  if (buildIsStale()) {
    console.error('start: building the app first (one time after each change)...');
    await buildAll({ quiet: true });
  }
  const env = { ...process.env };
  // Set in some shells and CI; it would make Electron behave as plain Node.js.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit', env, windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`start: could not run Electron (${electron.path}): ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
