// Builds every target into dist/: main-process bundles (esbuild, CommonJS, SDK bundled in), the sandboxed preload
// (one CommonJS file), and the renderer (vite). Usage: node scripts/build.mjs [--if-needed]
import { spawnSync } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, readFileSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Node-side entry points -> output files. */
export const nodeEntries = [
  { in: 'main/electron/main.ts', out: 'dist/main/electron-main.cjs', electron: true },
  { in: 'main/electron/preload/preload.ts', out: 'dist/preload/electron-preload.cjs', electron: true },
  { in: 'main/host/web-main.ts', out: 'dist/main/web.cjs' },
  // The CLI is minified (names kept, for messages and stacks; the source map has the rest): a command's start-up is
  // mostly reading and compiling the bundle, and 3.3 MB -> 1.6 MB took --help from 1.7x to 1.45x of `node -e 0`.
  { in: 'main/cli/cli-main.ts', out: 'dist/main/cli.cjs', minify: true, cli: 'full' },
  // The same entry without what its dynamic imports load: --help, no command and `profiles` read 60 KB instead of 1.5 MB
  // (BENCHMARKS.md, start-up); the launcher runs it first for those and it hands any other command to the full bundle.
  { in: 'main/cli/cli-main.ts', out: 'dist/main/cli-start-up.cjs', minify: true, cli: 'start-up' },
];

/** The CLI bundles, by the name the launcher's SQS_S3_WIZARD_WRITE_CODE_CACHE takes. */
const cliBundles = nodeEntries.filter((e) => e.cli);

/**
 * The dynamic imports the start-up bundle keeps: what --help and `profiles` load. Every other one becomes a module that
 * throws, so the bundle holds neither the AWS clients nor the steps; cli-main.ts hands their commands over first.
 */
const START_UP_IMPORTS = ['../api/workspace', './cli-api', './commands/profile-commands'];

/** The AWS SDK clients the engine imports by name (main/aws/): bundled from their ES module builds. */
const SDK_CLIENTS_FROM_ES_BUILDS = ['@aws-sdk/client-iam', '@aws-sdk/client-s3', '@aws-sdk/client-sqs', '@aws-sdk/client-sts'];

/**
 * The CLI bundles the SDK clients above from their ES module builds ("module" in their package.json), not their
 * CommonJS builds: the clients declare no side effects, so esbuild keeps only the commands the app sends (a few of
 * IAM's 181 and S3's 113) with their schemas, and a client no longer initialises the others when it loads (about
 * 10-15 ms of the whole job, BENCHMARKS.md). The clients loaded with import() (SNS, KMS, Lambda, Organizations) are
 * used as whole modules, and every other package keeps its CommonJS build: those measured no gain.
 */
function sdkClientsFromEsBuilds() {
  return {
    name: 'sdk-clients-from-es-builds',
    setup(build) {
      build.onResolve({ filter: /^@aws-sdk\/client-[a-z0-9-]+$/ }, (args) => {
        if (!SDK_CLIENTS_FROM_ES_BUILDS.includes(args.path)) return undefined;
        // The copy the importer would get (a nested node_modules first).
        const manifest = createRequire(args.importer).resolve(`${args.path}/package.json`);
        const { module } = JSON.parse(readFileSync(manifest, 'utf8'));
        if (!module) throw new Error(`build: ${args.path} has no ES module build ("module" in ${manifest})`);
        return { path: join(dirname(manifest), module) };
      });
    },
  };
}

