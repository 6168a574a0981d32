import { expect, test } from './fixtures';
import {
  ACCOUNT,
  createBucket,
  createKmsKey,
  createQueue,
  getNotification,
  kmsKeyPolicy,
  otherTeamStatement,
  putNotification,
  queuePolicy,
  roleDocuments,
  seedClients,
  setQueuePolicy,
} from './support/aws-seed';
import { expectAccessible } from './support/axe';
import { applyAll, applyStep, connect, fillScope, fullRun, PLATFORM, planOf, screenshot, skipLiveTest, startApplying } from './support/wizard-driver';
import { AWS_STEP_IDS } from '../shared/steps/aws-steps';

const BUCKET = 'orders-landing';
const QUEUE = 'orders-landing-s3-events';
const ROLE = 'platform-s3-sqs-consumer-role';
const QUEUE_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT}:${QUEUE}`;

test.use({ viewport: { width: 1280, height: 900 } });

test('a full run on a fresh account ends on the summary with the backups listed', async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);

  const actions = await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/', suffix: '.csv' }, true);
  // The new queue has no customer managed KMS key: its key policy step is "no change".
  expect(actions).toEqual({
    queue: 'create',
    queuePolicy: 'create',
    kmsKeyPolicy: 'unchanged',
    snsFanOut: 'unchanged',
    bucketNotification: 'update',
    roleTrust: 'create',
    rolePermissions: 'create',
  });

  for (const step of AWS_STEP_IDS) {
    const outcome = step === 'kmsKeyPolicy' || step === 'snsFanOut' ? 'unchanged' : 'applied';
    await expect(page.getByTestId(`stepper-${step}`)).toHaveAttribute('data-status', outcome);
    await expect(page.getByTestId(`summary-row-${step}`)).toHaveAttribute('data-outcome', outcome);
  }
  const summary = page.getByTestId('step-panel-summary');
  await expect(summary.getByRole('heading', { name: 'Summary' })).toBeFocused();
  await expect(summary.getByTestId('summary-headline')).toHaveText('5 of 7 steps changed the account in this run.');
  await expect(summary.getByTestId('backup-row')).toHaveCount(5);
  await expect(summary.getByTestId('platform-values')).toContainText(`arn:aws:iam::${ACCOUNT}:role/${ROLE}`);
  await expect(summary.getByTestId('platform-values')).toContainText(`/${QUEUE}`);
  await screenshot(page, '08-summary', true);

  // What the UI wrote, read with the SDK.
  const policy = await queuePolicy(aws, QUEUE);
  expect(policy?.Statement.map((s) => s['Sid'])).toEqual(['AllowS3ToSendMessage']);
  const notification = await getNotification(aws, BUCKET);
  expect(notification.QueueConfigurations).toEqual([
    {
      Id: QUEUE,
      QueueArn: QUEUE_ARN,
      Events: ['s3:ObjectCreated:*'],
      Filter: {
        Key: {
          FilterRules: [
            { Name: 'prefix', Value: 'incoming/' },
            { Name: 'suffix', Value: '.csv' },
          ],
        },
      },
    },
  ]);
  const role = await roleDocuments(aws, ROLE);
  expect(JSON.stringify(role.trust)).toContain(PLATFORM.externalId);
  expect(JSON.stringify(role.permissions)).toContain(QUEUE_ARN);

  // The start screen lists the setup as applied.
  await page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Setups' }).click();
  const row = page.getByTestId('setup-row').filter({ hasText: BUCKET });
  await expect(row.getByTestId('setup-status')).toHaveText('applied');
  await screenshot(page, '00-setups', true);
});

test('existing Lambda, SNS and SQS notifications and another queue-policy statement are all preserved', async ({ page, context, app, motoUrl }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  const audit = await createQueue(aws, 'audit-events');
  const ours = await createQueue(aws, QUEUE);
  await setQueuePolicy(aws, QUEUE, { Version: '2012-10-17', Statement: [otherTeamStatement(ours.arn)] });
  const existing = {
    LambdaFunctionConfigurations: [
      {
        Id: 'thumbnails',
        LambdaFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:thumbnails`,
        Events: ['s3:ObjectCreated:*' as const],
        Filter: { Key: { FilterRules: [{ Name: 'prefix' as const, Value: 'images/' }] } },
      },
    ],
    TopicConfigurations: [{ Id: 'deletions', TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:audit`, Events: ['s3:ObjectRemoved:*' as const] }],
    QueueConfigurations: [
      {
        Id: 'logs-to-audit',
        QueueArn: audit.arn,
        Events: ['s3:ObjectCreated:*' as const],
        Filter: { Key: { FilterRules: [{ Name: 'prefix' as const, Value: 'logs/' }] } },
      },
    ],
  };
  await putNotification(aws, BUCKET, existing);

  await page.goto(app.url);
  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET, prefix: 'incoming/' });

  // The queue exists: reused, with the shared-queue warning.
  const queue = page.getByTestId('step-panel-queue');
  expect(await planOf(page, 'queue')).toBe('unchanged');
  await expect(queue.getByRole('alert').filter({ hasText: 'AllowOpsTeamRead' })).toContainText('shared');
  await applyStep(page, 'queue');
  await expect(page.getByTestId('stepper-queue')).toHaveAttribute('data-status', 'unchanged');

  // The queue policy: the other statement kept, ours added, shown before the diff.
  const policyPanel = page.getByTestId('step-panel-queuePolicy');
  expect(await planOf(page, 'queuePolicy')).toBe('update');
  await expect(policyPanel.locator('[data-testid="summary-item"][data-kind="kept"]')).toHaveCount(1);
  await expect(policyPanel.locator('[data-testid="summary-item"][data-kind="added"]')).toHaveCount(1);
  await expect(policyPanel.getByTestId('diff-view')).toHaveAttribute('data-mode', 'side-by-side');
  await applyStep(page, 'queuePolicy');
  expect(await planOf(page, 'kmsKeyPolicy')).toBe('unchanged');
  await applyStep(page, 'kmsKeyPolicy');
  expect(await planOf(page, 'snsFanOut')).toBe('unchanged');
  await applyStep(page, 'snsFanOut');

  const notificationPanel = page.getByTestId('step-panel-bucketNotification');
  expect(await planOf(page, 'bucketNotification')).toBe('update');
  await expect(notificationPanel.locator('[data-testid="summary-item"][data-kind="kept"]')).toHaveCount(3);
  await expect(notificationPanel.locator('[data-testid="summary-item"][data-kind="added"]')).toHaveCount(1);
  // The summary comes first; the diff folds what did not change (the kept Lambda rule) until asked.
  const summaryBox = await notificationPanel.getByRole('region', { name: 'What changes' }).boundingBox();
  const diff = notificationPanel.getByTestId('diff-view');
  const diffBox = await diff.boundingBox();
  expect(summaryBox && diffBox && summaryBox.y < diffBox.y).toBe(true);
  await expect(diff.getByTestId('diff-fold')).toHaveCount(2);
  await expect(diff).not.toContainText('logs-to-audit');
  await expect(diff).not.toContainText('thumbnails');
  await expect(diff).toContainText(`"Id": "${QUEUE}"`);
  await diff.getByTestId('diff-fold').first().click();
  await expect(diff).toContainText('logs-to-audit');
  await expect(diff).not.toContainText('thumbnails');
  await diff.getByTestId('diff-fold-all').click();
  await expect(diff.getByTestId('diff-fold')).toHaveCount(0);
  await expect(diff).toContainText('thumbnails');
  await expect(diff).toContainText('deletions');
  await applyStep(page, 'bucketNotification');

  // A long ARN is cut in the middle on screen, whole on hover, for screen readers and when copied.
  expect(await planOf(page, 'roleTrust')).toBe('create');
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`;
  const resource = page.getByTestId('step-panel-roleTrust').getByTestId('plan-resource');
  await expect(resource).toHaveAttribute('title', roleArn);
  await expect(resource.locator('[aria-hidden="true"]').first()).toHaveText(/^arn:aws:iam::.*….*\/platform-s3-sqs-consumer-role$/);
  expect((await resource.locator('[aria-hidden="true"]').first().innerText()).length).toBeLessThan(roleArn.length);
  await expect(resource.locator('.visually-hidden')).toHaveText(roleArn);
  await page.getByTestId('step-panel-roleTrust').getByRole('button', { name: 'Copy resource' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(roleArn);
  await applyStep(page, 'roleTrust');
  await applyStep(page, 'rolePermissions');
  await skipLiveTest(page);
  await expect(page.getByTestId('summary-headline')).toHaveText('4 of 7 steps changed the account in this run.');

  const after = await getNotification(aws, BUCKET);
  expect(after.LambdaFunctionConfigurations?.map((c) => c.Id)).toEqual(['thumbnails']);
  expect(after.LambdaFunctionConfigurations?.[0]?.LambdaFunctionArn).toBe(existing.LambdaFunctionConfigurations[0]?.LambdaFunctionArn);
  expect(after.TopicConfigurations?.map((c) => c.Id)).toEqual(['deletions']);
  expect(after.QueueConfigurations?.map((c) => c.Id).sort()).toEqual(['logs-to-audit', QUEUE].sort());
  expect(after.QueueConfigurations?.find((c) => c.Id === 'logs-to-audit')?.QueueArn).toBe(audit.arn);
  const policy = await queuePolicy(aws, QUEUE);
  expect(policy?.Statement.map((s) => s['Sid']).sort()).toEqual(['AllowOpsTeamRead', 'AllowS3ToSendMessage']);
  expect(policy?.Statement.find((s) => s['Sid'] === 'AllowOpsTeamRead')).toEqual(otherTeamStatement(ours.arn));
});

test('an overlapping existing rule is a blocker on the review page before anything is written, and its step shows why', async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  const other = await createQueue(aws, 'csv-importer');
  const existing = {
    QueueConfigurations: [
      {
        Id: 'csv-importer-rule',
        QueueArn: other.arn,
        Events: ['s3:ObjectCreated:Put' as const],
        Filter: { Key: { FilterRules: [{ Name: 'prefix' as const, Value: 'incoming/' }] } },
      },
    ],
  };
  await putNotification(aws, BUCKET, existing);
  const before = await getNotification(aws, BUCKET);

  await page.goto(app.url);
  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET, prefix: 'incoming/', suffix: '.csv' }, false, 'stay');

  // The whole plan first: the notification step is blocked, so applying cannot start and nothing is written.
  const review = page.getByTestId('step-panel-review');
  await expect(review.getByTestId('review-headline')).toHaveText('1 step blocked: nothing has been written, and no step can be applied until it is resolved.');
  const blocked = review.getByTestId('review-bucketNotification');
  await expect(blocked).toHaveAttribute('data-action', 'blocked');
  await expect(blocked.getByRole('alert')).toContainText('csv-importer-rule');
  // Not a run-on paragraph: a short headline, a table of the rule in the way against ours, why and what would not overlap, and the ways out beside it.
  await expect(blocked.getByTestId('blocker-headline')).toHaveText(
    'Our rule "orders-landing-s3-events" overlaps QueueConfiguration "csv-importer-rule": S3 would refuse the bucket\'s notification document ("Configuration is ambiguously defined"). Nothing has been written.',
  );
  const conflict = blocked.getByTestId('overlap-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByTestId('overlap-events').getByTestId('theirs')).toHaveText('s3:ObjectCreated:Put');
  await expect(conflict.getByTestId('overlap-events').getByTestId('ours')).toHaveText('s3:ObjectCreated:*');
  await expect(conflict.getByTestId('overlap-prefix').getByTestId('why')).toHaveText('both use prefix "incoming/"');
  await expect(conflict.getByTestId('overlap-suffix').getByTestId('theirs')).toHaveText('(none)');
  await expect(conflict.getByTestId('overlap-suffix').getByTestId('ours')).toHaveText('".csv"');
  await expect(conflict.getByTestId('overlap-suffix').getByTestId('why')).toHaveText('its empty suffix matches every key');
  const ways = conflict.getByTestId('would-not-overlap');
  await expect(ways.locator('[data-change="our-prefix"]')).toHaveAttribute('data-possible', 'true');
  await expect(ways.locator('[data-change="our-prefix"]').getByTestId('example')).toHaveText('orders-landing/');
  await expect(ways.locator('[data-change="our-suffix"]')).toHaveAttribute('data-possible', 'false');
  const actions = blocked.getByTestId('blocker').getByTestId('blocker-actions');
  await expect(actions.getByTestId('edit-scope')).toBeVisible();
  await expect(actions.getByTestId('resolve-fan-out')).toBeVisible();
  await expectAccessible(page, 'review with an overlap blocker');
  await expect(review.getByTestId('review-queue')).toHaveAttribute('data-action', 'create');
  await expect(review.getByTestId('review-start')).toBeDisabled();
  expect(await queuePolicy(aws, QUEUE).catch(() => 'no queue')).toBe('no queue');
  await screenshot(page, '02c-review-blocked', true);
  await blocked.getByTestId('open-step').click();

  const panel = page.getByTestId('step-panel-bucketNotification');
  expect(await planOf(page, 'bucketNotification')).toBe('blocked');
  await expect(panel.getByRole('alert').filter({ hasText: 'csv-importer-rule' })).toBeVisible();
  await expect(panel.getByTestId('apply-button')).toBeDisabled();
  // The step shows the same table with Edit scope and the fan-out beside it, and its Proposed side shows our rule placed (a draft: still blocked).
  await expect(panel.getByTestId('blocker').getByTestId('overlap-conflict')).toHaveCount(1);
  await expect(panel.getByTestId('blocker').getByTestId('edit-scope')).toBeVisible();
  await expect(panel.getByTestId('blocker').getByTestId('resolve-fan-out')).toBeVisible();
  await expect(panel.getByTestId('draft-note')).toBeVisible();
  const proposed = panel.getByRole('region', { name: /^Proposed \(blocked: not written\) document/ });
  await expect(proposed).toContainText(`"Id": "${QUEUE}"`);
  await expect(panel.getByRole('region', { name: /^Current \(live\) document/ })).not.toContainText(`"Id": "${QUEUE}"`);
  await screenshot(page, '05b-bucket-notification-blocked', true);
  await expectAccessible(page, 'a blocked step with its conflict table and draft');
  await expect(page.getByTestId('stepper-bucketNotification')).toHaveAttribute('data-status', 'blocked');
  await expect(page.getByTestId('stepper-bucketNotification')).toContainText('blocked');
  expect(await getNotification(aws, BUCKET)).toEqual(before);

  // The stepper opens the queue step, whose own plan is fine: it is held, since another step is blocked.
  await page.getByTestId('stepper-queue').getByRole('button').click();
  const queue = page.getByTestId('step-panel-queue');
  expect(await planOf(page, 'queue')).toBe('create');
  await expect(queue.getByTestId('apply-held')).toContainText('Bucket notification is blocked');
  await expect(queue.getByTestId('apply-button')).toBeDisabled();
  await expectAccessible(page, 'a step held by a blocker elsewhere');
  expect(await queuePolicy(aws, QUEUE).catch(() => 'no queue')).toBe('no queue');

  // The other team moves its rule: the review finds nothing blocked, and applying starts.
  await putNotification(aws, BUCKET, {});
  await queue.getByTestId('held-review').click();
  await expect(review.getByTestId('review-headline')).toHaveText('5 of 7 steps will change the account; nothing has been written yet.');
  await expect(page.getByTestId('stepper-bucketNotification')).toHaveAttribute('data-status', 'todo');
  await startApplying(page);
  await applyStep(page, 'queue');
});

