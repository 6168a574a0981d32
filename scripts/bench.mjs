// `npm run bench`: builds the app if needed, bundles the benchmarks and runs them; prints medians and targets.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, buildIsStale } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (buildIsStale()) await buildAll({ quiet: true });
const out = join(root, '.tsbuild', 'bench');
for (const name of ['policy-engine.bench', 'run-bench']) {
  await build({
    absWorkingDir: root,
    entryPoints: [`bench/${name}.ts`],
    outfile: join(out, `${name}.cjs`),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@playwright/test', 'playwright', 'playwright-core', 'electron'],
    // scripts/chromium.mjs resolves packages from import.meta.url, which a CommonJS bundle must be given.
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': 'importMetaUrl' },
    logLevel: 'warning',
  });
}
console.log(
  `bench: ${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).cpus().length} cores (${(await import('node:os')).cpus()[0]?.model ?? 'unknown CPU'})`,
);
let failed = false;
for (const name of ['run-bench', 'policy-engine.bench']) {
  const r = spawnSync(process.execPath, [join(out, `${name}.cjs`)], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