/** The esbuild plugin that leaves the start-up bundle's other dynamic imports out (and checks the kept ones still exist). */
function startUpOnly() {
  const kept = new Set();
  return {
    name: 'start-up-only',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        if (START_UP_IMPORTS.includes(args.path)) {
          kept.add(args.path);
          return undefined;
        }
        return { path: `${relative(root, args.importer)}: ${args.path}`, namespace: 'not-in-start-up-bundle' };
      });
      build.onLoad({ filter: /.*/, namespace: 'not-in-start-up-bundle' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`${args.path} is not in the CLI's start-up bundle (scripts/build.mjs)`)});`,
        loader: 'js',
      }));
      build.onEnd(() => {
        const missing = START_UP_IMPORTS.filter((path) => !kept.has(path));
        if (missing.length) throw new Error(`build: the start-up bundle no longer imports ${missing.join(', ')}: update START_UP_IMPORTS`);
      });
    },
  };
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/ is older than any source file (or missing). */
export function buildIsStale() {
  const marker = join(root, 'dist/renderer/index.html');
  if (!existsSync(marker)) return true;
  if (nodeEntries.some((e) => !existsSync(join(root, e.out)))) return true;
  const built = statSync(marker).mtimeMs;
  const sources = Math.max(...['main', 'shared', 'renderer'].map((d) => newestMtime(join(root, d))), statSync(join(root, 'package.json')).mtimeMs);
  return sources > built;
}

/** Builds all targets. */
export async function buildAll({ quiet = false } = {}) {
  const started = Date.now();
  for (const entry of nodeEntries) {
    if (!existsSync(join(root, entry.in))) continue;
    await esbuild({
      absWorkingDir: root,
      entryPoints: [entry.in],
      outfile: entry.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      external: ['electron'],
      logLevel: 'warning',
      legalComments: 'none',
      minify: entry.minify === true,
      keepNames: false,
      // ASCII only (non-ASCII escaped), so the CLI launcher can read the bundle as Latin-1, which is exact and faster.
      charset: 'ascii',
      define: { START_UP_BUNDLE: String(entry.cli === 'start-up') },
      // A bundle's import() of Node's own modules becomes a require(): on Node 20 a function that V8 compiled from a
      // code cache has no dynamic import ("A dynamic import callback was not specified"), whatever the vm.Script options.
      ...(entry.cli ? { supported: { 'dynamic-import': false } } : {}),
      plugins: entry.cli ? [sdkClientsFromEsBuilds(), ...(entry.cli === 'start-up' ? [startUpOnly()] : [])] : [],
    });
  }
  for (const entry of cliBundles) {
    deferCryptoInCli(join(root, entry.out));
    const built = readFileSync(join(root, entry.out));
    if (built.some((byte) => byte > 0x7f)) throw new Error(`build: ${entry.out} is not ASCII`);
    if (/[^\w$.]import\(/.test(built.toString('latin1')))
      throw new Error(`build: ${entry.out} holds an import(), which the launcher cannot run from a code cache`);
    // V8's code cache of each CLI bundle, made by running its --help once (bin/sqs-s3-wizard.cjs reads it at start-up).
    const cache = spawnSync(process.execPath, [join(root, 'bin', 'sqs-s3-wizard.cjs'), '--help'], {
      env: { ...process.env, SQS_S3_WIZARD_WRITE_CODE_CACHE: entry.cli },
      stdio: 'ignore',
    });
    if (cache.status !== 0) console.error(`build: warning: the code cache of ${entry.out} was not written (the CLI still works, only slower to start).`);
  }
  // The renderer is built last: its index.html is the freshness marker.
  await viteBuild({ configFile: join(root, 'vite.config.mts'), logLevel: quiet ? 'warn' : 'info' });
  if (!quiet) console.error(`build: done in ${Date.now() - started} ms`);
}

/**
 * Loading node:crypto loads Node's streams and ciphers too (about 7 ms), and the SDK's shared-config module imports it
 * (for SSO token file names) when it loads: `profiles`, which reads the config files, paid that without hashing
 * anything. In each CLI bundle every `x=require("node:crypto")` becomes `x=lazyReq(...)`, an object that requires the
 * module on first use. Same length, so the source map stays exact; the calls stay `x.createHash(...)` (BENCHMARKS.md).
 */
function deferCryptoInCli(bundle) {
  const code = readFileSync(bundle, 'latin1');
  if (code.includes('lazyReq')) throw new Error(`build: ${bundle} already uses the name lazyReq`);
  let deferred = 0;
  const rewritten = code.replace(/([\w$]+)=require\(("(?:node:)?crypto")\)/g, (_m, name, id) => {
    deferred++;
    return `${name}=lazyReq(${id})`;
  });
  if (deferred === 0) throw new Error(`build: found no require of node:crypto to defer in ${bundle} (did the bundle format change?)`);
  const mapComment = rewritten.lastIndexOf('\n//# sourceMappingURL=');
  const lazyReq =
    'function lazyReq(id){let m;const g=()=>m??=require(id);return new Proxy({},{get:(_,k)=>g()[k],has:(_,k)=>k in g(),' +
    'ownKeys:()=>Reflect.ownKeys(g()),getOwnPropertyDescriptor:(_,k)=>{const d=Reflect.getOwnPropertyDescriptor(g(),k);return d&&{...d,configurable:!0}}})}';
  writeFileSync(bundle, `${rewritten.slice(0, mapComment)}\n${lazyReq}${rewritten.slice(mapComment)}`, 'latin1');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifNeeded = process.argv.includes('--if-needed');
  if (ifNeeded && !buildIsStale()) {
    console.error('build: dist/ is up to date');
  } else {
    await buildAll();
  }
}
