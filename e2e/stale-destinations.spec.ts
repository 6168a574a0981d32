import { DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { expect, test } from './fixtures';
import { expectAccessible } from './support/axe';
import { createBucket, createQueue, getNotification, putNotification, seedClients } from './support/aws-seed';
import { applyAwsSteps, connect, fillScope, planOf, startApplying } from './support/wizard-driver';

const BUCKET = 'orders-landing';

test("a kept rule whose queue was deleted blocks the plan; removing it is the admin's choice, shown in the diff", async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  const gone = await createQueue(aws, 'old-team-queue');
  await putNotification(aws, BUCKET, { QueueConfigurations: [{ Id: 'old-team', QueueArn: gone.arn, Events: ['s3:ObjectRemoved:*'] }] });
  await aws.sqs.send(new DeleteQueueCommand({ QueueUrl: gone.url }));
  const before = await getNotification(aws, BUCKET);

  await page.goto(app.url);
  await connect(page);
  // The Connected panel names the endpoint and says no proxy or CA bundle is in use.
  await expect(page.getByTestId('network-endpoint')).toHaveText(motoUrl);
  await expect(page.getByTestId('network-proxy')).toContainText('None: direct connection');
  await expect(page.getByTestId('network-ca-bundle')).toContainText('None: the default certificate authorities');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET, prefix: 'incoming/', suffix: '.csv' }, false, 'stay');

  const review = page.getByTestId('step-panel-review');
  const blocked = review.getByTestId('review-bucketNotification');
  await expect(blocked).toHaveAttribute('data-action', 'blocked', { timeout: 20_000 });
  await expect(blocked.getByRole('alert')).toContainText(`rule "old-team" sends to queue ${gone.arn}, which no longer exists`);
  // Steps this setup does not need say why, rather than summarising an empty document.
  await expect(review.getByTestId('review-kmsKeyPolicy').getByTestId('review-not-needed')).toContainText('no customer managed KMS key');
  await expect(review.getByTestId('review-snsFanOut').getByTestId('review-not-needed')).toContainText('no SNS fan-out is needed');
  // No other scope can remove another team's rule: the way out is the choice on the step, not Edit scope.
  await expect(blocked.getByTestId('edit-scope')).toHaveCount(0);
  await blocked.getByTestId('open-step').click();

  const panel = page.getByTestId('step-panel-bucketNotification');
  expect(await planOf(page, 'bucketNotification')).toBe('blocked');
  const choice = panel.getByTestId('stale-rules').getByRole('checkbox', { name: /Remove rule "old-team"/ });
  await expect(choice).not.toBeChecked();
  await expect(panel.getByTestId('edit-scope')).toHaveCount(0);
  // Blocked, the Proposed side still shows where our rule would go (a draft, never written).
  await expect(panel.getByTestId('draft-note')).toBeVisible();
  await expect(panel.getByRole('region', { name: /^Proposed \(blocked: not written\) document/ })).toContainText('"Id": "orders-landing-s3-events"');
  await expectAccessible(page, 'a stale rule of another team');
  await choice.check();
  // Planned again with the choice: the other team's rule is removed in the diff, ours added; nothing written yet.
  await expect(panel.getByTestId('plan-action')).toHaveAttribute('data-action', 'update', { timeout: 20_000 });
  await expect(panel.locator('[data-testid="summary-item"][data-kind="removed"]')).toContainText('old-team');
  await expect(panel.getByText(/Rule "old-team" .* is removed at your choice; the backup keeps it\./)).toBeVisible();
  await expect(panel.getByTestId('apply-button')).toBeEnabled();
  expect(await getNotification(aws, BUCKET)).toEqual(before);

  // The choice is the wizard's, not the step's: the review plans with it (no blocker left), and so do every step's
  // plan and apply, so the whole setup goes through, with the other team's rule removed in the same write as ours is added.
  await page.getByTestId('stepper-review').click();
  await expect(review.getByTestId('review-bucketNotification')).toHaveAttribute('data-action', 'update', { timeout: 20_000 });
  await expect(review.getByTestId('review-headline')).not.toContainText('blocked');
  await startApplying(page);
  await applyAwsSteps(page);
  const after = await getNotification(aws, BUCKET);
  expect(after.QueueConfigurations?.map((c) => c.Id)).toEqual(['orders-landing-s3-events']);
});
