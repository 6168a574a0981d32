import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  readonly main: string;
  readonly devDependencies: Record<string, string>;
};

/** Loads electron-builder.yml exactly as electron-builder does (same loader, same merge of defaults). */
async function loadConfig(): Promise<Configuration> {
  return getConfig(root, 'electron-builder.yml', null);
}

/** The targets named for one platform, whatever form (string, list, objects) the file uses. */
function targetNames(platform: { readonly target?: unknown } | null | undefined): string[] {
  const target = platform?.target;
  const list = Array.isArray(target) ? target : target === undefined || target === null ? [] : [target];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

describe('electron-builder.yml', () => {
  let config: Configuration;

  beforeAll(async () => {
    config = await loadConfig();
  });

  it("passes electron-builder's own configuration validation (offline)", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really validated: an unknown or misplaced option is rejected', async () => {
    await expect(validateConfiguration({ ...config, notAnOption: true } as Configuration, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
    await expect(
      validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration, new DebugLogger(false)),
    ).rejects.toThrow(/Invalid configuration/);
  });

  it('sets every fuse the Electron security checklist asks for (item 19)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, dmg and nsis', () => {
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(config.linux?.maintainer).toBeTruthy();
  });

  it('ships only built output, in an asar, with no node_modules', () => {
    const files = (config.files as ReadonlyArray<{ readonly filter: ReadonlyArray<string> }>).flatMap((f) => f.filter);
    const included = files.filter((p) => !p.startsWith('!'));
    expect(included.sort()).toEqual(['dist/**/*', 'package.json']);
    expect(files).toContain('!node_modules{,/**/*}');
    expect(config.asar).toBe(true);
    expect(packageJson.main.startsWith('dist/')).toBe(true);
  });

  it('pins the Electron version of package.json, so reading it needs no binary', () => {
    expect(config.electronVersion).toBe(packageJson.devDependencies['electron']);
  });
});

describe('electron-builder packaging of the files list (offline, stand-in Electron)', () => {
  it('puts only dist/ (without source maps) and package.json into app.asar, never a production dependency', async () => {
    const config = await loadConfig();
    const work = mkdtempSync(join(tmpdir(), 'builder-files-'));
    try {
      // A stand-in for the Electron distribution, so nothing is downloaded; it has no fuse sentinel, so fuses are
      // left to the real build and checked above.
      const fakeElectron = join(work, 'electron-dist');
      mkdirSync(join(fakeElectron, 'resources'), { recursive: true });
      writeFileSync(join(fakeElectron, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
      writeFileSync(join(fakeElectron, 'version'), `v${packageJson.devDependencies['electron']}`);

      const project = join(work, 'project');
      const write = (path: string, text: string) => {
        mkdirSync(join(project, path, '..'), { recursive: true });
        writeFileSync(join(project, path), text);
      };
      write('dist/main/electron-main.cjs', '"use strict";');
      write('dist/main/electron-main.cjs.map', '{}');
      write('dist/preload/electron-preload.cjs', '"use strict";');
      write('dist/renderer/index.html', '<!doctype html>');
      write('main/electron-main.ts', 'export {};');
      write('test/secret.test.ts', 'export {};');
      write('node_modules/example-dependency/package.json', JSON.stringify({ name: 'example-dependency', version: '1.0.0' }));
      write('node_modules/example-dependency/index.js', 'module.exports = 1;');
      write(
        'package.json',
        JSON.stringify({
          name: 'sqs-s3-wizard',
          version: '0.0.0',
          description: 'fixture',
          license: 'UNLICENSED',
          author: 'fixture',
          main: packageJson.main,
          dependencies: { 'example-dependency': '1.0.0' },
          devDependencies: { electron: packageJson.devDependencies['electron'] },
        }),
      );
      const { electronFuses: _fuses, ...withoutFuses } = config;
      write('electron-builder.json', JSON.stringify({ ...withoutFuses, electronDist: fakeElectron }));

      const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
      const run = spawnSync(process.execPath, [cli, '--linux', 'dir', '--projectDir', project], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
        timeout: 120_000,
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

      const asar = join(project, 'release', 'linux-unpacked', 'resources', 'app.asar');
      const shipped = listPackage(asar, { isPack: false })
        .map((p) => p.replace(/\\/g, '/'))
        .filter((p) => !['/dist', '/dist/main', '/dist/preload', '/dist/renderer'].includes(p));
      expect(shipped.sort()).toEqual(['/dist/main/electron-main.cjs', '/dist/preload/electron-preload.cjs', '/dist/renderer/index.html', '/package.json']);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
