import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { ACCOUNT, createBucket, getNotification, listKeys, seedClients } from './support/aws-seed';
import { activate, tabTo, typeInto } from './support/keyboard';
import { PLATFORM } from './support/wizard-driver';
import { AWS_STEP_IDS } from '../shared/steps/aws-steps';

const BUCKET = 'orders-landing';
const QUEUE_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT}:${BUCKET}-s3-events`;

test.use({ viewport: { width: 1280, height: 900 } });

// Only page.keyboard moves the focus and acts: no click, no fill, no focus() call. Locators only read and assert.
test('the whole wizard, from the profile to the hand-off, with the keyboard alone', async ({ page, context, app, motoUrl }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await page.goto(app.url);

  // Profile: the moto profile and the Region are preselected; Tab to Connect, Enter.
  const profile = page.getByTestId('step-panel-profile');
  await expect(profile.getByLabel('Profile', { exact: true })).toHaveValue('moto');
  await activate(page, profile.getByRole('button', { name: 'Connect' }));
  await expect(page.getByTestId('account-id')).toHaveText(ACCOUNT);
  await expect(page.getByRole('heading', { name: 'Connected' })).toBeFocused();
  await activate(page, page.getByRole('button', { name: 'Continue', exact: true }));

  // Scope: type the bucket, prefix, suffix and the platform's JSON; Fill from JSON; Save and continue.
  const scope = page.getByTestId('step-panel-scope');
  await expect(scope.getByRole('heading', { name: 'Scope' })).toBeFocused();
  await typeInto(page, scope.getByLabel('Bucket', { exact: true }), BUCKET);
  await expect(scope.getByText('Bucket found; it is in us-east-1.')).toBeVisible();
  await typeInto(page, scope.getByLabel('Object key prefix'), 'incoming/');
  await typeInto(page, scope.getByLabel('Object key suffix'), '.csv');
  await typeInto(page, scope.getByLabel('Paste the values from the platform console'), JSON.stringify(PLATFORM));
  await activate(page, scope.getByRole('button', { name: 'Fill from JSON' }), 'Space');
  await expect(scope.getByTestId('paste-result')).toHaveText('Filled platform setup role ARN, platform load role ARN, external ID.');
  await expect(scope.getByLabel('External ID')).toHaveValue(PLATFORM.externalId);
  await expect(scope.getByLabel('Queue name')).toHaveValue(`${BUCKET}-s3-events`);
  await activate(page, scope.getByRole('button', { name: 'Save and continue' }));

  // The review of the whole plan: nothing written yet; start applying.
  const review = page.getByTestId('step-panel-review');
  await expect(review.getByTestId('review-headline')).toBeVisible({ timeout: 20_000 });
  await expect(review.getByRole('heading', { name: 'Review the plan' })).toBeFocused();
  await activate(page, review.getByTestId('review-start'));

  // The AWS steps: each plans on entering; Apply, then Continue. The new queue has no customer managed KMS key and no
  // rule overlaps, so the key policy and fan-out steps are "no change" and their one button continues.
  for (const step of AWS_STEP_IDS) {
    const panel = page.getByTestId(`step-panel-${step}`);
    await expect(panel.getByTestId('plan-action')).toBeVisible({ timeout: 20_000 });
    await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
    if (step === 'kmsKeyPolicy' || step === 'snsFanOut') {
      await expect(panel.getByTestId('plan-action')).toHaveAttribute('data-action', 'unchanged');
      await activate(page, panel.getByTestId('continue-button'));
      await expect(page.getByTestId(`stepper-${step}`)).toHaveAttribute('data-status', 'unchanged');
      continue;
    }
    await activate(page, panel.getByTestId('apply-button'));
    await expect(panel.getByTestId('result-action')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId(`stepper-${step}`)).toHaveAttribute('data-status', 'applied');
    await activate(page, panel.getByRole('button', { name: 'Continue', exact: true }));
  }
  expect((await getNotification(aws, BUCKET)).QueueConfigurations?.[0]?.QueueArn).toBe(QUEUE_ARN);

  // Live test: type a timeout, run; Cancel holds the focus while it runs; the result's heading takes it after.
  const liveTest = page.getByTestId('step-panel-liveTest');
  await expect(liveTest.getByRole('heading', { name: 'Live test' })).toBeFocused();
  await typeInto(page, liveTest.getByLabel('Timeout (seconds)'), '60');
  await activate(page, liveTest.getByTestId('livetest-run'));
  const result = liveTest.getByTestId('live-result');
  await expect(result).toHaveAttribute('data-ok', 'true', { timeout: 70_000 });
  await expect(result.getByRole('heading')).toBeFocused();
  await expect(result.getByTestId('live-latency')).toHaveText(/^\d+ ms$/);
  expect(await listKeys(aws, BUCKET, 'incoming/')).toEqual([]);
  // "Continue to the hand-off" follows the result: Tab on to it.
  await activate(page, liveTest.getByTestId('livetest-continue'));

  // Hand-off: verified; Copy all as JSON with Space; download platform-registration.json with Enter.
  const summary = page.getByTestId('step-panel-summary');
  await expect(summary.getByRole('heading', { name: 'Summary and hand-off' })).toBeFocused();
  await expect(summary.getByTestId('verified-status')).toHaveAttribute('data-status', 'verified');
  await expect(summary.getByTestId('value-queueArn')).toHaveText(QUEUE_ARN);
  const copyAll = summary.getByRole('button', { name: 'Copy all as JSON', exact: true });
  await activate(page, copyAll, 'Space');
  await expect(summary.locator('.copy', { has: page.getByRole('button', { name: 'Copy all as JSON', exact: true }) }).getByTestId('copy-feedback')).toHaveText(
    '✓ Copied all values as JSON',
  );
  await expect(copyAll).toBeFocused();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, string>;
  expect(copied).toMatchObject({ queueArn: QUEUE_ARN, externalId: PLATFORM.externalId, bucket: BUCKET, prefix: 'incoming/', suffix: '.csv' });
  const download = summary.getByRole('button', { name: 'Download platform-registration.json' });
  await tabTo(page, download);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toBe('platform-registration.json');
  expect(JSON.parse(await readFile(await file.path(), 'utf8'))).toEqual(copied);
  for (const step of AWS_STEP_IDS) {
    await expect(page.getByTestId(`stepper-${step}`)).toHaveAttribute('data-status', step === 'kmsKeyPolicy' || step === 'snsFanOut' ? 'unchanged' : 'applied');
  }
  await expect(page.getByTestId('stepper-liveTest')).toHaveAttribute('data-status', 'passed');
});
