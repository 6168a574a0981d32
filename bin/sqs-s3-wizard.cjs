#!/usr/bin/env node
// The CLI front end: a thin launcher for the bundled dist/main/cli.cjs (built by `npm run build`). It compiles the
// bundle with V8's code cache: compiling 1.6 MB of minified JavaScript is most of a command's start-up otherwise
// (BENCHMARKS.md). The build writes one after `--help` (dist/main/cli.cjs.cache); each other command writes its own
// after its first run, in the user's cache folder, with the functions that command compiled (what Node 22's
// module.enableCompileCache does). A cache V8 rejects (another Node version, another build) is made again.
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { homedir } = require('node:os');
const Module = require('node:module');
const vm = require('node:vm');

const cli = join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('sqs-s3-wizard: the CLI is not built yet. Run `npm run build` in the project folder first.\n');
  process.exit(2);
}

/** The per-user folder of command code caches: private to the user, since V8 runs what a cache holds. */
function cacheFolder() {
  const set = process.env.SQS_S3_WIZARD_CODE_CACHE_DIR;
  if (set !== undefined) return set === '' ? null : set;
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return base ? join(base, 'sqs-s3-wizard', 'code-cache') : null;
}

/** The command's cache file, named after the command, the bundle (size and time) and the Node version. */
function commandCache() {
  const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!command || !/^[a-z][a-z-]{0,30}$/.test(command) || process.argv.includes('--help') || process.argv.includes('-h')) return null;
  const folder = cacheFolder();
  if (!folder) return null;
  const bundleStat = statSync(cli);
  return { command, folder, file: join(folder, `${command}-${bundleStat.size}-${Math.trunc(bundleStat.mtimeMs)}-${process.version}-${process.arch}.cache`) };
}

function readOrNull(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

const own = commandCache();
const ownData = own ? readOrNull(own.file) : undefined;
// The build writes the bundle in ASCII (scripts/build.mjs checks it), so Latin-1 decodes it exactly, and faster than UTF-8.
const script = new vm.Script(Module.wrap(readFileSync(cli, 'latin1')), {
  filename: cli,
  cachedData: ownData ?? readOrNull(`${cli}.cache`),
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
// The build asks for the bundle's cache once `--help` ran; a command writes its own once it ran without one.
if (process.env.SQS_S3_WIZARD_WRITE_CODE_CACHE === '1') process.on('exit', () => writeFileSync(`${cli}.cache`, script.createCachedData()));
else if (own && (!ownData || script.cachedDataRejected))
  process.on('exit', () => {
    try {
      mkdirSync(own.folder, { recursive: true, mode: 0o700 });
      const temp = `${own.file}.${process.pid}`;
      writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      renameSync(temp, own.file);
      // The command's caches of earlier builds or Node versions are never read again.
      for (const name of readdirSync(own.folder)) {
        if (name.startsWith(`${own.command}-`) && name.endsWith('.cache') && join(own.folder, name) !== own.file)
          rmSync(join(own.folder, name), { force: true });
      }
    } catch {
      // A cache that cannot be written only costs the next run its start-up time.
    }
  });
const bundle = new Module(cli, module);
bundle.filename = cli;
bundle.paths = Module._nodeModulePaths(dirname(cli));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(cli), bundle, cli, dirname(cli));
