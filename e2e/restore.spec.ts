import { expect, test } from './fixtures';
import { createBucket, createQueue, otherTeamStatement, queuePolicy, seedClients, setQueuePolicy } from './support/aws-seed';
import { expectAccessible } from './support/axe';
import { fullRun, screenshot } from './support/wizard-driver';

const BUCKET = 'orders-landing';
const QUEUE = 'orders-landing-s3-events';

test.use({ viewport: { width: 1280, height: 900 } });

test('restoring a backup from the Backups view brings the earlier document back', async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  const queue = await createQueue(aws, QUEUE);
  const earlier = { Version: '2012-10-17', Statement: [otherTeamStatement(queue.arn)] };
  await setQueuePolicy(aws, QUEUE, earlier);

  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/' });
  expect((await queuePolicy(aws, QUEUE))?.Statement.map((s) => s['Sid']).sort()).toEqual(['AllowOpsTeamRead', 'AllowS3ToSendMessage']);

  await page.getByRole('button', { name: 'Open the backups view' }).click();
  const view = page.getByTestId('backups-view');
  await expect(view.getByRole('heading', { name: `Backups of ${BUCKET}` })).toBeFocused();
  const rows = view.getByTestId('backup-row');
  await expect(rows).toHaveCount(4);
  await rows
    .filter({ hasText: 'queue-policy' })
    .getByRole('button', { name: /^Restore queue-policy backup/ })
    .click();

  const restore = page.getByTestId('restore-panel');
  // Focus moves to the restore panel, and it warns that this backup takes out the setup's own statement.
  await expect(restore.getByRole('heading', { name: /^Restore queue-policy from/ })).toBeFocused();
  // The heading gives the backup's time as the table does (the admin's locale), not as raw ISO text.
  const rowTime = await rows.filter({ hasText: 'queue-policy' }).locator('time').textContent();
  await expect(restore.getByRole('heading', { name: /^Restore queue-policy from/ }).locator('time')).toHaveText(rowTime ?? '');
  await expect(restore.getByTestId('plan-action')).toHaveAttribute('data-action', 'update');
  await expect(restore.locator('[data-testid="summary-item"][data-kind="removed"]')).toContainText('AllowS3ToSendMessage');
  await expect(restore.getByTestId('restore-removes-ours')).toContainText(
    `Restoring this backup as it is takes out the part of setup ${BUCKET}: S3 may no longer send the bucket's events to the queue, so delivery to the platform stops.`,
  );
  await expect(restore.getByTestId('restore-keep-ours')).toBeVisible();
  await expect(restore.getByTestId('diff-view')).toBeVisible();
  await screenshot(page, '09-restore', true);
  // While the restore runs, the app's navigation waits (only Cancel is enabled): the call is held until checked.
  const setupsButton = page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Setups' });
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/invoke', async (route) => {
    if (route.request().postDataJSON()?.channel === 'backups.restore') await held;
    await route.continue();
  });
  await restore.getByTestId('restore-button').click();
  await expect(setupsButton).toBeDisabled();
  await expect(restore.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  release();
  await expect(restore.getByTestId('result-action')).toHaveAttribute('data-action', 'updated');
  await expect(setupsButton).toBeEnabled();
  await expect(restore.getByTestId('backup-path')).toContainText('queue-policy.json');

  expect(await queuePolicy(aws, QUEUE)).toEqual(earlier);
  // The live document was backed up before the restore wrote over it.
  await expect(view.getByTestId('backup-row')).toHaveCount(5);
  await expect(restore.getByTestId('restore-next')).toContainText('Run the diagnostics next');
});

