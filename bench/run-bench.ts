// `npm run bench`: every speed target of the product, as medians of repeated runs on this machine, in one run.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { motoEnv } from '../test/support/aws-profile-files';
import { connectedApi, applyAll } from '../test/support/configured-account';
import { createBucket, sampleSetup } from '../test/support/moto-seed';
import { resetMoto, startMoto } from '../test/support/moto-server';
import { startWebApp } from '../test/support/web-app';
import { figure, median, timeCommand } from './bench-util';
import { projectRoot } from '../test/support/project-root';
import { findChromium } from '../scripts/chromium.mjs';

const root = projectRoot();
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const cli = join(root, 'bin', 'sqs-s3-wizard.cjs');

async function main(): Promise<void> {
  const moto = await startMoto();
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  try {
    const setup = sampleSetup();
    const dir = mkdtempSync(join(tmpdir(), 'wizard-bench-'));
    const setupFile = join(dir, 'setup.json');
    writeFileSync(setupFile, JSON.stringify(setup));
    const env = { ...motoEnv(moto.url), SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') };

    // 1. apply vs the platform guide's procedure, each on a fresh account of the same server.
    const applyTimes: number[] = [];
    const seedTimes: number[] = [];
    const seedEnv = {
      ...env,
      AWS_DEFAULT_REGION: setup.region,
      BUCKET_NAME: setup.bucket,
      QUEUE_NAME: setup.queueName,
      ROLE_NAME: setup.roleName,
      PREFIX: setup.prefix,
      SUFFIX: setup.suffix,
      PLATFORM_SETUP_ROLE_ARN: setup.platformSetupRoleArn,
      PLATFORM_LOAD_ROLE_ARN: setup.platformLoadRoleArn,
      EXTERNAL_ID: setup.externalId,
    };
    for (let i = 0; i < RUNS; i++) {
      await resetMoto(moto.url);
      await createBucket(moto.url, setup.bucket);
      applyTimes.push(await timeCommand(process.execPath, [cli, 'apply', '--setup', setupFile, '--yes', '--skip-test', '--json'], env));
      await resetMoto(moto.url);
      await createBucket(moto.url, setup.bucket);
      seedTimes.push(await timeCommand('bash', [join(root, 'bench', 'seed-procedure.sh')], seedEnv));
    }
    const ratio = median(seedTimes) / median(applyTimes);
    say(
      `1. apply --skip-test on a fresh account (CLI wall time): median ${median(applyTimes).toFixed(0)} ms; the guide's steps 1-5 (AWS CLI + jq): median ${median(seedTimes).toFixed(0)} ms; ${ratio.toFixed(1)}x faster (target >= 10x) ${ratio >= 10 ? 'PASS' : 'MISS'}`,
    );

    // 1b. the whole job an admin runs: apply with its live test, against the guide's steps 1-6 (its own upload-and-receive).
    const jobTimes: number[] = [];
    const seed6Times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await resetMoto(moto.url);
      await createBucket(moto.url, setup.bucket);
      jobTimes.push(await timeCommand(process.execPath, [cli, 'apply', '--setup', setupFile, '--yes', '--json'], env));
      await resetMoto(moto.url);
      await createBucket(moto.url, setup.bucket);
      seed6Times.push(await timeCommand('bash', [join(root, 'bench', 'seed-procedure.sh')], { ...seedEnv, STEP6: '1' }));
    }
    const jobRatio = median(seed6Times) / median(jobTimes);
    say(
      `1b. the whole job, apply with its live test: median ${median(jobTimes).toFixed(0)} ms; the guide's steps 1-6: median ${median(seed6Times).toFixed(0)} ms; ${jobRatio.toFixed(1)}x faster (target >= 20x) ${jobRatio >= 20 ? 'PASS' : 'MISS'}`,
    );

    // 1c. start-up: a command that needs no AWS call, against a bare Node in the same run (alternating).
    const bare: number[] = [];
    const help: number[] = [];
    const profiles: number[] = [];
    for (let i = 0; i < RUNS * 4; i++) {
      bare.push(await timeCommand(process.execPath, ['-e', '0'], env));
      help.push(await timeCommand(process.execPath, [cli, '--help'], env));
      profiles.push(await timeCommand(process.execPath, [cli, 'profiles'], env));
    }
    for (const [name, times] of [
      ['--help', help],
      ['profiles', profiles],
    ] as const) {
      const factor = median(times) / median(bare);
      say(
        `1c. start-up, sqs-s3-wizard ${name}: median ${median(times).toFixed(0)} ms; node -e 0: median ${median(bare).toFixed(0)} ms; ${factor.toFixed(2)}x (target <= 1.5x) ${factor <= 1.5 ? 'PASS' : 'MISS'}`,
      );
    }

    // 2. doctor, read-only, on the configured account left by the last apply.
    await resetMoto(moto.url);
    await createBucket(moto.url, setup.bucket);
    await timeCommand(process.execPath, [cli, 'apply', '--setup', setupFile, '--yes', '--skip-test'], env);
    const doctorTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) doctorTimes.push(await timeCommand(process.execPath, [cli, 'doctor', '--setup', setupFile, '--json'], env));
    say(figure('2. doctor, read-only, configured account (CLI wall time)', median(doctorTimes), '< 1000 ms', median(doctorTimes) < 1000));

    // 3. live test: event in the queue (moto delivers at upload) -> test reported.
    await resetMoto(moto.url);
    await createBucket(moto.url, setup.bucket);
    const { call } = await connectedApi(moto.url);
    await applyAll(call, setup);
    const live: number[] = [];
    for (let i = 0; i < RUNS * 2; i++) {
      const r = (await call('livetest.run', { setup, timeoutSeconds: 30 })) as { ok: boolean; sinceUploadMs: number };
      if (!r.ok) throw new Error('live test failed during the bench');
      live.push(r.sinceUploadMs);
    }
    say(figure('3. live test: event in queue -> success reported', median(live), '< 300 ms', median(live) < 300));

    // 4. renderer: initial JavaScript gzipped, and page load -> first step usable in Chromium.
    const assets = join(root, 'dist', 'renderer', 'assets');
    const html = readFileSync(join(root, 'dist', 'renderer', 'index.html'), 'utf8');
    const initial = readdirSync(assets).filter((f) => f.endsWith('.js') && html.includes(f));
    const gz = initial.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0);
    say(
      `4a. renderer initial JavaScript: ${(gz / 1024).toFixed(1)} KB gzipped in ${initial.length} file(s) (target <= 111 KB, its size before the fan-out, KMS and neighbour screens) ${gz <= 111 * 1024 ? 'PASS' : 'MISS'}`,
    );
    const { app, child } = await startWebApp(env);
    const browser = await chromium.launch({
      ...(findChromium() ? { executablePath: findChromium() ?? undefined } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const loads: number[] = [];
    try {
      for (let i = 0; i < RUNS + 1; i++) {
        const page = await browser.newPage();
        await page.goto(app.url);
        await page.waitForFunction(() => {
          const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Connect');
          return b && !(b as HTMLButtonElement).disabled;
        });
        const ms = await page.evaluate(() => performance.now());
        if (i > 0) loads.push(ms);
        await page.close();
      }
    } finally {
      await browser.close();
      child.kill('SIGTERM');
    }
    say(figure('4b. page load -> first step usable (Chromium)', median(loads), '< 500 ms', median(loads) < 500));
  } finally {
    await moto.stop();
  }
  const out = process.env.BENCH_OUT;
  if (out) writeFileSync(out, `${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
