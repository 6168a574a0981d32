#!/usr/bin/env node
// The CLI front end: a thin launcher for the bundles `npm run build` makes. dist/main/cli-start-up.cjs (60 KB) runs
// --help, a command line without a command and `profiles`; dist/main/cli.cjs (1.5 MB) runs every command. The launcher guesses from the
// command line; the start-up bundle checks after parsing it and hands any other command over before it does anything.
// Each bundle is compiled with V8's code cache: compiling minified JavaScript is most of a command's start-up otherwise
// (BENCHMARKS.md). The build writes one per bundle after `--help` (dist/main/*.cjs.cache); each other command writes its
// own after its first run, in the user's cache folder, with the functions that command compiled (what Node 22's
// module.enableCompileCache does). A cache V8 rejects (another Node version, another build) is made again.
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { homedir } = require('node:os');
const Module = require('node:module');
const vm = require('node:vm');

const BUNDLES = { full: join(__dirname, '..', 'dist', 'main', 'cli.cjs'), 'start-up': join(__dirname, '..', 'dist', 'main', 'cli-start-up.cjs') };
if (!Object.values(BUNDLES).every((path) => existsSync(path))) {
  process.stderr.write('sqs-s3-wizard: the CLI is not built yet. Run `npm run build` in the project folder first.\n');
  process.exit(2);
}
const args = process.argv.slice(2);
// The command as the launcher sees it: the first word that is not a flag (a flag's value may stand there instead).
const firstWord = args.find((a) => !a.startsWith('-'));
// The build names the bundle whose cache it writes (scripts/build.mjs).
const writeBuildCache = process.env.SQS_S3_WIZARD_WRITE_CODE_CACHE;

/** The per-user folder of command code caches: private to the user, since V8 runs what a cache holds. */
function cacheFolder() {
  const set = process.env.SQS_S3_WIZARD_CODE_CACHE_DIR;
  if (set !== undefined) return set === '' ? null : set;
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return base ? join(base, 'sqs-s3-wizard', 'code-cache') : null;
}

/** The command's cache file, named after the command, the bundle (name, size and time) and the Node version. */
function commandCache(name) {
  const cli = BUNDLES[name];
  const command = firstWord;
  if (!command || !/^[a-z][a-z-]{0,30}$/.test(command) || args.includes('--help') || args.includes('-h')) return null;
  const folder = cacheFolder();
  if (!folder) return null;
  const bundleStat = statSync(cli);
  const prefix = `${command}-${name}-`;
  return { prefix, folder, file: join(folder, `${prefix}${bundleStat.size}-${Math.trunc(bundleStat.mtimeMs)}-${process.version}-${process.arch}.cache`) };
}

function readOrNull(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes the command's cache at exit (a cache of the command's compiled functions; see the top of this file). */
function writeCommandCacheAtExit(script, own) {
  process.on('exit', () => {
    try {
      mkdirSync(own.folder, { recursive: true, mode: 0o700 });
      const temp = `${own.file}.${process.pid}`;
      writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      renameSync(temp, own.file);
      // The command's caches of earlier builds or Node versions are never read again.
      for (const name of readdirSync(own.folder)) {
        if (name.startsWith(own.prefix) && name.endsWith('.cache') && join(own.folder, name) !== own.file) rmSync(join(own.folder, name), { force: true });
      }
    } catch {
      // A cache that cannot be written only costs the next run its start-up time.
    }
  });
}

/** Compiles and runs a bundle as a CommonJS module; false when the start-up bundle handed the command over. */
function runBundle(name) {
  const cli = BUNDLES[name];
  const own = commandCache(name);
  const ownData = own ? readOrNull(own.file) : undefined;
  // The build writes the bundles in ASCII (scripts/build.mjs checks it), so Latin-1 decodes them exactly, and faster than UTF-8.
  const script = new vm.Script(Module.wrap(readFileSync(cli, 'latin1')), {
    filename: cli,
    cachedData: ownData ?? readOrNull(`${cli}.cache`),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const bundle = new Module(cli, module);
  bundle.filename = cli;
  bundle.paths = Module._nodeModulePaths(dirname(cli));
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(cli), bundle, cli, dirname(cli));
  if (bundle.exports.handedOver === true) return false;
  // The build asks for the bundle's cache once `--help` ran; a command writes its own once it ran without one.
  if (writeBuildCache) process.on('exit', () => writeFileSync(`${cli}.cache`, script.createCachedData()));
  else if (own && (!ownData || script.cachedDataRejected)) writeCommandCacheAtExit(script, own);
  return true;
}

/** The launcher's guess, checked by the start-up bundle itself: --help, no command (only flags, or none), or `profiles` first. */
const startUp = writeBuildCache
  ? writeBuildCache === 'start-up'
  : args.includes('--help') || args.includes('-h') || firstWord === undefined || firstWord === 'profiles';
if (!(startUp && runBundle('start-up'))) runBundle('full');
