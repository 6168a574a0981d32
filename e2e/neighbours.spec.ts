import { GetQueueUrlCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { expect, test } from './fixtures';
import { createBucket, getNotification, seedClients } from './support/aws-seed';
import { expectAccessible } from './support/axe';
import { connect, fillScope, fullRun, screenshot, startApplying, applyAll } from './support/wizard-driver';

const BUCKET = 'orders-landing';
const QUEUE = `${BUCKET}-s3-events`;

test.use({ viewport: { width: 1280, height: 900 } });

test('a second setup that names the first one\'s queue is blocked on the review page with "Edit scope"; a dedicated queue and a free role name go through', async ({
  page,
  app,
  motoUrl,
}) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/' });

  await page.getByRole('button', { name: 'Setups' }).click();
  await page.getByTestId('start-screen').getByRole('button', { name: 'New setup' }).click();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  const scope = page.getByTestId('step-panel-scope');
  // The guide's role name is taken by the first setup: the form offers one of this setup's own.
  await scope.getByLabel('Bucket', { exact: true }).fill(BUCKET);
  await scope.getByLabel('Setup name').fill('orders-archive');
  await expect(scope.getByLabel('Role name')).toHaveValue('platform-s3-sqs-consumer-role-orders-archive');
  await scope.getByLabel('Queue name').fill(QUEUE);
  await fillScope(page, { bucket: BUCKET, prefix: 'archive/' }, false, 'stay');

  const review = page.getByTestId('step-panel-review');
  await expect(review.getByTestId('review-queue')).toHaveAttribute('data-action', 'blocked');
  await expect(review.getByTestId('review-queue').getByRole('alert')).toContainText(`Queue ${QUEUE} is used by setup ${BUCKET}`);
  await expect(review.getByTestId('review-start')).toBeDisabled();
  await expectAccessible(page, 'review with a neighbour blocker');
  await review.getByTestId('review-queue').getByTestId('edit-scope').click();

  await scope.getByLabel('Queue name').fill('orders-archive-events');
  await scope.getByRole('button', { name: 'Save and continue' }).click();
  await expect(review.getByTestId('review-headline')).toHaveText('5 of 7 steps will change the account; nothing has been written yet.');
  await expect(review.getByTestId('review-roleTrust')).toHaveAttribute('data-action', 'create');
  await startApplying(page);
  await applyAll(page);
  const rules = (await getNotification(aws, BUCKET)).QueueConfigurations?.map((c) => c.Id).sort();
  expect(rules).toEqual(['orders-archive-events', QUEUE].sort());
});

test('the setups list tells the truth: needs attention after a failing diagnostics run; rename, remove from AWS, then delete', async ({
  page,
  app,
  motoUrl,
}) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/' });
  await page.getByRole('button', { name: 'Setups' }).click();
  const row = () => page.getByTestId('setup-row');
  await expect(row().getByTestId('setup-status')).toHaveAttribute('data-status', 'applied');

  // Someone removes the queue policy: diagnostics fail, and the list says so with the failing check.
  const { QueueUrl } = await aws.sqs.send(new GetQueueUrlCommand({ QueueName: QUEUE }));
  await aws.sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: '' } }));
  await page.getByRole('button', { name: `Diagnostics of ${BUCKET}` }).click();
  await expect(page.getByTestId('diagnostics-report')).toHaveAttribute('data-ok', 'false', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Setups' }).click();
  await expect(row().getByTestId('setup-status')).toHaveText('needs attention');
  await expect(row().getByTestId('setup-attention')).toContainText('Queue policy');

  // Rename: the same row, under its new name (never a copy).
  await page.getByRole('button', { name: `Rename ${BUCKET}` }).click();
  await page.getByLabel(`New name for ${BUCKET}`).fill('orders-prod');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(row()).toHaveCount(1);
  await expect(row()).toHaveAttribute('data-name', 'orders-prod');
  await screenshot(page, '16-setups-needs-attention', true);

  // Remove from AWS: the plan of each document first, then the removal; the queue and role it created are deleted.
  await page.getByRole('button', { name: 'Remove orders-prod from AWS' }).click();
  const view = page.getByTestId('remove-view');
  await expect(view.getByTestId('remove-queue').getByTestId('plan-action')).toHaveAttribute('data-action', 'delete', { timeout: 20_000 });
  await expect(view.getByTestId('remove-roleTrust').getByTestId('plan-action')).toHaveAttribute('data-action', 'delete');
  await expect(view.getByTestId('remove-bucketNotification').getByTestId('plan-action')).toHaveAttribute('data-action', 'update');
  await expectAccessible(page, 'remove from AWS');
  await screenshot(page, '17-remove', true);
  await view.getByTestId('remove-button').click();
  await expect(view.getByTestId('remove-done')).toContainText('Removed', { timeout: 20_000 });
  expect(
    await aws.sqs.send(new GetQueueUrlCommand({ QueueName: QUEUE })).then(
      () => 'exists',
      () => 'gone',
    ),
  ).toBe('gone');
  expect(
    await aws.iam.send(new GetRoleCommand({ RoleName: 'platform-s3-sqs-consumer-role' })).then(
      () => 'exists',
      () => 'gone',
    ),
  ).toBe('gone');
  expect((await getNotification(aws, BUCKET)).QueueConfigurations ?? []).toEqual([]);

  await view.getByRole('button', { name: 'Back to the setups' }).click();
  await expect(row().getByTestId('setup-status')).toHaveText('removed');
  await page.getByRole('button', { name: 'Delete orders-prod from the list' }).click();
  await page.getByRole('button', { name: 'Delete from the list' }).click();
  await expect(row()).toHaveCount(0);
});

test('a second remove from the GUI finds nothing left and only marks the setup removed', async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await page.goto(app.url);
  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET });
  await page.getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Remove ${BUCKET} from AWS` }).click();
  const view = page.getByTestId('remove-view');
  await expect(view.getByTestId('remove-button')).toHaveText('Mark as removed (nothing to change)', { timeout: 20_000 });
  await view.getByTestId('remove-button').click();
  await expect(view.getByTestId('remove-done')).toContainText('no change');
});