test("a change behind the wizard's back between plan and apply stops with DRIFT and offers Plan again", async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await page.goto(app.url);
  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET });
  await applyStep(page, 'queue');

  const panel = page.getByTestId('step-panel-queuePolicy');
  expect(await planOf(page, 'queuePolicy')).toBe('create');
  const sneaky = { Version: '2012-10-17', Statement: [otherTeamStatement(QUEUE_ARN)] };
  await setQueuePolicy(aws, QUEUE, sneaky);

  await panel.getByTestId('apply-button').click();
  const alert = panel.locator('[data-code="DRIFT"]');
  await expect(alert).toContainText('Stopped: changed since the plan');
  // Said once, and the stepper says what happened: stopped, not failed.
  await expect(panel.getByText(/changed since the plan/i)).toHaveCount(1);
  await expect(page.getByTestId('stepper-queuePolicy')).toHaveAttribute('data-status', 'drift');
  await expect(page.getByTestId('stepper-queuePolicy')).toContainText('stopped: changed since the plan');
  await expect(panel.getByTestId('plan-action')).toHaveText('will be created');
  expect(await queuePolicy(aws, QUEUE)).toEqual(sneaky);
  await screenshot(page, '10-drift', true);

  await panel.getByRole('button', { name: 'Plan again' }).click();
  expect(await planOf(page, 'queuePolicy')).toBe('update');
  await expect(panel.locator('[data-testid="summary-item"][data-kind="kept"]')).toContainText('AllowOpsTeamRead');
  await expect(page.getByTestId('stepper-queuePolicy')).toHaveAttribute('data-status', 'current');
  await applyStep(page, 'queuePolicy');
  expect((await queuePolicy(aws, QUEUE))?.Statement.map((s) => s['Sid']).sort()).toEqual(['AllowOpsTeamRead', 'AllowS3ToSendMessage']);
});

