import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, ensureDataDir } from '../../../main/store/data-dir';
import { permissions, useTempDir } from './temp-dir';

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('dataDir', () => {
  it('uses SQS_S3_WIZARD_DATA_DIR when set, made absolute', () => {
    expect(dataDir({ SQS_S3_WIZARD_DATA_DIR: '/srv/wizard-data', HOME: '/home/a' }, 'linux')).toBe('/srv/wizard-data');
    expect(dataDir({ SQS_S3_WIZARD_DATA_DIR: 'rel/data' }, 'linux')).toBe(join(process.cwd(), 'rel/data'));
  });

  it('uses XDG_CONFIG_HOME or ~/.config on Linux, ignoring a relative XDG_CONFIG_HOME', () => {
    expect(dataDir({ HOME: '/home/a', XDG_CONFIG_HOME: '/home/a/cfg' }, 'linux')).toBe('/home/a/cfg/sqs-s3-wizard');
    expect(dataDir({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.config/sqs-s3-wizard');
    expect(dataDir({ HOME: '/home/a', XDG_CONFIG_HOME: 'cfg' }, 'linux')).toBe('/home/a/.config/sqs-s3-wizard');
  });

  it('uses ~/Library/Application Support on macOS and %APPDATA% on Windows', () => {
    expect(dataDir({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Application Support/sqs-s3-wizard');
    expect(dataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toBe(join('C:/Users/a/AppData/Roaming', 'sqs-s3-wizard'));
    expect(dataDir({ USERPROFILE: 'C:/Users/a' }, 'win32')).toBe(join('C:/Users/a', 'AppData', 'Roaming', 'sqs-s3-wizard'));
  });
});

describe('ensureDataDir', () => {
  const tempDir = useTempDir();

  posixOnly('creates the folder (and parents) with mode 0700', async () => {
    const dir = join(tempDir(), 'a', 'b', 'sqs-s3-wizard');
    expect(await ensureDataDir(dir)).toBe(dir);
    expect(permissions(statSync(dir).mode)).toBe(0o700);
  });

  posixOnly('tightens an existing folder to 0700', async () => {
    const dir = join(tempDir(), 'open');
    mkdirSync(dir, { mode: 0o755 });
    await ensureDataDir(dir);
    expect(permissions(statSync(dir).mode)).toBe(0o700);
  });

  posixOnly("never changes the permissions of a folder that holds anything but the wizard's own files", async () => {
    const dir = join(tempDir(), 'shared');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'backups'));
    writeFileSync(join(dir, 'notes.txt'), 'someone else');
    await ensureDataDir(dir);
    expect(permissions(statSync(dir).mode)).toBe(0o755);
  });
});
