import { expect, test } from './fixtures';
import { createBucket, createQueue, getNotification, putNotification, seedClients } from './support/aws-seed';
import { expectAccessible } from './support/axe';
import { applyAll, connect, fillScope, screenshot } from './support/wizard-driver';

const BUCKET = 'orders-landing';

test.use({ viewport: { width: 1280, height: 900 } });

test('an overlapping rule of another team is resolved with an SNS fan-out from the review page: planned, then applied step by step', async ({
  page,
  app,
  motoUrl,
}) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  const other = await createQueue(aws, 'team-b-events');
  await putNotification(aws, BUCKET, {
    QueueConfigurations: [
      {
        Id: 'team-b-incoming',
        QueueArn: other.arn,
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
      },
    ],
  });
  await page.goto(app.url);
  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET, prefix: 'incoming/' }, false, 'stay');

  const review = page.getByTestId('step-panel-review');
  const notification = review.getByTestId('review-bucketNotification');
  await expect(notification).toHaveAttribute('data-action', 'blocked');
  await expect(notification.getByRole('alert')).toContainText('team-b-incoming');
  await expect(notification.getByTestId('fan-out-offer')).toContainText('SNS fan-out');
  await screenshot(page, '02d-review-fan-out-offer', true);
  await notification.getByTestId('resolve-fan-out').click();

  // The review plans again with the fan-out: no blocker; the fan-out step shows the topic, each subscription and what each rule becomes.
  await expect(notification).toHaveAttribute('data-action', 'update', { timeout: 20_000 });
  const fanOut = review.getByTestId('review-snsFanOut');
  await expect(fanOut).toHaveAttribute('data-action', 'update');
  await expect(fanOut).toContainText('Subscription arn:aws:sqs:us-east-1:123456789012:team-b-events');
  await expect(review.getByTestId('fan-out-chosen')).toContainText('resolves an overlapping rule with an SNS fan-out');
  await expectAccessible(page, 'review with an SNS fan-out planned');
  // The choice can be taken back before anything is written: the overlap is a blocker again, and the offer is back.
  await review.getByTestId('undo-fan-out').click();
  await expect(notification).toHaveAttribute('data-action', 'blocked', { timeout: 20_000 });
  await expect(review.getByTestId('fan-out-chosen')).toHaveCount(0);
  await notification.getByTestId('resolve-fan-out').click();
  await expect(notification).toHaveAttribute('data-action', 'update', { timeout: 20_000 });
  await review.getByTestId('review-start').click();
  await applyAll(page);

  const after = await getNotification(aws, BUCKET);
  expect(after.QueueConfigurations ?? []).toEqual([]);
  expect(after.TopicConfigurations?.map((t) => t.Id)).toEqual(['sqs-s3-wizard-fan-out']);
});
