import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { motoEnv } from '../support/aws-profile-files';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');

/** The CLI's environment for moto's profiles, with no XDG_CACHE_HOME: the default cache folder is then under HOME. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'wizard-cache-data-')), ...extra };
  delete base['XDG_CACHE_HOME'];
  return base;
}

describe("the CLI launcher's per-command code cache (bin/sqs-s3-wizard.cjs)", () => {
  it('writes a private cache for a command after its first run, uses it afterwards, and makes a rejected one again', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'wizard-code-cache-')), 'cache');
    const e = env({ SQS_S3_WIZARD_CODE_CACHE_DIR: folder });
    const first = await runCli(['profiles', '--json'], e);
    expect(first.code, first.stderr).toBe(0);
    const [file, ...more] = readdirSync(folder);
    expect(more).toEqual([]);
    expect(file).toMatch(new RegExp(`^profiles-start-up-\\d+-\\d+-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.cache$`));
    const path = join(folder, file ?? '');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const written = statSync(path).mtimeMs;

    const second = await runCli(['profiles', '--json'], e);
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(path).mtimeMs).toBe(written);

    // A cache of an earlier build is removed once the command writes its new one.
    const earlier = join(folder, 'profiles-start-up-1-1-v0.0.0-x64.cache');
    writeFileSync(earlier, 'old');
    writeFileSync(path, 'not a code cache');
    expect((await runCli(['profiles', '--json'], e)).code).toBe(0);
    expect(existsSync(earlier)).toBe(false);
    // A cache V8 rejects (here: not a cache at all) does no harm and is replaced by a good one.
    writeFileSync(path, 'not a code cache');
    const third = await runCli(['profiles', '--json'], e);
    expect(third.stdout).toBe(first.stdout);
    expect(readFileSync(path).length).toBeGreaterThan(1000);
  });

  it("keeps its caches under the user's cache folder by default, none for --help, and none when the folder is set empty", async () => {
    const e = env();
    expect((await runCli(['--help'], e)).code).toBe(0);
    const folder = join(e['HOME'] ?? '', '.cache', 'sqs-s3-wizard', 'code-cache');
    expect(existsSync(folder)).toBe(false);
    expect((await runCli(['profiles'], e)).code).toBe(0);
    expect(readdirSync(folder).map((f) => f.split('-')[0])).toEqual(['profiles']);

    const off = env({ SQS_S3_WIZARD_CODE_CACHE_DIR: '' });
    expect((await runCli(['profiles'], off)).code).toBe(0);
    expect(existsSync(join(off['HOME'] ?? '', '.cache'))).toBe(false);
  });
});
