import { expect, test } from './fixtures';
import { createBucket, createQueue, otherTeamStatement, seedClients, setQueuePolicy } from './support/aws-seed';
import { expectAccessible } from './support/axe';
import { applyStep, connect, fillScope, planOf, runLiveTest, screenshot, startApplying } from './support/wizard-driver';

const BUCKET = 'orders-landing';

test.use({ viewport: { width: 1280, height: 900 } });

test('every screen of the guided apply, the live test, the hand-off, diagnostics and export passes axe in light and dark themes', async ({
  page,
  app,
  motoUrl,
}) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  const queue = await createQueue(aws, 'orders-landing-s3-events');
  await setQueuePolicy(aws, 'orders-landing-s3-events', { Version: '2012-10-17', Statement: [otherTeamStatement(queue.arn)] });

  await page.goto(app.url);
  await expectAccessible(page, 'profile');
  await connect(page);
  await expectAccessible(page, 'connected');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByTestId('step-panel-scope').getByLabel('Queue name').fill('bad.fifo');
  await expectAccessible(page, 'scope with an error');
  await page.getByTestId('step-panel-scope').getByLabel('Queue name').fill('orders-landing-s3-events');
  await fillScope(page, { bucket: BUCKET, prefix: 'incoming/' }, false, 'stay');
  await expect(page.getByTestId('step-panel-review').getByTestId('review-headline')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'review of the whole plan');
  await startApplying(page);

  expect(await planOf(page, 'queue')).toBe('unchanged');
  await expectAccessible(page, 'queue step with a warning');
  await applyStep(page, 'queue');
  expect(await planOf(page, 'queuePolicy')).toBe('update');
  await expectAccessible(page, 'queue policy plan with a side-by-side diff');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, '11-dark-theme', true);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 800, height: 900 });
  await expectAccessible(page, 'queue policy plan with a unified diff');
  await page.setViewportSize({ width: 1280, height: 900 });
  await applyStep(page, 'queuePolicy');
  expect(await planOf(page, 'kmsKeyPolicy')).toBe('unchanged');
  await expectAccessible(page, 'KMS key policy step with nothing to do');
  await applyStep(page, 'kmsKeyPolicy');
  await applyStep(page, 'snsFanOut');
  await applyStep(page, 'bucketNotification');
  await applyStep(page, 'roleTrust');
  await applyStep(page, 'rolePermissions');

  const liveTest = page.getByTestId('step-panel-liveTest');
  await liveTest.getByLabel('Timeout (seconds)').fill('2');
  await liveTest.getByTestId('livetest-run').click();
  await expectAccessible(page, 'live test with an invalid timeout');
  expect(await runLiveTest(page, 30)).toBe(true);
  await expectAccessible(page, 'live test passed');
  await liveTest.getByTestId('livetest-continue').click();
  await expect(page.getByTestId('verified-status')).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('platform-values')).toBeVisible();
  await expectAccessible(page, 'summary and hand-off');

  await page.getByRole('button', { name: 'Open the backups view' }).click();
  await page.getByTestId('backup-row').filter({ hasText: 'queue-policy' }).getByRole('button').click();
  await expect(page.getByTestId('restore-panel').getByTestId('plan-action')).toBeVisible();
  await expect(page.getByTestId('restore-panel').getByTestId('restore-removes-ours')).toBeVisible();
  await expectAccessible(page, "backups and restore, warning that the backup takes out the setup's statement");
  await page.getByRole('button', { name: 'Setups' }).click();
  await expect(page.getByTestId('setup-row')).toHaveCount(1);
  await expectAccessible(page, 'setups');

  await page.getByRole('button', { name: `Diagnostics of ${BUCKET}` }).click();
  await expect(page.getByTestId('diagnostics-report')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'diagnostics');

  await page.getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Export ${BUCKET}` }).click();
  await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 20_000 });
  await page.getByText('View apply.sh').click();
  await expectAccessible(page, 'export with a file open');
  await page.getByRole('button', { name: 'Export offline instead' }).click();
  await expectAccessible(page, 'export with the offline form');

  await page.getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Remove ${BUCKET} from AWS` }).click();
  await expect(page.getByTestId('remove-view').getByTestId('remove-button')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'remove from AWS');
});