test('a second run of a saved setup finds no change anywhere and writes nothing', async ({ page, app, motoUrl }) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/' });
  await expect(page.getByTestId('step-panel-summary').getByTestId('backup-row')).toHaveCount(5);

  await page.reload();
  const row = page.getByTestId('setup-row').filter({ hasText: BUCKET });
  await row.getByRole('button', { name: `Open setup ${BUCKET}` }).click();
  await expect(page.getByTestId('account-id')).toHaveText(ACCOUNT);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  const scope = page.getByTestId('step-panel-scope');
  await expect(scope.getByLabel('Bucket', { exact: true })).toHaveValue(BUCKET);
  await expect(scope.getByLabel('Object key prefix')).toHaveValue('incoming/');
  await expect(scope.getByLabel('External ID')).toHaveValue(PLATFORM.externalId);
  await scope.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByTestId('step-panel-review').getByTestId('review-headline')).toHaveText(
    '0 of 7 steps will change the account; nothing has been written yet.',
  );
  await startApplying(page);

  const actions = await applyAll(page);
  expect(Object.values(actions)).toEqual(AWS_STEP_IDS.map(() => 'unchanged'));
  for (const step of AWS_STEP_IDS) await expect(page.getByTestId(`stepper-${step}`)).toHaveAttribute('data-status', 'unchanged');
  const summary = page.getByTestId('step-panel-summary');
  await expect(summary.getByTestId('summary-headline')).toHaveText('Nothing was changed in this run.');
  await expect(summary.getByTestId('backup-row')).toHaveCount(5);

  // Reached steps can be opened again from the stepper; re-planning is safe.
  await page.getByTestId('stepper-queuePolicy').getByRole('button').click();
  expect(await planOf(page, 'queuePolicy')).toBe('unchanged');
  await expect(page.getByTestId('step-panel-queuePolicy').getByRole('heading', { name: 'Queue policy' })).toBeFocused();
});

