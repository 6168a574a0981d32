import { expect, test } from './fixtures';
import { createBucket, otherTeamStatement, queuePolicy, seedClients, setQueuePolicy } from './support/aws-seed';
import { saveSetup, testSetup } from './support/api-client';
import { expectAccessible } from './support/axe';
import { downloadOne } from './support/downloads';
import { applyStep, connectHere, fullRun, planOf, screenshot } from './support/wizard-driver';

const BUCKET = 'orders-landing';
const QUEUE = 'orders-landing-s3-events';

test.use({ viewport: { width: 1280, height: 900 } });

test('diagnostics pass on a configured account; a broken queue policy fails and "Plan the fix" opens the queue policy step with a plan', async ({
  page,
  app,
  motoUrl,
}) => {
  const aws = seedClients(motoUrl);
  await createBucket(aws, BUCKET);
  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/', suffix: '.csv' });

  await page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Diagnostics of ${BUCKET}` }).click();
  const view = page.getByTestId('diagnostics-view');
  await expect(view.getByRole('heading', { name: `Diagnostics of ${BUCKET}` })).toBeFocused();
  const report = view.getByTestId('diagnostics-report');
  await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
  const checks = report.getByTestId('check');
  expect(await checks.count()).toBeGreaterThanOrEqual(10);
  for (const id of ['credentials', 'bucket', 'queue', 'queue-policy', 'notification', 'overlap', 'role', 'trust', 'permissions']) {
    await expect(report.locator(`[data-testid="check"][data-id="${id}"]`)).toHaveAttribute('data-status', 'pass');
  }
  await expect(report.locator('[data-testid="check"]:not([data-status="pass"])')).toHaveCount(0);
  await expect(report.getByTestId('diagnostics-summary')).toContainText('No failures');
  await expect(report.getByTestId('plan-fix')).toHaveCount(0);

  // The report downloads as JSON and Markdown.
  const json = await downloadOne(page, report.getByRole('button', { name: 'Download JSON' }));
  expect(json.name).toBe(`${BUCKET}-doctor-report.json`);
  const parsed = JSON.parse(json.content) as { ok: boolean; setupName: string; checks: ReadonlyArray<{ id: string; status: string }> };
  expect(parsed.ok).toBe(true);
  expect(parsed.setupName).toBe(BUCKET);
  expect(parsed.checks.length).toBe(await checks.count());
  const markdown = await downloadOne(page, report.getByRole('button', { name: 'Download Markdown' }));
  expect(markdown.name).toBe(`${BUCKET}-doctor-report.md`);
  expect(markdown.content).toMatch(new RegExp(`^# Diagnostics: ${BUCKET}\\n`));
  expect(markdown.content).toContain('| Queue policy lets S3 send from this bucket | PASS |');

  // Someone replaces the queue policy: S3 may no longer send.
  const queueArn = `arn:aws:sqs:us-east-1:123456789012:${QUEUE}`;
  await setQueuePolicy(aws, QUEUE, { Version: '2012-10-17', Statement: [otherTeamStatement(queueArn)] });
  await view.getByTestId('diagnostics-run').click();
  await expect(report).toHaveAttribute('data-ok', 'false', { timeout: 20_000 });
  const failing = report.locator('[data-testid="check"][data-id="queue-policy"]');
  await expect(failing).toHaveAttribute('data-status', 'fail');
  await expect(failing.getByRole('heading')).toHaveText('✗ Fail: Queue policy lets S3 send from this bucket');
  await expect(failing.getByTestId('check-detail')).toContainText('S3 sending from arn:aws:s3:::orders-landing (account 123456789012) is refused');
  await expect(failing.getByTestId('check-fix')).toContainText('Apply the queue policy step');
  // Failures first; the evidence as a list of requests (action on resource, for whom), not a paragraph: the full text is one click away.
  await expect(report.getByTestId('check').first()).toHaveAttribute('data-id', 'queue-policy');
  const refused = failing.getByTestId('evidence-item');
  await expect(refused).toHaveCount(1);
  await expect(refused).toHaveAttribute('data-verdict', 'refused');
  await expect(refused.getByTestId('evidence-action')).toHaveText('sqs:SendMessage');
  await expect(refused.getByTestId('evidence-resource')).toHaveAttribute('data-value', queueArn);
  await expect(refused).toContainText('Refused:');
  await expect(refused).toContainText('s3.amazonaws.com for arn:aws:s3:::orders-landing');
  await expect(failing.getByTestId('check-detail')).toBeHidden();
  // A check that passes keeps its one line.
  await expect(report.locator('[data-testid="check"][data-id="permissions"]').getByTestId('check-evidence')).toHaveCount(0);
  await expect(report.getByTestId('diagnostics-summary')).toContainText('Failures found: 1 failed');
  await screenshot(page, '14-diagnostics', true);
  await expectAccessible(page, 'diagnostics with a failing check');

  await failing.getByRole('button', { name: 'Plan the fix' }).click();
  const panel = page.getByTestId('step-panel-queuePolicy');
  await expect(panel.getByRole('heading', { name: 'Queue policy' })).toBeFocused();
  expect(await planOf(page, 'queuePolicy')).toBe('update');
  await expect(panel.locator('[data-testid="summary-item"][data-kind="added"]')).toContainText('AllowS3ToSendMessage');
  await expect(panel.locator('[data-testid="summary-item"][data-kind="kept"]')).toContainText('AllowOpsTeamRead');
  await expect(page.getByTestId('stepper-queuePolicy')).toHaveAttribute('aria-current', 'step');
  await applyStep(page, 'queuePolicy');
  expect((await queuePolicy(aws, QUEUE))?.Statement.map((s) => s['Sid']).sort()).toEqual(['AllowOpsTeamRead', 'AllowS3ToSendMessage']);

  // Back to the diagnostics: everything passes again, and with the live test too.
  await page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Diagnostics of ${BUCKET}` }).click();
  await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
  await view.getByTestId('diagnostics-run-live').click();
  await expect(report.locator('[data-testid="check"][data-id="live-test"]')).toHaveAttribute('data-status', 'pass', { timeout: 30_000 });
  await expect(report.locator('[data-testid="check"][data-id="live-test"]').getByTestId('check-detail')).toContainText('received after');
});

test('diagnostics of a saved setup without a connection ask to connect first, then run', async ({ page, request, app, motoUrl }) => {
  await createBucket(seedClients(motoUrl), BUCKET);
  await saveSetup(request, app, testSetup(BUCKET));
  await page.goto(app.url);
  await page.getByRole('button', { name: `Diagnostics of ${BUCKET}` }).click();
  const view = page.getByTestId('diagnostics-view');
  await expect(view.getByRole('heading', { name: `Diagnostics of ${BUCKET}` })).toBeFocused();
  await expect(page.getByTestId('connect-first')).toContainText('connect a profile');
  await expect(view.getByTestId('diagnostics-run')).toBeDisabled();
  await expectAccessible(page, 'diagnostics before connecting');
  await connectHere(page);
  await expect(page.getByTestId('connect-first')).toHaveCount(0);

  // Nothing applied yet: the queue and role checks fail, each with its step; checks that need them are skipped.
  const report = view.getByTestId('diagnostics-report');
  await expect(report).toHaveAttribute('data-ok', 'false', { timeout: 20_000 });
  await expect(report.locator('[data-testid="check"][data-id="bucket"]')).toHaveAttribute('data-status', 'pass');
  await expect(report.locator('[data-testid="check"][data-id="queue"]')).toHaveAttribute('data-status', 'fail');
  await expect(report.locator('[data-testid="check"][data-id="role"]')).toHaveAttribute('data-status', 'fail');
  await expect(report.locator('[data-testid="check"][data-id="trust"]')).toHaveAttribute('data-status', 'skip');
  // Failures first, then what was skipped because of them, then what passed.
  const statuses = await report.getByTestId('check').evaluateAll((items) => items.map((i) => i.getAttribute('data-status')));
  expect(statuses).toEqual([...statuses].sort((a, b) => ['fail', 'warn', 'skip', 'pass'].indexOf(a ?? '') - ['fail', 'warn', 'skip', 'pass'].indexOf(b ?? '')));
  expect(statuses[0]).toBe('fail');
  // The profile form that connected is gone, and with it its running call: navigation is enabled again.
  await expect(page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Setups' })).toBeEnabled();
  await report.locator('[data-testid="check"][data-id="queue"]').getByRole('button', { name: 'Plan the fix' }).click();
  expect(await planOf(page, 'queue')).toBe('create');
});
