#!/usr/bin/env node
// The CLI front end: a thin launcher for the bundled dist/main/cli.cjs (built by `npm run build`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('sqs-s3-wizard: the CLI is not built yet. Run `npm run build` in the project folder first.\n');
  process.exit(2);
}
require(cli);
