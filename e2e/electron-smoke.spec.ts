import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { WizardApi } from '../shared/contract/api-client';

const root = join(__dirname, '..');

/**
 * The Electron executable as node_modules/electron/path.txt names it (electron's own index.js is not used: it would
 * start a download). Null, with the reason, where the binary could not be downloaded.
 */
function electronBinary(): { readonly path: string | null; readonly reason: string } {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return { path: null, reason: 'node_modules/electron/path.txt is missing' };
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary, reason: '' } : { path: null, reason: `${binary} is missing` };
}

const binary = electronBinary();
if (!binary.path) {
  console.log(
    `electron-smoke: skipped: Electron binary not installed (${binary.reason}). Install it with \`node node_modules/electron/install.js\` to run this smoke test; the browser e2e specs cover the UI meanwhile.`,
  );
}

test.describe('Electron shell smoke', () => {
  test.skip(!binary.path, `Electron binary not installed (${binary.reason}): smoke test skipped`);

  test.beforeAll(() => {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-needed'], { cwd: root, stdio: 'inherit' });
    expect(build.status).toBe(0);
  });

  test('opens the wizard in a locked-down window with only the typed API exposed', async () => {
    // Chromium refuses to start as root without --no-sandbox (container CI); the renderer's own sandbox option stays on.
    const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
    const app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: [root, ...(asRoot ? ['--no-sandbox'] : [])],
      env: { ...process.env, SQS_S3_WIZARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'wizard-electron-')) },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle(/wizard/i);
      expect(page.url()).toBe('app://sqs-s3-wizard/index.html');

      const exposed = await page.evaluate(() => {
        const api = (window as unknown as { wizardApi?: Record<string, unknown> }).wizardApi ?? {};
        return {
          keys: Object.keys(api).sort(),
          invoke: typeof api['invoke'],
          onEvent: typeof api['onEvent'],
          require: typeof (globalThis as { require?: unknown }).require,
          process: typeof (globalThis as { process?: unknown }).process,
        };
      });
      expect(exposed).toEqual({ keys: ['invoke', 'onEvent'], invoke: 'function', onEvent: 'function', require: 'undefined', process: 'undefined' });

      const info = await page.evaluate(() => (window as unknown as { wizardApi: WizardApi }).wizardApi.invoke('app.info', {}));
      expect(info).toMatchObject({ ok: true, value: { frontEnd: 'electron' } });

      // New windows are denied by the window-open handler.
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
