import { expect, test } from './fixtures';
import { ACCOUNT, createBucket, listKeys, putNotification, s3TestEvent, seedClients, sendMessage } from './support/aws-seed';
import { expectAccessible } from './support/axe';
import { downloadOne } from './support/downloads';
import { applyAwsSteps, PLATFORM, planOf, runLiveTest, screenshot, startNewSetup } from './support/wizard-driver';

const BUCKET = 'orders-landing';
const QUEUE = 'orders-landing-s3-events';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/platform-s3-sqs-consumer-role`;
const QUEUE_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT}:${QUEUE}`;
const SCOPE = { bucket: BUCKET, prefix: 'incoming/', suffix: '.csv' };

test.use({ viewport: { width: 1280, height: 900 } });

test('after apply the live test passes with its latency; the hand-off lists the values, copies them all and downloads platform-registration.json', async ({
  page,
  context,
  app,
  motoUrl,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Time flows as usual; the clock lets the test move past the moment "Copied" is shown without waiting for it.
  await page.clock.install();
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await startNewSetup(page, app.url, SCOPE);
  await applyAwsSteps(page);

  const panel = page.getByTestId('step-panel-liveTest');
  await expect(panel.getByRole('heading', { name: 'Live test' })).toBeFocused();
  await expect(panel).toContainText(`s3://${BUCKET}/incoming/sqs-s3-wizard test=<UTC time>-<random>.csv`);
  await expect(panel.getByLabel('Timeout (seconds)')).toHaveValue('120');
  // Waiting in the queue: one message of the platform's, and an s3:TestEvent of the bucket (as S3 sends when a rule is written).
  await sendMessage(aws, QUEUE, { platform: 'data' });
  await sendMessage(aws, QUEUE, s3TestEvent(BUCKET));
  expect(await runLiveTest(page)).toBe(true);

  const result = panel.getByTestId('live-result');
  await expect(result.getByRole('heading')).toBeFocused();
  // The test event is S3's, not the platform's: deleted from the setup's own queue and not counted with the platform's messages.
  await expect(result.getByTestId('live-released')).toHaveText('1 message, each made visible again at once');
  await expect(result.getByTestId('live-test-events')).toHaveText(
    "1 s3:TestEvent message from S3, deleted from this setup's own queue (sent when a rule is written; not data)",
  );
  // The result comes before the buttons that follow it.
  const [resultBox, continueBox] = [await result.boundingBox(), await panel.getByTestId('livetest-continue').boundingBox()];
  expect(resultBox && continueBox && resultBox.y + resultBox.height <= continueBox.y).toBe(true);
  await expect(result.getByRole('heading')).toHaveText(/^Passed: the event arrived \d+ ms after the upload$/);
  await expect(result.getByTestId('live-latency')).toHaveText(/^\d+ ms$/);
  await expect(result.getByTestId('live-event-name')).toContainText('ObjectCreated:');
  await expect(result.getByTestId('live-key')).toHaveText(/^incoming\/sqs-s3-wizard test=\d{8}T\d{6}Z-[0-9a-f]+\.csv$/);
  await expect(result.getByTestId('live-object')).toHaveAttribute('data-deleted', 'true');
  await expect(page.getByTestId('stepper-liveTest')).toHaveAttribute('data-status', 'passed');
  expect(await listKeys(aws, BUCKET, 'incoming/')).toEqual([]);
  await screenshot(page, '12-live-test', true);

  await panel.getByTestId('livetest-continue').click();
  const summary = page.getByTestId('step-panel-summary');
  await expect(summary.getByRole('heading', { name: 'Summary and hand-off' })).toBeFocused();
  await expect(summary.getByTestId('verified-status')).toHaveAttribute('data-status', 'verified');
  await expect(summary.getByTestId('summary-row-liveTest')).toHaveAttribute('data-outcome', 'passed');
  const expected = {
    region: 'us-east-1',
    queueUrl: expect.stringMatching(new RegExp(`/${ACCOUNT}/${QUEUE}$`)) as unknown as string,
    queueArn: QUEUE_ARN,
    roleArn: ROLE_ARN,
    externalId: PLATFORM.externalId,
    bucket: BUCKET,
    prefix: 'incoming/',
    suffix: '.csv',
  };
  await expect(summary.getByTestId('value-queueArn')).toHaveText(QUEUE_ARN);
  await expect(summary.getByTestId('value-roleArn')).toHaveText(ROLE_ARN);
  await expect(summary.getByTestId('value-externalId')).toHaveText(PLATFORM.externalId);
  await expect(summary.getByTestId('value-prefix')).toHaveText('incoming/');
  for (const label of ['Region', 'Queue URL', 'Queue ARN', 'Role ARN', 'External ID', 'Bucket', 'Object key prefix', 'Object key suffix']) {
    await expect(summary.getByRole('button', { name: `Copy ${label}`, exact: true })).toBeVisible();
  }
  await screenshot(page, '13-hand-off', true);

  await summary.getByRole('button', { name: 'Copy Queue ARN', exact: true }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(QUEUE_ARN);
  // "Copied" shows beside the button for a moment; the button keeps its text and its accessible name.
  const copyAll = summary.getByRole('button', { name: 'Copy all as JSON', exact: true });
  await copyAll.click();
  const feedback = summary.locator('.copy', { has: page.getByRole('button', { name: 'Copy all as JSON', exact: true }) }).getByTestId('copy-feedback');
  await expect(feedback).toHaveText('✓ Copied all values as JSON');
  await expect(copyAll).toHaveText('Copy all as JSON');
  // The moment is two seconds (COPIED_SHOWN_MS in renderer/src/components/copy-button.tsx).
  await page.clock.fastForward('00:02');
  await expect(feedback).toBeEmpty();
  await expect(copyAll).toHaveAccessibleName('Copy all as JSON');
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, string>;
  expect(copied).toEqual(expected);
  expect(Object.keys(copied)).toEqual(['region', 'queueUrl', 'queueArn', 'roleArn', 'externalId', 'bucket', 'prefix', 'suffix']);

  const file = await downloadOne(page, summary.getByRole('button', { name: 'Download platform-registration.json' }));
  expect(file.name).toBe('platform-registration.json');
  expect(JSON.parse(file.content)).toEqual(expected);
  expect(file.content).toBe(`${JSON.stringify(copied, null, 2)}\n`);

  // The setups list shows the setup verified.
  await page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Setups' }).click();
  await expect(page.getByTestId('setup-row').filter({ hasText: BUCKET }).getByTestId('setup-status')).toHaveText('verified');

  // The diagnostics backlog counts the platform's message, handed back by the test, and no test event.
  await page.getByRole('button', { name: `Diagnostics of ${BUCKET}` }).click();
  const backlog = page.locator('[data-testid="check"][data-id="backlog"]');
  await expect(backlog.getByTestId('check-detail')).toHaveText('1 message waiting, 0 in flight.', { timeout: 20_000 });
});

test('with the notification removed the live test fails, names the notification hop and opens that step', async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await startNewSetup(page, app.url, SCOPE);
  await applyAwsSteps(page);
  await putNotification(aws, BUCKET, {});

  const panel = page.getByTestId('step-panel-liveTest');
  await panel.getByLabel('Timeout (seconds)').fill('3');
  await panel.getByTestId('livetest-run').click();
  await expect(panel.locator('#livetest-timeout-help')).toHaveText('At least 5 seconds.');
  await expect(panel.getByLabel('Timeout (seconds)')).toBeFocused();
  await expect(panel.getByTestId('live-progress')).toHaveCount(0);

  expect(await runLiveTest(page, 5)).toBe(false);
  const result = panel.getByTestId('live-result');
  await expect(result.getByRole('heading')).toHaveText('Failed: the event did not arrive');
  await expect(result.getByTestId('live-diagnosis')).toContainText('No event for the test object within 5 s.');
  await expect(result.getByTestId('live-diagnosis')).toContainText(`notification configuration has no rule sending to ${QUEUE_ARN}`);
  await expect(result.getByTestId('live-fix')).toContainText('bucket notification step');
  await expect(result.getByTestId('live-object')).toHaveAttribute('data-deleted', 'true');
  await expect(page.getByTestId('stepper-liveTest')).toHaveAttribute('data-status', 'failed');
  expect(await listKeys(aws, BUCKET, 'incoming/')).toEqual([]);
  await expectAccessible(page, 'live test failed');

  await result.getByRole('button', { name: 'Open the Bucket notification step' }).click();
  expect(await planOf(page, 'bucketNotification')).toBe('update');
  await expect(page.getByTestId('step-panel-bucketNotification').getByRole('heading', { name: 'Bucket notification' })).toBeFocused();
});

test('Cancel stops a running live test promptly and the test object is deleted', async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await startNewSetup(page, app.url, SCOPE);
  await applyAwsSteps(page);
  await putNotification(aws, BUCKET, {});

  const panel = page.getByTestId('step-panel-liveTest');
  await panel.getByLabel('Timeout (seconds)').fill('60');
  await panel.getByTestId('livetest-run').click();
  const progress = panel.getByTestId('live-progress');
  await expect(progress).toBeVisible();
  const cancel = progress.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  // Everything but Cancel waits: the timeout, Run, Skip and the stepper.
  await expect(panel.getByLabel('Timeout (seconds)')).toBeDisabled();
  await expect(panel.getByTestId('livetest-run')).toBeDisabled();
  await expect(panel.getByTestId('livetest-skip')).toBeDisabled();
  await expect(page.getByTestId('stepper-queue').getByRole('button')).toBeDisabled();
  await expect(progress.getByTestId('live-elapsed')).toHaveText(/^Elapsed [2-9]\.\d s of 60 s$/, { timeout: 10_000 });
  // One clock only: the back end's wait line is shown without its own seconds.
  await expect(progress.getByTestId('live-progress-message')).toHaveText(`Waiting for the test object's event on ${QUEUE} (long polls of up to 20 s)`);
  expect((await progress.innerText()).match(/\d+\.\d s/g)).toHaveLength(1);
  await expectAccessible(page, 'live test running');
  await expect(cancel).toBeFocused();

  const started = Date.now();
  await cancel.click();
  await expect(progress).toHaveCount(0, { timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(panel.locator('[data-code="CANCELLED"]')).toContainText('Live test cancelled after');
  await expect(panel.getByTestId('livetest-run')).toBeEnabled();
  await expect(panel.getByTestId('livetest-run')).toBeFocused();
  await expect(page.getByTestId('stepper-liveTest')).toHaveAttribute('data-status', 'current');
  await expect.poll(() => listKeys(aws, BUCKET, 'incoming/')).toEqual([]);
});
