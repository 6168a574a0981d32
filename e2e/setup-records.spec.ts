import { GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { expect, test } from './fixtures';
import { ACCOUNT, createBucket, queuePolicy, seedClients, setQueuePolicy } from './support/aws-seed';
import { expectAccessible } from './support/axe';
import { invoke, savedSetup } from './support/api-client';
import { fillScope, fullRun } from './support/wizard-driver';

const BUCKET = 'orders-landing';
const QUEUE = `${BUCKET}-s3-events`;

test.use({ viewport: { width: 1280, height: 900 } });

test('a new setup defaults to a free name and queue, refuses the name of a saved one, and never replaces it', async ({ page, app, motoUrl, request }) => {
  await createBucket(seedClients(motoUrl), BUCKET);
  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/' });

  await page.getByRole('button', { name: 'Setups' }).click();
  await page.getByTestId('start-screen').getByRole('button', { name: 'New setup' }).click();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  const scope = page.getByTestId('step-panel-scope');
  await scope.getByLabel('Bucket', { exact: true }).fill(BUCKET);
  await expect(scope.getByLabel('Setup name')).toHaveValue(`${BUCKET}-2`);
  await expect(scope.getByLabel('Queue name')).toHaveValue(`${QUEUE}-${BUCKET}-2`);
  await expect(scope.getByLabel('Role name')).toHaveValue(`platform-s3-sqs-consumer-role-${BUCKET}-2`);

  // The first setup's name, typed in: the field says why it cannot be used and which name can; saving is refused.
  const name = scope.getByLabel('Setup name');
  await name.fill(BUCKET);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(scope.locator('#scope-name-help')).toHaveText(
    `Setup name "${BUCKET}" is already used by another saved setup: saving would replace it. Choose another setup name, e.g. "${BUCKET}-2", or open "${BUCKET}" from the setups list to change it.`,
  );
  await expectAccessible(page, 'scope with a taken setup name');
  await fillScope(page, { bucket: BUCKET, prefix: 'archive/' }, false, 'stay');
  await expect(name).toBeFocused();
  await expect(page.getByTestId('step-panel-review')).toHaveCount(0);

  // The back end refuses it too, whichever front end asks.
  const refused = await invoke(request, app, 'setups.save', { setup: { ...(await savedSetup(request, app, BUCKET)), prefix: 'archive/' }, editing: null });
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ field: 'name' }] } });

  await name.fill(`${BUCKET}-2`);
  await scope.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByTestId('step-panel-review').getByTestId('review-headline')).toHaveText(
    '5 of 7 steps will change the account; nothing has been written yet.',
  );
  await page.getByRole('button', { name: 'Setups' }).click();
  const rows = page.getByTestId('setup-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `${QUEUE}-${BUCKET}-2` }).getByTestId('setup-status')).toHaveText('draft');
  const first = page.locator(`[data-testid="setup-row"][data-name="${BUCKET}"]`);
  await expect(first.getByTestId('setup-status')).toHaveText('applied');
  expect((await savedSetup(request, app, BUCKET)).prefix).toBe('incoming/');
  // The legend under the list explains every status a row can show.
  const legend = page.getByTestId('status-legend');
  for (const status of ['draft', 'applied', 'verified', 'needs attention', 'removed']) await expect(legend.getByText(status, { exact: true })).toBeVisible();
});

test('a renamed setup takes its backups along; a new setup of the old name starts with none', async ({ page, app, motoUrl }) => {
  await createBucket(seedClients(motoUrl), BUCKET);
  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/' });
  await page.getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Rename ${BUCKET}` }).click();
  await page.getByLabel(`New name for ${BUCKET}`).fill('orders-prod');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('button', { name: 'Backups of orders-prod' }).click();
  await expect(page.getByTestId('backups-view').getByTestId('backup-row')).toHaveCount(5);

  // A new setup of the bucket: the old name is free again, and it has no backups.
  await page.getByRole('button', { name: 'Setups' }).click();
  await page.getByTestId('start-screen').getByRole('button', { name: 'New setup' }).click();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  const scope = page.getByTestId('step-panel-scope');
  await scope.getByLabel('Bucket', { exact: true }).fill(BUCKET);
  await expect(scope.getByLabel('Setup name')).toHaveValue(BUCKET);
  await fillScope(page, { bucket: BUCKET, prefix: 'archive/' }, false, 'stay');
  await expect(page.getByTestId('step-panel-review').getByTestId('review-headline')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Backups of ${BUCKET}` }).click();
  const view = page.getByTestId('backups-view');
  await expect(view.getByText('No backups yet')).toBeVisible();
  await expect(view.getByTestId('backup-row')).toHaveCount(0);
});

test('Remove from AWS keeps a queue another account still uses and says why; it says plainly that the whole role is deleted', async ({
  page,
  app,
  motoUrl,
}) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/' });
  const ours = (await queuePolicy(aws, QUEUE))?.Statement ?? [];
  const otherTeam = {
    Sid: 'OtherTeam',
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::444455556666:root' },
    Action: 'sqs:GetQueueAttributes',
    Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:${QUEUE}`,
  };
  await setQueuePolicy(aws, QUEUE, { Version: '2012-10-17', Statement: [otherTeam, ...ours] });

  await page.getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Remove ${BUCKET} from AWS` }).click();
  const view = page.getByTestId('remove-view');
  const queue = view.getByTestId('remove-queue');
  await expect(queue.getByTestId('plan-action')).toHaveAttribute('data-action', 'unchanged', { timeout: 20_000 });
  await expect(queue.getByRole('heading', { name: 'Remove: SQS queue' })).toBeVisible();
  await expect(queue).toContainText("the queue policy holds statements that are not this setup's, so someone else uses the queue: statement OtherTeam");
  await expect(view.getByTestId('remove-queuePolicy').getByTestId('plan-action')).toHaveAttribute('data-action', 'update');
  const role = view.getByTestId('remove-roleTrust');
  await expect(role.getByTestId('plan-action')).toHaveAttribute('data-action', 'delete');
  await expect(role.getByRole('alert')).toContainText('This deletes the whole role platform-s3-sqs-consumer-role, not only its trust policy');
  await expect(view.getByTestId('remove-button')).toHaveText('Remove from AWS (4 changes)');
  await view.getByTestId('remove-button').click();
  await expect(view.getByTestId('remove-done')).toContainText('Removed: 4 changes written, each with its backup.', { timeout: 20_000 });
  expect(await aws.sqs.send(new GetQueueUrlCommand({ QueueName: QUEUE })).then(() => 'exists')).toBe('exists');
  expect((await queuePolicy(aws, QUEUE))?.Statement).toEqual([otherTeam]);
});