test("the scope form validates as it is typed, offers the bucket's Region and explains bad pasted JSON", async ({ page, app, motoUrl }) => {
  await createBucket(seedClients(motoUrl, 'eu-west-1'), 'eu-orders', 'eu-west-1');
  await page.goto(app.url);
  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  const scope = page.getByTestId('step-panel-scope');

  const queueName = scope.getByLabel('Queue name');
  await scope.getByLabel('Bucket', { exact: true }).fill('eu-orders');
  await expect(queueName).toHaveValue('eu-orders-s3-events');
  await expect(scope.getByLabel('Setup name')).toHaveValue('eu-orders');
  const region = scope.getByLabel('Region', { exact: true });
  await expect(region).toHaveAttribute('aria-invalid', 'true');
  await expect(scope.getByText('The bucket is in eu-west-1')).toBeVisible();
  await scope.getByRole('button', { name: "Use eu-west-1, the bucket's Region" }).click();
  await expect(region).toHaveValue('eu-west-1');
  await expect(region).toHaveAttribute('aria-invalid', 'false');

  await queueName.fill('events.fifo');
  await expect(queueName).toHaveAttribute('aria-invalid', 'true');
  await expect(scope.locator('#scope-queueName-help')).toContainText('FIFO queues cannot receive S3 event notifications');
  await queueName.fill('eu-orders-events');
  await expect(queueName).toHaveAttribute('aria-invalid', 'false');

  await scope.getByLabel('Platform setup role ARN').fill('arn:aws:sts::111122223333:assumed-role/x/y');
  await expect(scope.locator('#scope-platformSetupRoleArn-help')).toContainText('assumed-role session ARN');

  await scope.getByLabel('Paste the values from the platform console').fill('{"externalId": ');
  await scope.getByRole('button', { name: 'Fill from JSON' }).click();
  await expect(scope.getByTestId('paste-error')).toContainText('not valid JSON');

  await scope.getByLabel('Bucket', { exact: true }).fill('no-such-bucket-here');
  await expect(scope.locator('#scope-bucket-help')).toContainText('was not found in this account');
  await scope.getByRole('button', { name: 'Save and continue' }).click();
  await expect(scope.getByLabel('Bucket', { exact: true })).toBeFocused();
  await expect(page.getByTestId('step-panel-scope')).toBeVisible();
});

