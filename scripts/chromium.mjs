// A Chromium for the end-to-end tests, found or fetched, so `npm install` then `npm test` pass on a fresh machine:
// CHROMIUM_PATH, Debian's chromium, a system Chrome, Playwright's own browser; when there is none, Playwright's
// installer (where its download host is reachable), then Debian's package (as root on Debian); else one clear error
// with the command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** System browsers the tests can drive, in order of preference. */
const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Playwright's own Chromium, when its installer has put it in place. */
function playwrightChromium() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The first usable Chromium on this machine, or null. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  return SYSTEM_BROWSERS.find((p) => existsSync(p)) ?? playwrightChromium();
}

function attempt(what, cmd, args, timeoutMs) {
  console.log(`chromium: ${what}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', timeout: timeoutMs, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return res.status === 0;
}

/** True when this process may install Debian packages: root, on a system with apt-get. */
function canUseApt() {
  return typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
}

/**
 * A usable Chromium's path, fetched when the machine has none: Playwright's installer first, Debian's package as root.
 * Throws with the one command to run when neither works.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  // Playwright's download host may be unreachable (a company network, a sandbox): a bounded try, then the next way.
  attempt("none found: trying Playwright's installer (npx playwright install chromium)", 'npx', ['playwright', 'install', 'chromium'], 5 * 60_000);
  const fetched = findChromium();
  if (fetched) return fetched;
  if (canUseApt()) {
    attempt("installing Debian's chromium package (apt-get)", 'apt-get', ['update', '-qq'], 5 * 60_000);
    attempt("installing Debian's chromium package (apt-get)", 'apt-get', ['install', '-y', '-qq', 'chromium'], 10 * 60_000);
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium for the end-to-end tests, and none could be installed. Run one of: `npx playwright install chromium` ' +
      '(needs its download host), `sudo apt-get install chromium` (Debian), or set CHROMIUM_PATH to a Chrome or Chromium binary.',
  );
}