test("restoring the others' parts keeps the setup's own statement, through the guarded write, then suggests diagnostics", async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  const queue = await createQueue(aws, QUEUE);
  await setQueuePolicy(aws, QUEUE, { Version: '2012-10-17', Statement: [otherTeamStatement(queue.arn)] });
  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/' });
  // Afterwards someone replaces the other team's statement; the backup taken before our write still holds it.
  const live = await queuePolicy(aws, QUEUE);
  const ours = live?.Statement.find((s) => s['Sid'] === 'AllowS3ToSendMessage');
  const replaced = { ...otherTeamStatement(queue.arn), Sid: 'SomeoneElse' };
  await setQueuePolicy(aws, QUEUE, { Version: '2012-10-17', Statement: [ours, replaced] });

  await page.getByRole('button', { name: 'Open the backups view' }).click();
  const view = page.getByTestId('backups-view');
  await expect(view.getByTestId('backup-row')).toHaveCount(4);
  await view.getByTestId('backup-row').filter({ hasText: 'queue-policy' }).getByRole('button').click();
  const restore = page.getByTestId('restore-panel');
  await expect(restore.getByRole('heading', { name: /^Restore queue-policy from/ })).toBeFocused();
  await expect(restore.getByTestId('restore-removes-ours')).toContainText('delivery to the platform stops');
  await expect(restore.getByTestId('restore-button')).toHaveText('Restore this backup');

  await restore.getByTestId('restore-keep-ours').click();
  await expect(restore.getByTestId('restore-keeping-ours')).toContainText(`kept as it is now, so delivery to the platform goes on`);
  await expect(restore.getByTestId('restore-removes-ours')).toHaveCount(0);
  await expect(restore.getByTestId('restore-button')).toHaveText("Restore the others' parts, keep ours");
  // The diff: the other team's statement comes back, the one put in its place goes, ours stays.
  await expect(restore.locator('[data-testid="summary-item"][data-kind="removed"]')).toHaveText([/SomeoneElse/]);
  await expect(restore.locator('[data-testid="summary-item"][data-kind="added"]')).toHaveText([/AllowOpsTeamRead/]);
  await expect(restore.getByRole('region', { name: /^Backup, keeping ours document/ })).toContainText('AllowS3ToSendMessage');
  await expectAccessible(page, "restore keeping the setup's own statement");
  await screenshot(page, '09b-restore-keep-ours', true);

  await restore.getByTestId('restore-button').click();
  await expect(restore.getByTestId('result-action')).toHaveAttribute('data-action', 'updated');
  expect((await queuePolicy(aws, QUEUE))?.Statement.map((s) => s['Sid']).sort()).toEqual(['AllowOpsTeamRead', 'AllowS3ToSendMessage']);
  expect((await queuePolicy(aws, QUEUE))?.Statement.find((s) => s['Sid'] === 'AllowS3ToSendMessage')).toEqual(ours);
  // The guarded write backed up the live document first: one more backup, holding the replaced statement.
  await expect(view.getByTestId('backup-row')).toHaveCount(5);

  await restore.getByTestId('restore-run-diagnostics').click();
  await expect(page.getByRole('heading', { name: `Diagnostics of ${BUCKET}` })).toBeVisible();
});

test('restoring asks again when the live document changed after the restore plan', async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  const queue = await createQueue(aws, QUEUE);
  await setQueuePolicy(aws, QUEUE, { Version: '2012-10-17', Statement: [otherTeamStatement(queue.arn)] });
  await fullRun(page, app.url, { bucket: BUCKET });

  await page.getByRole('button', { name: 'Open the backups view' }).click();
  const view = page.getByTestId('backups-view');
  await view.getByTestId('backup-row').filter({ hasText: 'queue-policy' }).getByRole('button').click();
  const restore = page.getByTestId('restore-panel');
  await expect(restore.getByTestId('plan-action')).toHaveAttribute('data-action', 'update');

  const meanwhile = { Version: '2012-10-17', Statement: [{ ...otherTeamStatement(queue.arn), Sid: 'SomeoneElse' }] };
  await setQueuePolicy(aws, QUEUE, meanwhile);
  await restore.getByTestId('restore-button').click();
  await expect(restore.locator('[data-code="DRIFT"]')).toBeVisible();
  // The same drift banner as a wizard step's (one plan-then-confirm component for both), said once.
  await expect(restore.getByTestId('drift-banner')).toContainText('Stopped: changed since the plan');
  await expect(restore.getByText(/changed since the plan/i)).toHaveCount(1);
  expect(await queuePolicy(aws, QUEUE)).toEqual(meanwhile);
  await restore.getByRole('button', { name: 'Plan again' }).click();
  await expect(restore.locator('[data-testid="summary-item"][data-kind="removed"]')).toContainText('SomeoneElse');
});
