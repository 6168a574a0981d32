import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface BinaryLookup {
  readonly path?: string;
  readonly missing?: string;
  readonly packageMissing?: boolean;
}
interface StartScript {
  findElectronBinary(projectRoot: string, env: NodeJS.ProcessEnv): BinaryLookup;
  missingBinaryMessage(lookup: BinaryLookup): string;
}

const root = join(__dirname, '..', '..', '..');
const script = (name: string) => join(root, 'scripts', name);

describe('npm start without the Electron binary', () => {
  let start: StartScript;
  let work: string;

  beforeAll(async () => {
    start = (await import(pathToFileURL(script('start.mjs')).href)) as StartScript;
    work = mkdtempSync(join(tmpdir(), 'electron-binary-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A project whose node_modules/electron is in the given state. */
  function project(name: string, state: { pathTxt?: string; binary?: boolean; package?: boolean }): string {
    const dir = join(work, name);
    const electron = join(dir, 'node_modules', 'electron');
    mkdirSync(join(electron, 'dist'), { recursive: true });
    if (state.package !== false) writeFileSync(join(electron, 'package.json'), '{"name":"electron"}');
    if (state.pathTxt !== undefined) writeFileSync(join(electron, 'path.txt'), state.pathTxt);
    if (state.binary) writeFileSync(join(electron, 'dist', state.pathTxt ?? 'electron'), '');
    return dir;
  }

  it('finds an installed binary through path.txt', () => {
    const dir = project('installed', { pathTxt: 'electron', binary: true });
    expect(start.findElectronBinary(dir, {}).path).toBe(join(dir, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('reports a binary that was never downloaded, or has gone, or an electron package that is missing', () => {
    expect(start.findElectronBinary(project('never', {}), {}).missing).toMatch(/never downloaded/);
    expect(start.findElectronBinary(project('gone', { pathTxt: 'electron' }), {}).missing).toMatch(/is gone/);
    expect(start.findElectronBinary(project('nopkg', { package: false }), {})).toMatchObject({ packageMissing: true });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', () => {
    const dist = join(work, 'override');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'electron'), '');
    expect(start.findElectronBinary(project('override-project', {}), { ELECTRON_OVERRIDE_DIST_PATH: dist }).path).toBe(join(dist, 'electron'));
  });

  it('says what happened, how to install it when online, and what to run instead', () => {
    const message = start.missingBinaryMessage({ missing: 'it was never downloaded' });
    expect(message).toContain('Electron binary is not installed');
    expect(message).toContain('node node_modules/electron/install.js');
    expect(message).toContain('npm run web');
    expect(message.split('\n').length).toBeLessThanOrEqual(3);
  });

  it('exits 1 with that message when this checkout has no binary', () => {
    if (start.findElectronBinary(root, process.env).path) return; // An installed binary would start the app.
    const run = spawnSync(process.execPath, [script('start.mjs')], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run web');
  });
});

describe('postinstall', () => {
  it('never fails npm install when the download is skipped, and says what works', () => {
    const run = spawnSync(process.execPath, [script('postinstall.mjs')], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    expect(run.status).toBe(0);
    if (!run.stderr.includes('WARNING')) return; // The binary is installed: nothing to say.
    expect(run.stderr).toContain('npm run web');
    expect(run.stderr).toContain('node node_modules/electron/install.js');
  });
});
