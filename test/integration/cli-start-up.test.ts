import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { motoEnv } from '../support/aws-profile-files';
import { projectRoot } from '../support/project-root';
import { runProcess } from '../support/run-cli';

const motoUrl = inject('motoUrl');

/** What a CLI run loaded: Node's own modules (process.moduleLoadList) and the CLI bundles the launcher read. */
interface StartUp {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly loaded: string[];
  readonly bundles: string[];
}

// A --require hook: records the .cjs files read through fs.readFileSync (the launcher reads the bundles so) and, at
// exit, prints them with the list of Node's modules the command loaded.
const HOOK = `const fs = require('node:fs'); const read = fs.readFileSync; const bundles = [];
fs.readFileSync = function (path, ...rest) { const name = require('node:path').basename(String(path)); if (/^cli.*\\.cjs$/.test(name)) bundles.push(name); return read.call(this, path, ...rest); };
process.on('exit', () => fs.writeSync(2, \`\\nLOADED \${JSON.stringify({ loaded: process.moduleLoadList, bundles })}\\n\`));
`;

/** Runs the CLI with the hook above. */
async function startUpOf(args: ReadonlyArray<string>): Promise<StartUp> {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-start-up-'));
  const hook = join(dir, 'loaded-modules.cjs');
  writeFileSync(hook, HOOK);
  const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data'), SQS_S3_WIZARD_CODE_CACHE_DIR: '' };
  const run = await runProcess(process.execPath, ['--require', hook, join(projectRoot(), 'bin', 'sqs-s3-wizard.cjs'), ...args], env);
  const line = run.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  const seen = JSON.parse(line?.slice('LOADED '.length) ?? '{"loaded":[],"bundles":[]}') as { loaded: string[]; bundles: string[] };
  return { code: run.code, stdout: run.stdout, stderr: run.stderr.split('\nLOADED ')[0] ?? '', ...seen };
}

// Start-up (BENCHMARKS.md, 1c): what a command that needs no AWS call must not load. Node's own modules are visible
// from outside the bundle; node:crypto is the costly one (its ciphers and streams, about 7 ms).
describe('the CLI loads only what a command uses', () => {
  it('profiles prints its listing from the start-up bundle, without node:crypto or the network stack', async () => {
    const run = await startUpOf(['profiles', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('profiles');
    expect(run.bundles).toEqual(['cli-start-up.cjs']);
    expect(run.loaded.length).toBeGreaterThan(10);
    expect(run.loaded.filter((m) => /^NativeModule (crypto|https?|tls|net)$/.test(m))).toEqual([]);
  });

  it('--help, no command and a bad flag without a command are answered by the start-up bundle', async () => {
    const help = await startUpOf(['apply', '--help']);
    expect([help.code, help.bundles]).toEqual([0, ['cli-start-up.cjs']]);
    expect(help.stdout).toContain('Usage: sqs-s3-wizard <command> [options]');
    const none = await startUpOf([]);
    expect([none.code, none.bundles]).toEqual([2, ['cli-start-up.cjs']]);
    expect(none.stderr).toContain('error: no command given.');
    for (const args of [['--bogus'], ['profiles', '--bogus']]) {
      const bad = await startUpOf(args);
      expect([bad.code, bad.bundles]).toEqual([2, ['cli-start-up.cjs']]);
      expect(bad.stderr).toContain("error: Unknown option '--bogus'");
    }
  });

  it('whoami, which signs a request, runs from the full bundle and loads node:crypto when it first hashes', async () => {
    const run = await startUpOf(['whoami', '--json']);
    expect(run.code).toBe(0);
    expect(run.bundles).toEqual(['cli.cjs']);
    expect(run.loaded).toContain('NativeModule crypto');
  });

  it('hands a command the launcher guessed wrong (a flag value named profiles) to the full bundle before doing anything', async () => {
    const guessed = await startUpOf(['--profile', 'profiles', 'plan']);
    const direct = await startUpOf(['plan', '--profile', 'profiles']);
    expect(guessed.bundles).toEqual(['cli-start-up.cjs', 'cli.cjs']);
    expect(direct.bundles).toEqual(['cli.cjs']);
    expect([guessed.code, guessed.stdout, guessed.stderr]).toEqual([direct.code, direct.stdout, direct.stderr]);
    expect(guessed.stderr).toContain('error: Missing --setup FILE.');
  });
});
