import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { motoEnv } from '../support/aws-profile-files';
import { projectRoot } from '../support/project-root';
import { runProcess } from '../support/run-cli';

const motoUrl = inject('motoUrl');

/** Runs the CLI with a hook that prints, at exit, which of Node's own modules the command loaded. */
async function nodeModulesLoadedBy(args: ReadonlyArray<string>): Promise<{ code: number | null; stdout: string; loaded: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-start-up-'));
  const hook = join(dir, 'loaded-modules.cjs');
  writeFileSync(hook, "process.on('exit', () => require('node:fs').writeSync(2, `\\nLOADED ${JSON.stringify(process.moduleLoadList)}\\n`));\n");
  const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data'), SQS_S3_WIZARD_CODE_CACHE_DIR: '' };
  const run = await runProcess(process.execPath, ['--require', hook, join(projectRoot(), 'bin', 'sqs-s3-wizard.cjs'), ...args], env);
  const line = run.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  return { code: run.code, stdout: run.stdout, loaded: JSON.parse(line?.slice('LOADED '.length) ?? '[]') as string[] };
}

// Start-up (BENCHMARKS.md, 1c): what a command that needs no AWS call must not load. Node's own modules are visible
// from outside the bundle; node:crypto is the costly one (its ciphers and streams, about 7 ms).
describe('the CLI loads only what a command uses', () => {
  it('profiles prints its listing without loading node:crypto or the network stack', async () => {
    const run = await nodeModulesLoadedBy(['profiles', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('profiles');
    expect(run.loaded.length).toBeGreaterThan(10);
    expect(run.loaded.filter((m) => /^NativeModule (crypto|https?|tls|net)$/.test(m))).toEqual([]);
  });

  it('whoami, which signs a request, loads node:crypto when it first hashes', async () => {
    const run = await nodeModulesLoadedBy(['whoami', '--json']);
    expect(run.code).toBe(0);
    expect(run.loaded).toContain('NativeModule crypto');
  });
});
