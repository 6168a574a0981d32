#!/usr/bin/env node
// The CLI front end: a thin launcher for the bundled dist/main/cli.cjs (built by `npm run build`). It compiles the
// bundle with V8's code cache (dist/main/cli.cjs.cache, written by the build): compiling 1.6 MB of minified JavaScript is most
// of a command's start-up otherwise (BENCHMARKS.md). A cache V8 rejects (another Node version) is simply not used.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const cli = join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('sqs-s3-wizard: the CLI is not built yet. Run `npm run build` in the project folder first.\n');
  process.exit(2);
}
const cachePath = `${cli}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cachePath);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(readFileSync(cli, 'utf8')), {
  filename: cli,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
// The build asks for the cache once the command ran, so the functions it compiled are in it too.
if (process.env.SQS_S3_WIZARD_WRITE_CODE_CACHE === '1') process.on('exit', () => writeFileSync(cachePath, script.createCachedData()));
const bundle = new Module(cli, module);
bundle.filename = cli;
bundle.paths = Module._nodeModulePaths(dirname(cli));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(cli), bundle, cli, dirname(cli));