test('on a narrow window the diff is unified, with +/- signs', async ({ page, app, motoUrl }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await createBucket(seedClients(motoUrl), BUCKET);
  await page.goto(app.url);
  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET });
  await applyStep(page, 'queue');
  expect(await planOf(page, 'queuePolicy')).toBe('create');
  const diff = page.getByTestId('step-panel-queuePolicy').getByTestId('diff-view');
  await expect(diff).toHaveAttribute('data-mode', 'unified');
  await expect(diff.locator('.diff-added').first()).toContainText('+');
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(diff).toHaveAttribute('data-mode', 'side-by-side');
});

test('an existing queue encrypted with alias/aws/sqs is refused with the reason; a customer managed key gets the KMS key policy step', async ({
  page,
  app,
  motoUrl,
}) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await createQueue(aws, QUEUE, undefined, { KmsMasterKeyId: 'alias/aws/sqs' });
  const key = await createKmsKey(aws);
  await createQueue(aws, 'cmk-events', undefined, { KmsMasterKeyId: key.arn });
  const defaultPolicy = await kmsKeyPolicy(aws, key.keyId);

  await page.goto(app.url);
  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET }, false, 'stay');
  const review = page.getByTestId('step-panel-review');
  await expect(review.getByTestId('review-queue')).toHaveAttribute('data-action', 'blocked');
  await review.getByTestId('review-queue').getByTestId('open-step').click();
  const panel = page.getByTestId('step-panel-queue');
  expect(await planOf(page, 'queue')).toBe('blocked');
  await expect(panel.locator('[data-code="CONFLICT"]')).toContainText('alias/aws/sqs');
  await expect(panel.getByTestId('apply-button')).toBeDisabled();
  await expect(page.getByTestId('stepper-queue')).toHaveAttribute('data-status', 'blocked');

  // Back to the scope, another queue: its customer managed key needs our statement in the key policy, a step of its own.
  await page.getByTestId('stepper-scope').getByRole('button').click();
  await page.getByTestId('step-panel-scope').getByLabel('Queue name').fill('cmk-events');
  await page.getByTestId('step-panel-scope').getByRole('button', { name: 'Save and continue' }).click();
  await expect(review.getByTestId('review-kmsKeyPolicy')).toHaveAttribute('data-action', 'update');
  await startApplying(page);
  expect(await planOf(page, 'queue')).toBe('unchanged');
  await expect(panel.getByText('the KMS key policy step lets S3 use it')).toBeVisible();
  await expect(panel.getByRole('alert').filter({ hasText: 'KMS' })).toHaveCount(0);
  await applyStep(page, 'queue');
  await applyStep(page, 'queuePolicy');

  const kms = page.getByTestId('step-panel-kmsKeyPolicy');
  expect(await planOf(page, 'kmsKeyPolicy')).toBe('update');
  await expect(kms.getByText('Step 6 of 12', { exact: true })).toBeVisible();
  await expect(kms.getByRole('heading', { name: 'KMS key policy' })).toBeFocused();
  await expect(kms.locator('.plan-line')).toContainText(key.arn);
  await expect(kms.locator('[data-testid="summary-item"][data-kind="added"]')).toContainText('AllowS3ToUseTheKeyForSqsNotifications');
  await expect(kms.locator('[data-testid="summary-item"][data-kind="kept"]')).toContainText('Enable IAM User Permissions');
  await expect(kms.getByTestId('diff-view')).toContainText('kms:GenerateDataKey');
  await kms.getByRole('button', { name: 'Apply KMS key policy' }).click();
  await expect(kms.getByTestId('result-action')).toHaveAttribute('data-action', 'updated', { timeout: 20_000 });
  await expect(kms.getByTestId('backup-path')).toContainText('kms-key-policy.json');
  await expect(page.getByTestId('stepper-kmsKeyPolicy')).toHaveAttribute('data-status', 'applied');

  const policy = await kmsKeyPolicy(aws, key.keyId);
  expect(policy.Statement.map((s) => s['Sid'])).toEqual(['Enable IAM User Permissions', 'AllowS3ToUseTheKeyForSqsNotifications']);
  expect(policy.Statement[0]).toEqual(defaultPolicy.Statement[0]);
  expect(policy.Statement[1]).toMatchObject({
    Principal: { Service: 's3.amazonaws.com' },
    Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
    Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${BUCKET}` }, StringEquals: { 'aws:SourceAccount': ACCOUNT } },
  });
  await kms.getByRole('button', { name: 'Continue', exact: true }).click();
  expect(await applyStep(page, 'snsFanOut')).toBe('unchanged');
  await expect(page.getByTestId('step-panel-bucketNotification')).toBeVisible();
});
