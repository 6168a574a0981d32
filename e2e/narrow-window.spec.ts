import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createBucket, seedClients } from './support/aws-seed';
import { saveSetup, testSetup } from './support/api-client';
import { expectAccessible } from './support/axe';
import { activate } from './support/keyboard';
import { applyStep, connect, fillScope, planOf, screenshot } from './support/wizard-driver';

const WIDTH = 800;
const BUCKET = 'orders-landing';

test.use({ viewport: { width: WIDTH, height: 700 } });

/** True when nothing of `box` lies beyond the window's right edge (an action cut off, or reachable only by scrolling sideways). */
async function rightEdgeOf(target: Locator): Promise<number> {
  const box = await target.boundingBox();
  if (!box) throw new Error('not rendered');
  return box.x + box.width;
}

/** The page's own width: wider than the window means it scrolls sideways. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test('at 800x700 the setups list shows every action of every row, without scrolling sideways', async ({ page, request, app }) => {
  await saveSetup(request, app, testSetup(BUCKET));
  // Long names with no hyphen to break at (a bucket may be named like a domain).
  const archive = 'financeledgerexports.archive.eu.example.com';
  await saveSetup(request, app, { ...testSetup(archive), name: 'financeledgerexportsarchive', queueName: 'financeledgerexportsarchiveeuevents' });
  await page.goto(app.url);
  const table = page.getByTestId('setups-table');
  await expect(table.getByTestId('setup-row')).toHaveCount(2);
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
  const wrap = page.locator('.table-wrap').filter({ has: table });
  expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  for (const name of [BUCKET, 'financeledgerexportsarchive']) {
    for (const label of [`Open setup ${name}`, `Export ${name}`, `Remove ${name} from AWS`, `Delete ${name} from the list`]) {
      const button = page.getByRole('button', { name: label, exact: true });
      await expect(button).toBeVisible();
      expect(await rightEdgeOf(button), label).toBeLessThanOrEqual(WIDTH);
    }
  }
  await screenshot(page, '18-setups-narrow', true);
  await expectAccessible(page, 'setups list at 800x700');
});

test('at 800x700 the wizard folds its steps into one sticky bar that stays in view on a long page; wide, the sidebar stays in view', async ({
  page,
  app,
  motoUrl,
}) => {
  await createBucket(seedClients(motoUrl), BUCKET);
  await page.goto(app.url);
  const stepper = page.getByTestId('stepper');
  const toggle = stepper.getByTestId('stepper-toggle');
  // Collapsed: one bar naming the open step; the page gets the window's whole width.
  await expect(stepper).toHaveAttribute('data-compact', 'true');
  await expect(toggle).toHaveText(/^Step 1 of 12: AWS profile \(current\)/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(stepper.getByRole('list')).toBeHidden();
  expect((await page.locator('main#main').boundingBox())?.width).toBeGreaterThan(WIDTH - 40);

  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET });
  await applyStep(page, 'queue');
  expect(await planOf(page, 'queuePolicy')).toBe('create');
  await expect(toggle).toHaveText(/^Step 5 of 12: Queue policy/);
  // A long page (the queue policy's diff), scrolled to its end: the bar is still in view, and nothing scrolls sideways.
  await page.getByTestId('step-panel-queuePolicy').getByTestId('apply-button').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await expect(toggle).toBeInViewport();
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);

  // With the keyboard: the bar opens the list, a reached step is chosen from it, and the list folds again.
  await activate(page, toggle, 'Enter', { backwards: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(stepper.getByRole('list')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '19-steps-narrow-open', true);
  await expectAccessible(page, 'the steps opened at 800x700');
  await activate(page, page.getByTestId('stepper-queue').getByRole('button'));
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('step-panel-queue').getByRole('heading', { name: 'SQS queue' })).toBeFocused();
  await expect(toggle).toHaveText(/^Step 4 of 12: SQS queue/);

  // Wide again: the sidebar, which stays in view when the page scrolls.
  await page.setViewportSize({ width: 1280, height: 700 });
  await expect(stepper).toHaveAttribute('data-compact', 'false');
  await expect(toggle).toHaveCount(0);
  await page.getByTestId('stepper-queuePolicy').getByRole('button').click();
  await expect(page.getByTestId('step-panel-queuePolicy').getByTestId('apply-button')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await expect(page.getByTestId('stepper-profile')).toBeInViewport();
  await expect(page.getByTestId('stepper-summary')).toBeInViewport();
});

test('at 800x700 the backups table keeps its Restore buttons inside the window', async ({ page, app, motoUrl }) => {
  await createBucket(seedClients(motoUrl), BUCKET);
  await page.goto(app.url);
  await connect(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await fillScope(page, { bucket: BUCKET });
  await applyStep(page, 'queue');
  await applyStep(page, 'queuePolicy');
  await page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Backups of ${BUCKET}` }).click();
  const rows = page.getByTestId('backups-view').getByTestId('backup-row');
  await expect(rows).toHaveCount(2);
  for (const button of await rows.getByRole('button', { name: /^Restore / }).all()) {
    expect(await rightEdgeOf(button)).toBeLessThanOrEqual(WIDTH);
    // Its label stays on one line ("Restore", never "Restor" over "e").
    expect(await textLinesOf(button)).toBe(1);
  }
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
});

/** How many lines an element's text is drawn on. */
async function textLinesOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}
