// `npm test`: typecheck, lint (ESLint, Prettier), build, unit, integration (moto), e2e (Playwright + Chromium), in that order.
// Stops at the first failing stage and ends with one summary line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const reports = mkdtempSync(join(tmpdir(), 'wizard-test-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, cmd, args) {
  const started = Date.now();
  console.log(`\n=== ${title} ===`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...(process.env.CI ? { NO_COLOR: '1' } : {}) } });
  console.log(`=== ${title}: ${res.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return res.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

const npx = 'npx';
const stages = [
  () => run('typecheck (tsc -b)', npx, ['tsc', '-b']),
  () =>
    run('lint (eslint)', npx, ['eslint', '.', '--max-warnings=0']) &&
    run('format (prettier --check)', npx, ['prettier', '--check', '.', '--log-level', 'warn']),
  () => run('build', 'node', ['scripts/build.mjs']),
  () => {
    const out = join(reports, 'unit.json');
    const ok = run('unit tests (vitest)', npx, ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
    countVitest(out);
    return ok;
  },
  () => {
    const out = join(reports, 'integration.json');
    const ok = run('integration tests (vitest + moto_server)', npx, [
      'vitest',
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ]);
    countVitest(out);
    return ok;
  },
  () => {
    // The browser the e2e tests drive: found, or fetched on a fresh machine (scripts/chromium.mjs).
    try {
      process.env.CHROMIUM_PATH = ensureChromium();
      console.log(`\n=== e2e browser: ${process.env.CHROMIUM_PATH}`);
    } catch (err) {
      console.error(`\n=== e2e tests: ${err.message}`);
      return false;
    }
    const out = join(reports, 'e2e.json');
    process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = out;
    const ok = run('e2e tests (Playwright + Chromium + moto_server)', npx, ['playwright', 'test', '--reporter=list,json']);
    countPlaywright(out);
    return ok;
  },
];

let ok = true;
for (const stage of stages) {
  if (!stage()) {
    ok = false;
    break;
  }
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
