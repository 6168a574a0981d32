import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createBucket, createQueue, otherTeamStatement, seedClients, setQueuePolicy } from './support/aws-seed';
import { applyStep, connect, fillScope, planOf, screenshot } from './support/wizard-driver';

const BUCKET = 'orders-landing';

/** WCAG 2.x A and AA rules (axe-core tags), in both colour schemes. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, `${where}, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.use({ viewport: { width: 1280, height: 900 } });

test('every screen of the guided apply passes axe in light and dark themes', async ({ page, app, motoUrl }) => {
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
  await fillScope(page, { bucket: BUCKET, prefix: 'incoming/' });

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
  await applyStep(page, 'bucketNotification');
  await applyStep(page, 'roleTrust');
  await applyStep(page, 'rolePermissions');
  await expectAccessible(page, 'summary');

  await page.getByRole('button', { name: 'Open the backups view' }).click();
  await page.getByTestId('backup-row').filter({ hasText: 'queue-policy' }).getByRole('button').click();
  await expect(page.getByTestId('restore-panel').getByTestId('plan-action')).toBeVisible();
  await expectAccessible(page, 'backups and restore');
  await page.getByRole('button', { name: 'Setups' }).click();
  await expect(page.getByTestId('setup-row')).toHaveCount(1);
  await expectAccessible(page, 'setups');
});
